import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { managerKey, recordFirstManagerParams, setManagerParams } from '#shared/store/people-params';

const manager = { teamId: 'T0ONE', userId: 'U0FIRST', setBy: 'install', setAt: '2026-03-01T00:00:00.000Z' };

describe('the app manager record (issue 23)', () => {
  it('sits under the team beside its person records', () => {
    expect(unmarshall(managerKey('T0ONE'))).toEqual({ pk: 'T0ONE', sk: 'MANAGER' });
  });

  it('is written by an install only where the team has none, so a reinstall writes nothing', () => {
    const input = recordFirstManagerParams('t', manager);
    expect(input.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(unmarshall(input.Item!)).toEqual({ pk: 'T0ONE', sk: 'MANAGER', type: 'manager', ...manager });
  });

  it('is written whatever was there when an admin sets it, and keeps the record without a person when cleared', () => {
    const { userId: _, ...cleared } = manager;
    const input = setManagerParams('t', { ...cleared, setBy: 'U0ADMIN' });
    expect(input.ConditionExpression).toBeUndefined();
    expect(unmarshall(input.Item!)).toEqual({ pk: 'T0ONE', sk: 'MANAGER', type: 'manager', teamId: 'T0ONE', setBy: 'U0ADMIN', setAt: manager.setAt });
  });
});
