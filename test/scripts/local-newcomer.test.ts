import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL } from '#local/env';
import { ADMIN, PERSONAS, escapeCommandText, findPersona } from '#local/personas';
import { startHints } from '#local/banner';
import { useLocalStack } from '../support/local-session.ts';

/** Issue 25: the local stand-in knows people of every kind, and every button and shortcut is reachable from the terminal. */

const local = useLocalStack('commitments-newcomer-');
const { terminal, slack, script } = local;
const maria = findPersona('maria')!;
const minjun = findPersona('minjun')!;

describe('local personas (issue 25)', () => {
  it('sends typed @names, user groups and #channels as Slack does with escaping on, and leaves unknown ones as typed', () => {
    expect(escapeCommandText('add demo "R&D <draft>" owner @maria, @Nobody in #gov-affairs #nowhere @gov-team')).toBe(
      `add demo "R&amp;D &lt;draft&gt;" owner <@${maria.id}|maria>, @Nobody in <#C07QGOVAFF1|gov-affairs> #nowhere <!subteam^S07QGOVTEAM|@gov-team>`,
    );
    expect(escapeCommandText('roles add <@U0MARIA|maria> editor')).toBe('roles add <@U0MARIA|maria> editor');
  });

  it('names every kind of person, each with what users.info says of them', () => {
    const flags = PERSONAS.map((p) => [p.name, p.user.is_admin ?? false, p.user.is_restricted ?? false, p.user.is_ultra_restricted ?? false, p.user.deleted ?? false, p.user.is_bot ?? false, p.user.team_id === LOCAL.teamId]);
    expect(flags.filter(([, admin]) => admin)).toHaveLength(1);
    expect(flags.filter(([, admin, guest, , deleted, bot, home]) => !admin && !guest && !deleted && !bot && home).length).toBeGreaterThanOrEqual(2);
    expect(flags.filter(([, , guest, single]) => guest && !single)).toHaveLength(1);
    expect(flags.filter(([, , , single]) => single)).toHaveLength(1);
    expect(flags.filter(([, , , , deleted]) => deleted)).toHaveLength(1);
    expect(flags.filter(([, , , , , bot]) => bot)).toHaveLength(1);
    expect(flags.filter(([, , , , , , home]) => !home)).toHaveLength(1);
    expect(LOCAL.userId).toBe(ADMIN.id);
  });

  it("lists the people in npm start's hints, with LOCAL_DIR when it is not the default", () => {
    const hints = startHints('/tmp/elsewhere');
    for (const p of PERSONAS) expect(hints).toContain(`${p.name} (${p.id})`);
    expect(hints).toContain('LOCAL_DIR=/tmp/elsewhere npm run slack -- "/commitments japan-korea"');
    expect(startHints('.local')).not.toContain('LOCAL_DIR=');
  });

  it('stores owner @maria as the person, acts as a persona by name, and refuses a name it does not know', async () => {
    const added = await slack('/commitments add japan-korea "Exchange the liaison officers\' contacts" due 2027-03-31 owner @maria');
    expect(added.code).toBe(0);
    const id = /JK-\d+/.exec(added.out)?.[0];
    const shown = await slack(`/commitments show ${id}`);
    expect(shown.out).toContain(`Owners: <@${maria.id}>`);

    const asMaria = await slack('--user', 'maria', '/commitments me');
    expect(asMaria.code).toBe(0);
    const asGuest = await slack('--user', 'sven', '/commitments japan-korea roles add @minjun editor');
    expect(asGuest.out).toMatch(/no track called .?japan-korea/);
    const byId = await slack('--user', minjun.id, '/commitments me');
    expect(byId.code).toBe(0);
    const unknown = await slack('--user', 'nobody', '/commitments me');
    expect(unknown.code).toBe(2);
    expect(unknown.out).toBe(`No one called nobody here; the local people: ${PERSONAS.map((p) => p.name).join(', ')} (or a user id U…).`);
  });

  it('seeds the demo track beside Busan with persona owners; npm run seed for a workspace loads Busan alone', { timeout: 60_000 }, async () => {
    const tracks = await slack('/commitments');
    expect(tracks.out).toContain('japan-korea');
    expect(tracks.out).toContain('demo');
    // Said by the seed itself: the stand-in's people all belong to the local workspace, so in another one they are outsiders, who see no track.
    const seeded = await script('seed', '--team', 'T0SEEDONLY');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/^Team T0SEEDONLY: track japan-korea created; added JK-1, JK-2, /);
    expect(seeded.stdout).not.toContain('demo');
  });
});

/** The commands of docs/local.md's "Try check-ins first" as typed there: the `npm …` lines of its sh blocks `first` to `last`, comments dropped. */
function newcomerPath(first: number, last: number): string[][] {
  const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/local.md'), 'utf8');
  const from = doc.indexOf('## Try check-ins first');
  const section = doc.slice(from, doc.indexOf('\n## ', from + 1));
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].slice(first, last + 1).map((m) => m[1] ?? '');
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.trim().replace(/\s+#.*$/, ''))
    .filter((line) => line.startsWith('npm '))
    .map((line) => [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? ''));
}

