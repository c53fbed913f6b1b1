import { describe, expect, it } from 'vitest';
import { complianceByParty, complianceTrend } from '#shared/domain/compliance';
import type { Commitment, ComplianceScore, HistoryEntry, Party } from '#shared/domain/schemas';

const PARTIES: Party[] = [{ code: 'JP', name: 'Japan' }, { code: 'KR', name: 'South Korea' }];

function item(seq: number, compliance: Commitment['compliance'] = {}, status: Commitment['status'] = 'in-progress'): Commitment {
  return {
    teamId: 'T0TEST', track: 'japan-korea', id: `JK-${seq}`, seq, title: `Item ${seq}`, parties: ['JP', 'KR'], owners: [],
    source: { meeting: 'Busan summit', date: '2025-09-30' }, kind: { type: 'one-off' }, status, notes: [], compliance, version: 1,
    createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'seed', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'seed',
  };
}

function assessed(seq: number, party: string, to: ComplianceScore, date: string, at: string): HistoryEntry {
  return { teamId: 'T0TEST', track: 'japan-korea', commitmentId: `JK-${seq}`, version: 2, at, by: 'U0ALICE', change: { type: 'assessment', party, to, date } };
}

describe('complianceByParty (issue 15)', () => {
  it('gives each party’s mean over its assessed items, the day of its latest score and how many items it covers', () => {
    const items = [
      item(1, { JP: { score: 1, date: '2026-03-01', by: 'U0ALICE' } }),
      item(2, { JP: { score: 0, date: '2026-04-02', by: 'U0ALICE' } }),
      item(3),
      item(4, { JP: { score: -1, date: '2026-05-01', by: 'U0ALICE' } }, 'dropped'),
    ];
    expect(complianceByParty(items, PARTIES)).toEqual([
      { party: PARTIES[0], mean: 0.5, assessed: 2, total: 3, date: '2026-04-02' },
      { party: PARTIES[1], mean: 0, assessed: 0, total: 3 },
    ]);
  });
});

describe('complianceTrend (issue 15)', () => {
  it('gives a point per assessment day, each item counted by its latest score as of that day', () => {
    const items = [item(1), item(2), item(3)];
    const history = [
      assessed(1, 'JP', -1, '2026-01-10', '2026-01-10T00:00:00.000Z'),
      assessed(1, 'JP', 1, '2026-03-01', '2026-03-01T00:00:00.000Z'),
      // Recorded after the March score, as of February.
      assessed(2, 'JP', 0, '2026-02-01', '2026-03-05T00:00:00.000Z'),
      // Two on one day: the one recorded last stands.
      assessed(3, 'KR', 1, '2026-02-01', '2026-02-01T01:00:00.000Z'),
      assessed(3, 'KR', -1, '2026-02-01', '2026-02-01T02:00:00.000Z'),
    ];
    expect(complianceTrend(items, PARTIES, history)).toEqual([
      {
        party: PARTIES[0],
        points: [
          { date: '2026-01-10', mean: -1, assessed: 1, total: 3 },
          { date: '2026-02-01', mean: -0.5, assessed: 2, total: 3 },
          { date: '2026-03-01', mean: 0.5, assessed: 2, total: 3 },
        ],
      },
      { party: PARTIES[1], points: [{ date: '2026-02-01', mean: -1, assessed: 1, total: 3 }] },
    ]);
  });

  it('leaves out items the party is no part of, and dropped ones', () => {
    const items = [{ ...item(1), parties: ['KR'] }, item(2, {}, 'dropped')];
    const history = [assessed(1, 'JP', 1, '2026-01-10', '2026-01-10T00:00:00.000Z'), assessed(2, 'JP', 1, '2026-01-10', '2026-01-10T00:00:00.000Z')];
    expect(complianceTrend(items, PARTIES, history)[0]).toEqual({ party: PARTIES[0], points: [] });
  });
});
