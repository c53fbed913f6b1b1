import { describe, expect, it } from 'vitest';
import { ConflictError } from '#shared/errors';
import { createPreferencesStore } from '#shared/store/preferences';
import { useTestTable } from '../../support/dynamodb.ts';

const table = useTestTable();
const store = () => createPreferencesStore({ client: table.client, tableName: table.tableName });

describe('check-in preferences store', () => {
  it('reads weekdays at 09:00 for someone who never set any, and keeps what they save', async () => {
    const s = store();
    expect(await s.get('T0PREFS', 'U0NEW')).toMatchObject({ time: '09:00', days: [1, 2, 3, 4, 5], version: 1 });
    const saved = await s.put({ ...(await s.get('T0PREFS', 'U0NEW')), time: '08:30', days: [0, 1, 2, 3, 4, 5, 6] }, undefined);
    expect(saved.version).toBe(1);
    expect(await s.get('T0PREFS', 'U0NEW')).toMatchObject({ time: '08:30', days: [0, 1, 2, 3, 4, 5, 6], version: 1 });
    await expect(s.put({ ...saved, time: '10:00' }, undefined)).rejects.toBeInstanceOf(ConflictError);
    expect((await s.put({ ...saved, time: '10:00' }, 1)).version).toBe(2);
  });

  it('reads many people at once, defaults for the rest, and stops someone with a reason', async () => {
    const s = store();
    await s.put({ ...(await s.get('T0MANY', 'U0A')), time: '07:00' }, undefined);
    await s.stop('T0MANY', 'U0B', 'deactivated', new Date('2026-03-01T00:00:00Z'));
    const ids = Array.from({ length: 130 }, (_, i) => `U0X${i}`).concat(['U0A', 'U0B']);
    const many = await s.getMany('T0MANY', ids);
    expect(many.size).toBe(132);
    expect(many.get('U0A')?.time).toBe('07:00');
    expect(many.get('U0B')?.stopped).toEqual({ reason: 'deactivated', at: '2026-03-01T00:00:00.000Z' });
    expect(many.get('U0X7')?.time).toBe('09:00');
  });
});
