import { describe, expect, it } from 'vitest';
import { createStore } from '#shared/store/store';
import { seedBusan } from '#shared/use-cases/seed';
import { BUSAN_COMMITMENTS, BUSAN_TRACK } from '#shared/data/busan-summit-2025';
import type { HistoryEntry } from '#shared/domain/schemas';
import { useTestTable } from '../../support/dynamodb.ts';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

const table = useTestTable();
const store = () => createStore({ client: table.client, tableName: table.tableName });
/** A day before the frozen "now" of issue 15's check: late November 2026. */
const seededOn = new Date('2026-11-26T01:00:00Z');
const IDS = ['JK-1', 'JK-2', 'JK-3', 'JK-4', 'JK-5'];

/** Every item of the T0TWICE team, in key order: what a seed that writes nothing leaves unchanged. */
async function scanTable(): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await table.client.send(new ScanCommand({ TableName: table.tableName, ConsistentRead: true }));
  return Items.map((item) => unmarshall(item))
    .filter((item) => String(item['pk']).startsWith('T0TWICE'))
    .sort((a, b) => `${a['pk']}|${a['sk']}`.localeCompare(`${b['pk']}|${b['sk']}`));
}

/** One history entry as a line: its Tokyo date, the change, and whether it carries an https link. */
function summarize(entry: HistoryEntry): string {
  const day = new Date(entry.at).toLocaleDateString('en-CA', { timeZone: 'Asia/Tokyo' });
  const { change } = entry;
  const text = change.type === 'note' ? change.text : change.type === 'occurrence' ? `${change.occurrence.place} ${change.occurrence.text}` : change.type === 'status' ? `${change.to} ${change.note}` : change.type;
  const link = /https:\/\/\S+$/.test(text) ? ' +link' : '';
  const what = change.type === 'occurrence' ? `occurrence ${change.occurrence.date} ${change.occurrence.place}` : change.type === 'status' ? `status ${change.from} → ${change.to}` : change.type;
  return `${day} ${entry.by} ${what}${link}`;
}

describe('seeding the Busan data set with its real dates (issue 15)', () => {
  it('creates the track and its items on the evening of the summit, Tokyo time', async () => {
    const s = store();
    await seedBusan(s, 'T0DATES', seededOn);
    const report = await s.getReport('T0DATES', 'japan-korea');
    expect(report.track.createdAt).toBe('2025-09-30T12:00:00.000Z');
    expect(report.commitments.map((c) => [c.id, c.createdAt, c.createdBy])).toEqual(IDS.map((id) => [id, '2025-09-30T12:00:00.000Z', 'seed']));
  });

  it('writes each reported follow-up event to its item’s history at its own date, in date order, each with its link', async () => {
    const s = store();
    const result = await seedBusan(s, 'T0HISTORY', seededOn);
    expect(result.followUps).toBe(7);
    const histories = Object.fromEntries(await Promise.all(IDS.map(async (id) => [id, (await s.getHistory('T0HISTORY', id)).map(summarize)] as const)));
    expect(histories).toEqual({
      'JK-1': [
        '2025-09-30 seed created',
        '2025-10-30 seed occurrence 2025-10-30 Gyeongju +link',
        '2026-01-13 seed occurrence 2026-01-13 Nara +link',
        '2026-01-20 seed note +link',
      ],
      'JK-2': ['2025-09-30 seed created'],
      'JK-3': ['2025-09-30 seed created', '2025-11-01 seed note +link', '2026-01-30 seed note +link'],
      'JK-4': ['2025-09-30 seed created', '2025-11-27 seed status not-started → done +link'],
      'JK-5': ['2025-09-30 seed created', '2025-09-30 seed note +link'],
    });
    for (const id of IDS) {
      const at = (await s.getHistory('T0HISTORY', id)).map((entry) => entry.at);
      expect(at).toEqual([...at].sort());
    }
    const [jk1, , jk3, jk4] = (await s.getReport('T0HISTORY', 'japan-korea')).commitments;
    expect(jk1?.kind).toMatchObject({ occurrences: [{ date: '2025-09-30' }, { date: '2025-10-30', place: 'Gyeongju' }, { date: '2026-01-13', place: 'Nara' }] });
    expect(jk3?.status).toBe('in-progress');
    expect(jk4).toMatchObject({ status: 'done', updatedAt: '2025-11-27T09:00:00.000Z' });
  });

  it('writes nothing when seeded again, at the same clock or later', async () => {
    const s = store();
    await seedBusan(s, 'T0TWICE', seededOn);
    const before = await scanTable();
    const again = await seedBusan(s, 'T0TWICE', new Date('2026-11-27T01:00:00Z'));
    expect(again).toEqual({ trackCreated: false, created: [], existing: IDS, followUps: 0 });
    expect(await scanTable()).toEqual(before);
    expect(before.filter((item) => String(item['sk']).startsWith('H#'))).toHaveLength(5 + 7);
  });

  it('leaves the items of a team seeded before the events existed as they are', async () => {
    const s = store();
    const then = new Date('2026-03-01T00:00:00Z');
    // As the seed wrote them before issue 15: stamped the day it ran, with no history but "created".
    await s.createTrack({ ...BUSAN_TRACK, teamId: 'T0LEGACY', createdAt: then.toISOString(), createdBy: 'seed' });
    for (const [index, draft] of BUSAN_COMMITMENTS.entries()) await s.createCommitment('T0LEGACY', 'japan-korea', draft, 'seed', then, { seq: index + 1 });
    const before = await s.getReport('T0LEGACY', 'japan-korea');
    const result = await seedBusan(s, 'T0LEGACY', seededOn);
    expect(result).toEqual({ trackCreated: false, created: [], existing: IDS, followUps: 0 });
    expect(await s.getReport('T0LEGACY', 'japan-korea')).toEqual(before);
  });

  it('writes no further event to an item a person has changed, and the others catch up', async () => {
    const s = store();
    // Seeded on 1 Oct 2025: only the report of the body's first meeting had come out.
    expect(await seedBusan(s, 'T0PERSON', new Date('2025-10-01T00:00:00Z'))).toMatchObject({ followUps: 1 });
    await s.changeCommitment('T0PERSON', 'JK-1', { type: 'note', text: 'visit to Japan being planned' }, 'U0ALICE', new Date('2025-10-15T00:00:00Z'));
    expect(await seedBusan(s, 'T0PERSON', seededOn)).toMatchObject({ followUps: 3 });
    expect((await s.getHistory('T0PERSON', 'JK-1')).map(summarize)).toEqual(['2025-09-30 seed created', '2025-10-15 U0ALICE note']);
    expect((await s.getHistory('T0PERSON', 'JK-3')).map(summarize)).toHaveLength(3);
  });
});
