import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL } from '#local/env';
import { readEndpoints } from '#local/endpoints';
import { useLocalStack } from '../support/local-session.ts';

const local = useLocalStack('commitments-local-');
const { localDir, terminal, slack, script } = local;
const printedSince = (mark: number): string => terminal.slice(mark).join('\n');

describe('the local experience: npm start and the terminal client (issue 15)', () => {
  it('writes its endpoints for the other scripts, and no port is fixed', () => {
    expect(readEndpoints(localDir)).toMatchObject({ pid: process.pid, slackEndpoint: `${local.stack.url}/slack/events`, fakeSlackUrl: local.stack.fakeSlack?.url });
    expect(local.stack.url).not.toContain(':3000');
  });

  it('shows a digest in the npm start terminal after a channel subscribes and npm run sweep runs at a moved clock', { timeout: 60_000 }, async () => {
    const subscribed = await slack('--channel', 'C0DIGEST', '/commitments subscribe japan-korea every monday 09:00 tz Asia/Tokyo');
    expect(subscribed).toMatchObject({ code: 0 });
    expect(subscribed.out).toContain('Subscribed');
    const mark = terminal.length;
    const at = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const sweep = await script('sweep', '--at', at);
    // Only log lines (the demo track's deactivated owner is stopped with a warning), never a failure.
    expect(sweep.stderr.split('\n').filter((line) => line && !/^\{"level":"(INFO|WARN)"/.test(line))).toEqual([]);
    expect(sweep.stdout).toContain('1 posted');
    // Issue 25: a sweep at a later clock says which subscriptions it moved, and how to put one back.
    expect(sweep.stdout).toMatch(/Moved the next digest of \d+ subscriptions? past the sweep’s clock:\n/);
    expect(sweep.stdout).toMatch(/ {2}japan-korea in C0DIGEST \(T0LOCAL\): next digest \S+ → \S+/);
    expect(sweep.stdout).toContain('To put one back, subscribe its channel to the track again with the same schedule');
    expect(printedSince(mark)).toContain('Message in #C0DIGEST');
    expect(printedSince(mark)).toContain('== Reminder: Japan–South Korea: Busan summit follow-ups ==');
  });

  it('leaves the two files of an export in the outbox, and says so in the terminal', async () => {
    const mark = terminal.length;
    const exported = await slack('/commitments japan-korea export');
    expect(exported.code).toBe(0);
    const files = readdirSync(path.join(localDir, 'outbox')).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^japan-korea-briefing-.+\.csv$/);
    expect(files[1]).toMatch(/^japan-korea-briefing-.+\.md$/);
    expect(printedSince(mark)).toContain(`2 files shared in direct message to <@${LOCAL.userId}>`);
  });

  it('opens the Mark done form with --press and completes it with --submit', async () => {
    await slack('/commitments japan-korea');
    const ambiguous = await slack('--press', 'Mark done');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.out).toMatch(/^The last reply has \d+ Mark done buttons: add --item, one of JK-/);

    const mark = terminal.length;
    const pressed = await slack('--press', 'Mark done', '--item', 'JK-5');
    expect(pressed.code).toBe(0);
    expect(pressed.out).toContain('== Form opened: Mark JK-5 done ==');
    expect(printedSince(mark)).toContain('Form opened: Mark JK-5 done');

    const refused = await slack('--submit', 'colour=blue');
    expect(refused).toEqual({ code: 2, out: 'This form has no field colour; its fields: note.' });
    const submitted = await slack('--submit', 'note=Officials met in Seoul');
    expect(submitted.code).toBe(0);
    expect(submitted.out).toContain('(Form submitted and closed.)');
    expect(submitted.out).toContain('[the message now reads]');

    const shown = await slack('/commitments show JK-5');
    expect(shown.out).toContain('Officials met in Seoul');
    expect(shown.out).toMatch(/✓ JK-5|Done/);
    expect(await slack('--submit')).toEqual({ code: 2, out: 'No form is open: press a button that opens one first (e.g. --press "Mark done" --item JK-5).' });
  });

  it('pages through a long report with its Next and Previous buttons', { timeout: 60_000 }, async () => {
    for (let n = 1; n <= 8; n++) expect((await slack(`/commitments add japan-korea "Working-level meeting ${n}" due 2027-06-30`)).code).toBe(0);
    const first = await slack('/commitments japan-korea');
    expect(first.out).toContain('[Next ▶]');
    const next = await slack('--press', 'Next');
    expect(next.code).toBe(0);
    expect(next.out).toContain('[the message now reads]');
    expect(next.out).toContain('[◀ Previous]');
    const back = await slack('--press', 'report_page_previous');
    expect(back.out).toContain('[Next ▶]');
  });

  it('prints each proposal of an import with its kind, due date, parties and sentence, and --submit sets them (issue 24)', { timeout: 60_000 }, async () => {
    const opened = await slack('/commitments import japan-korea');
    expect(opened.out).toContain('== Form opened: Import a readout ==');
    const text = 'The two sides agreed to expand the working-holiday programme by 31 December 2026.\n\nJapan will host a seminar on maritime safety by 30 September 2026.';
    const proposed = await slack('--submit', 'import_meeting=Foreign ministers', `import_text=${text}`);
    expect(proposed.code).toBe(0);
    expect(proposed.out).toContain('== Form: Confirm follow-ups ==');
    const lines = proposed.out.split('\n');
    const line = (key: string) => lines.find((l) => l.startsWith(`  ${key}=`)) ?? '';
    expect(line('import_title_0')).toMatch(/now: Expand the working-holiday programme$/);
    expect(line('import_kind_0')).toMatch(/one-off\|recurring\|ongoing\] now: one-off$/);
    expect(line('import_due_0')).toMatch(/now: 2026-12-31$/);
    expect(line('import_parties_0')).toMatch(/JP\|KR\] now: JP,KR$/);
    expect(line('import_parties_1')).toMatch(/now: JP$/);
    expect(proposed.out).toContain('“The two sides agreed to expand the working-holiday programme by 31 December 2026.”');
    expect(proposed.out).toContain('“Japan will host a seminar on maritime safety by 30 September 2026.”');

    const refused = await slack('--submit', 'import_parties_1=', 'import_pick_0=0,1');
    expect(refused.out).toBe('The form was not accepted:\n  import_parties_1: Choose at least one party for follow-up 2. Nothing was saved.');
    const saved = await slack('--submit', 'import_kind_0=ongoing', 'import_due_1=2026-10-15', 'import_parties_1=JP,KR', 'import_title_1=Host the maritime safety seminar');
    expect(saved.code).toBe(0);
    expect(saved.out).toContain('(Form submitted and closed.)');
    const [expand, host] = [...(saved.out.match(/Added (JK-\d+), (JK-\d+) from the readout\./) ?? [])].slice(1);
    const shownExpand = await slack(`/commitments show ${expand}`);
    expect(shownExpand.out).toContain('Kind: Ongoing');
    expect(shownExpand.out).toContain('Parties: JP, KR');
    const shownHost = await slack(`/commitments show ${host}`);
    expect(shownHost.out).toContain('Kind: One-off, due Thu 15 Oct 2026');
    expect(shownHost.out).toContain('Parties: JP, KR');
  });

  it('acts as the team, user and channel it is given', async () => {
    const other = await slack('--team', 'T0OTHER', '--user', 'U0OTHER', '/commitments');
    expect(other.code).toBe(0);
    // None of the local workspace's tracks; the fake Slack places every user in the local workspace, so to T0OTHER this one is from another organisation.
    expect(other.out).toContain('No track is shared with you yet.');
  });
});
