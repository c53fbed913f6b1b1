import { describe, expect, it } from 'vitest';
import { applyChange, formatOwners, parseOwners } from '#shared/domain/changes';
import type { Commitment } from '#shared/domain/schemas';

const NOW = new Date('2026-03-25T01:00:00Z');
const ITEM: Commitment = {
  teamId: 'T0TEST',
  track: 'japan-korea',
  id: 'JK-4',
  seq: 4,
  title: 'Convene the committee',
  parties: ['JP', 'KR'],
  owners: [],
  source: { meeting: 'Busan summit', date: '2025-09-30' },
  kind: { type: 'one-off' },
  status: 'not-started',
  notes: [],
  compliance: {},
  version: 1,
  createdAt: '2026-03-01T00:00:00.000Z',
  createdBy: 'U0ALICE',
  updatedAt: '2026-03-01T00:00:00.000Z',
  updatedBy: 'U0ALICE',
};

describe('applyChange on field changes', () => {
  it('counts a slip only when a due date moves, from the first date the item had', () => {
    const set = applyChange(ITEM, { type: 'field', field: 'due', to: '2026-03-31' }, 'U0ALICE', NOW);
    expect(set.moved).toBeUndefined();
    const once = applyChange(set, { type: 'field', field: 'due', from: '2026-03-31', to: '2026-06-30', note: 'postponed' }, 'U0ALICE', NOW);
    expect(once).toMatchObject({ moved: { times: 1, from: '2026-03-31' }, notes: [{ text: 'postponed' }] });
    const twice = applyChange(once, { type: 'field', field: 'due', from: '2026-06-30', to: '2026-09-30' }, 'U0ALICE', NOW);
    expect(twice).toMatchObject({ version: 4, moved: { times: 2, from: '2026-03-31' }, kind: { due: '2026-09-30' } });
  });

  it('applies every field of a form’s change in one version', () => {
    const after = applyChange(ITEM, {
      type: 'fields',
      changes: [
        { type: 'field', field: 'title', from: ITEM.title, to: 'Convene the AI committee' },
        { type: 'field', field: 'parties', from: 'JP, KR', to: 'KR' },
        { type: 'field', field: 'owners', to: '<@U0MARIA|maria>, Foreign Ministry' },
      ],
    }, 'U0ALICE', NOW);
    expect(after).toMatchObject({ version: 2, title: 'Convene the AI committee', parties: ['KR'], owners: [{ label: 'maria', slackUserId: 'U0MARIA' }, { label: 'Foreign Ministry' }] });
  });
});

describe('formatOwners', () => {
  it('writes owners as text that parseOwners reads back to the same owners', () => {
    const owners = [{ label: 'maria', slackUserId: 'U0MARIA' }, { label: '<@U0BOB>', slackUserId: 'U0BOB' }, { label: 'Foreign Ministry' }];
    expect(formatOwners(owners)).toBe('<@U0MARIA|maria>, <@U0BOB>, Foreign Ministry');
    expect(parseOwners(formatOwners(owners))).toEqual(owners);
  });
});

describe('applyChange on status and assessments (issue 15)', () => {
  it('records when, by whom and how an item was closed, and forgets it when reopened', () => {
    const done = applyChange(ITEM, { type: 'status', from: 'not-started', to: 'done', note: 'Signed in Seoul' }, 'U0BOB', NOW);
    expect(done.closed).toEqual({ at: NOW.toISOString(), by: 'U0BOB', note: 'Signed in Seoul' });
    const reopened = applyChange(done, { type: 'status', from: 'done', to: 'in-progress' }, 'U0ALICE', NOW);
    expect(reopened).not.toHaveProperty('closed');
    expect(applyChange(reopened, { type: 'status', from: 'in-progress', to: 'dropped' }, 'U0ALICE', NOW).closed).toEqual({ at: NOW.toISOString(), by: 'U0ALICE' });
  });

  it('keeps the latest-dated score as the item’s, whatever order the scores are recorded in', () => {
    const march = applyChange(ITEM, { type: 'assessment', party: 'JP', to: 1, date: '2026-03-20' }, 'U0ALICE', NOW);
    const february = applyChange(march, { type: 'assessment', party: 'JP', to: -1, date: '2026-02-01' }, 'U0ALICE', NOW);
    expect(february).toMatchObject({ version: 3, compliance: { JP: { score: 1, date: '2026-03-20' } } });
    const sameDay = applyChange(february, { type: 'assessment', party: 'JP', from: 1, to: 0, date: '2026-03-20' }, 'U0ALICE', NOW);
    expect(sameDay.compliance['JP']).toMatchObject({ score: 0, date: '2026-03-20' });
  });
});