describe('the newcomer path for check-ins, as docs/local.md writes it (issue 25)', () => {
  it('starts, sweeps, presses On track in the check-in message as its owner and sees it redrawn; then Snooze, Not mine and Home', { timeout: 120_000 }, async () => {
    const steps = newcomerPath(0, 3);
    expect(steps.slice(0, 3).map((argv) => argv.join(' '))).toEqual(['npm start', 'npm run sweep', 'npm run slack -- --user maria --press On track --item DEMO-1 --in dm']);
    const updatesBefore = local.stack.fakeSlack!.callsTo('chat.update').length;
    const outputs = await runAsTyped(steps);
    const [swept, onTrack, snoozed, notMine, handed, home, homePress, report] = outputs;
    expect(swept).toMatch(/Check-ins: .*[1-9]\d* messages? sent/);
    expect(terminal.join('\n')).toContain(`Message in direct message to <@${maria.id}>`);
    expect(onTrack).toContain('[the message now reads]');
    expect(onTrack).toMatch(/On track — you said so on/);
    expect(local.stack.fakeSlack!.callsTo('chat.update').length).toBeGreaterThan(updatesBefore);
    expect(terminal.join('\n')).toContain(`Message updated in direct message to <@${maria.id}>`);
    expect(snoozed).toContain('Snoozed until');
    expect(notMine).toContain('== Form opened: Who owns DEMO-3? ==');
    expect(handed).toContain('(Form submitted and closed.)');
    expect(home).toContain('DEMO-3');
    expect(homePress).toContain('[the Home tab now reads]');
    expect(report).toMatch(/paused: <@U05PK3NJ1ST>/);
    expect((await slack('/commitments show DEMO-3')).out).toContain(`Owners: <@${minjun.id}>`);

    // The last reply (the demo report) has no check-in buttons: the refusal says where they are.
    const elsewhere = await slack('--press', 'On track', '--item', 'DEMO-1');
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.out).toMatch(/^The last reply has no button On track; its buttons: Mark done, .+\. Another message's: add --in dm, home or channel\.$/);
    // DEMO-1 is answered: nothing is left to press for it there. (JK-6, which someone else made her owner of above, came to her as new.)
    const gone = await slack('--user', 'maria', '--press', 'On track', '--item', 'DEMO-1', '--in', 'dm');
    expect(gone).toEqual({ code: 2, out: 'No On track button for DEMO-1 in your direct messages with the bot; there is one for JK-6.' });
  });

  it('escalates as the docs say: a channel subscribed to the demo track, swept two days on, lists who has not answered', { timeout: 60_000 }, async () => {
    // The owners are asked now (nothing new if the path above already swept), then the docs' two commands.
    expect((await script('sweep')).code).toBe(0);
    // Swept again at once, nothing is due; the sweep says why (npm start's own sweep may have asked first) and how to sweep tomorrow.
    expect((await script('sweep')).stdout).toContain('Nothing was due: each person is asked once a day, and `npm start` sweeps by itself every minute');
    const steps = newcomerPath(4, 4);
    expect(steps.map((argv) => argv.join(' '))).toEqual(['npm run slack -- --channel #gov-affairs /commitments subscribe demo daily 09:00', 'npm run sweep -- --at +2d']);
    const mark = terminal.length;
    const [subscribed, swept] = await runAsTyped(steps);
    expect(subscribed).toContain('Subscribed');
    expect(swept).toMatch(/1 posted/);
    const digest = terminal.slice(mark).join('\n');
    expect(digest).toContain('Message in #C07QGOVAFF1');
    expect(digest).toContain('No answer');
    expect(digest).toMatch(/no answer from <@U\w+> — asked 2 days ago/);
  });

  it('presses a button of a digest in a channel', { timeout: 60_000 }, async () => {
    await slack('--channel', '#busan-desk', '/commitments subscribe japan-korea every monday 09:00');
    await script('sweep', '--at', '+60d');
    const done = await slack('--channel', '#busan-desk', '--press', 'Mark done', '--item', 'JK-5', '--in', 'channel');
    expect(done.code).toBe(0);
    expect(done.out).toContain('== Form opened: Mark JK-5 done ==');
  });

  it('triggers both message shortcuts on a message it names, and their forms submit', async () => {
    const track = await slack('--shortcut', 'Track as commitment', '--text', 'We will send the minutes to both delegations by Friday.');
    expect(track.code).toBe(0);
    expect(track.out).toContain('== Form opened:');
    const imported = await slack('--shortcut', 'Import readout', '--text', 'Japan will host a seminar on maritime safety by 30 September 2027.');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('== Form opened: Import a readout ==');
    const unknown = await slack('--shortcut', 'Forward', '--text', 'x');
    expect(unknown).toEqual({ code: 2, out: 'No shortcut Forward; the app has: Track as commitment, Import readout.' });
  });
});

/** Runs `npm run sweep` and `npm run slack` lines as typed against this file's stack (npm start is that stack); what each printed. */
async function runAsTyped(steps: string[][]): Promise<string[]> {
  const outputs: string[] = [];
  for (const argv of steps) {
    const [, run, name, dashes, ...rest] = argv;
    if (run === 'start') continue;
    expect(dashes === undefined || dashes === '--').toBe(true);
    if (name === 'sweep') {
      const swept = await script('sweep', ...rest);
      expect(swept.code, argv.join(' ')).toBe(0);
      outputs.push(swept.stdout);
    } else {
      const sent = await slack(...rest);
      expect(sent, argv.join(' ')).toMatchObject({ code: 0 });
      outputs.push(sent.out);
    }
  }
  return outputs;
}
