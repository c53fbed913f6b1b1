import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { SlackUserSchema } from '#shared/domain/access';
import { callerKeys, getManyParams, getPersonParams, managerKey, recordKeysParams, recordFirstManagerParams, savePersonParams, setLanguageParams, setManagerParams } from '#shared/store/people-params';
import { commitmentWithTrackParams, trackWithParams } from '#shared/store/params';
import { teamItemsScanParams } from '#shared/store/installation-params';

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

describe('the language a person chose (issue 26)', () => {
  it('is set on their record only, and removed by `me language slack`', () => {
    const set = setLanguageParams('t', 'T0ONE', 'U0HANAKO', 'ja');
    expect(unmarshall(set.Key!)).toEqual({ pk: 'T0ONE', sk: 'PERSON#U0HANAKO' });
    expect(set.UpdateExpression).toBe('SET #language = :language');
    expect(set.ConditionExpression).toBe('attribute_exists(pk)');
    expect(unmarshall(set.ExpressionAttributeValues!)).toEqual({ ':language': 'ja' });
    const cleared = setLanguageParams('t', 'T0ONE', 'U0HANAKO', undefined);
    expect(cleared.UpdateExpression).toBe('REMOVE #language');
    expect(cleared.ExpressionAttributeValues).toBeUndefined();
  });

  it('is left as it is when what Slack says of the person is saved again', () => {
    const save = savePersonParams('t', { teamId: 'T0ONE', userId: 'U0HANAKO', user: SlackUserSchema.parse({ id: 'U0HANAKO' }), locale: 'en-US', fetchedAt: '2026-03-01T00:00:00.000Z', asOf: 1 }, { existing: false });
    expect(save.UpdateExpression).not.toMatch(/language/);
    expect(Object.values(save.ExpressionAttributeNames ?? {})).not.toContain('language');
  });
});

describe('every read of a caller’s records', () => {
  it('is strongly consistent, so a demotion written a moment ago applies to the next request on any container', () => {
    const also = callerKeys('T0ONE', 'U0HANAKO');
    const batches = [getManyParams('t', also), trackWithParams('t', 'T0ONE', 'japan-korea', also), commitmentWithTrackParams('t', 'T0ONE', 'japan-korea', 'JK-1', also)];
    expect(batches.map((input) => input.RequestItems?.['t']?.ConsistentRead)).toEqual([true, true, true]);
    expect(getPersonParams('t', 'T0ONE', 'U0HANAKO').ConsistentRead).toBe(true);
  });
});

describe('the reads that find what an uninstall or a purge deletes', () => {
  it('are strongly consistent, so a record written a moment before is found and goes too', () => {
    expect([recordKeysParams('t', 'T0ONE', 'PERSON#'), recordKeysParams('t', 'T0ONE', 'GROUP#'), teamItemsScanParams('t', 'T0ONE')].map((input) => input.ConsistentRead)).toEqual([true, true, true]);
  });
});
