import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestTable } from '../../support/dynamodb.ts';
import { FakeSlack } from '#local/fake-slack';
import { renderReport } from '#shared/slack/render/report';
import { track } from '../reminders/harness.ts';
import { checkInHarness, checkInsTo, owned } from './harness.ts';

const table = useTestTable();
let slack: FakeSlack;
const h = checkInHarness(table, () => slack);
const created = new Date('2026-03-01T00:00:00Z');

beforeAll(async () => {
  slack = await new FakeSlack({ users: { U0HANA: { tz: 'Asia/Tokyo' }, U0SORA: { tz: 'Asia/Tokyo' } } }).start();
});
afterAll(() => slack.stop());

const said = (userId: string) =>
  checkInsTo(slack, userId).map((m) => [m.metadata.event_payload['slot_id'], /\*((?:new to you|due|overdue|no update)[^*]*)\*/.exec(JSON.stringify(m.blocks))?.[1]]);

// Regression (the day's message, posted by an earlier sweep, counted as telling an owner named after it).
describe('an item handed back to an owner the same day their check-in listed it', () => {
  it('tells the owner it came back (new to you) at their next check-in, and the report does not say they were asked and did not answer', async () => {
    const team = 'T0BACKTO';
    await h.store.createTrack(track(team, 'jk', 'JK', 'Asia/Tokyo', created));
    // Due Mon 16 March: Hana (who added it) is asked 7 days before, Mon 9 March at 09:00 in Tokyo.
    const item = await h.store.createCommitment(team, 'jk', owned('Draft the joint statement', 'U0HANA', '2026-03-16'), 'U0HANA', created);
    await h.sweep(new Date('2026-03-09T00:00:30Z'));
    expect(said('U0HANA')).toEqual([[`${team}/U0HANA/2026-03-09`, 'due in 7 days']]);

    // 10:00 Tokyo: Hana presses Not mine and hands it to Sora; 10:02 Sora hands it back (Not mine).
    await h.store.changeCommitment(team, item.id, { type: 'field', field: 'owners', from: '<@U0HANA>', to: '<@U0SORA>' }, 'U0HANA', new Date('2026-03-09T01:00:00Z'));
    await h.store.changeCommitment(team, item.id, { type: 'field', field: 'owners', from: '<@U0SORA>', to: '<@U0HANA>' }, 'U0SORA', new Date('2026-03-09T01:02:00Z'));
    for (const at of ['2026-03-09T01:05:30Z', '2026-03-09T06:00:30Z']) await h.sweep(new Date(at));

    // Nobody has asked Hana anything since Sora's handover: no "no answer" line for her.
    const report = renderReport(await h.store.getReport(team, 'jk'), { filter: 'open', page: 0, now: new Date('2026-03-09T06:10:00Z') });
    expect(report.text).not.toContain('asked <@U0HANA>');

    // Her next check-in (Tue 10 March) tells her of the handover.
    await h.sweep(new Date('2026-03-10T00:00:30Z'));
    expect(said('U0HANA')).toEqual([
      [`${team}/U0HANA/2026-03-09`, 'due in 7 days'],
      [`${team}/U0HANA/2026-03-10`, 'new to you, due in 6 days'],
    ]);
  });
});
