import { beforeAll, describe, expect, it, vi } from 'vitest';
import { commandEvent } from '#local/slack-request';
import type { SlackCall } from '#local/fake-slack';
import { SlackUserSchema } from '#shared/domain/access';
import { localContext } from '#local/http-adapter';
import { createPeopleStore } from '#shared/store/people';
import { useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';

const TEAM = 'T0PEOPLE';
const NOW = new Date('2026-03-25T01:00:00Z');
const KNOWN = 'U0KNOWN';
/** Every Web API call, in the slow-Slack tests, answers this long after it arrives. */
const SLOW_MS = 2500;

const harness = useSlackHandler();
useBusanAt(harness, TEAM, NOW);
const people = () => createPeopleStore({ client: harness.table.client, tableName: harness.table.tableName });

/** The handler as a new Lambda container loads it: nothing kept from earlier requests. */
async function newContainer() {
  vi.resetModules();
  const { handler } = await import('../../../functions/slack/handler.ts');
  const { afterAnswerSettled } = await import('../../../functions/slack/after-answer.ts');
  let sent = 0;
  return {
    settled: afterAnswerSettled,
    /** Sends `/commitments <text>` and returns the answer with the Web API calls Slack had received by then. */
    async send(text: string, userId = KNOWN) {
      sent += 1;
      const before = harness.slack.calls.length;
      const event = commandEvent(text, { teamId: TEAM, userId, responseUrl: harness.slack.responseUrl(`people${sent}`) });
      const result = await handler(event, localContext());
      const callsBeforeAnswer = harness.slack.calls.slice(before).filter((call) => !call.method.startsWith('response_url:'));
      return { statusCode: result.statusCode ?? 200, body: result.body ?? '', callsBeforeAnswer };
    },
  };
}

/** Makes every Web API call (and response_url post) answer `ms` (or `ms(call)`) after it arrives; `answered` counts those done, `lookedUp` the `users.info` among them. */
function slowSlack(ms: number | ((call: SlackCall) => number) = SLOW_MS) {
  const state = { answered: 0, lookedUp: 0 };
  harness.slack.options.hold = (call) =>
    new Promise<void>((resolve) =>
      setTimeout(
        () => {
          state.answered++;
          if (call.method === 'users.info') state.lookedUp++;
          resolve();
        },
        typeof ms === 'number' ? ms : ms(call),
      ),
    );
  return state;
}

beforeAll(async () => {
  // The known person's first request: Slack is asked once and their record kept.
  const first = await newContainer();
  expect((await first.send('japan-korea')).body).toContain('JK-1');
  await first.settled();
  expect(harness.slack.callsTo('users.info').filter((call) => call.args['user'] === KNOWN)).toHaveLength(1);
});

describe('a known person on a new container', () => {
  it('is answered from their record with no call to Slack', async () => {
    const container = await newContainer();
    const before = harness.slack.calls.length;
    const answer = await container.send('japan-korea');
    await container.settled();
    expect(answer.body).toContain('JK-1');
    expect(harness.slack.calls.slice(before)).toEqual([]);
    expect((await people().get(TEAM, KNOWN))?.user).toMatchObject({ id: KNOWN, is_admin: false });
  });

  it('is answered before any Slack call when every Web API call takes 2.5 s, and the Home redraw and the export still follow', { timeout: 90_000 }, async () => {
    const slow = slowSlack();
    try {
      const commands = [
        ['japan-korea', /JK-1/],
        ['japan-korea share', /"response_type":"in_channel"/],
        ['update JK-2 in-progress "working group set up"', /JK-2/],
        ['note JK-3 "defence ministers met"', /JK-3/],
        ['done JK-5', /JK-5/],
        ['subscribe japan-korea every monday 09:00', /japan-korea/],
        ['export japan-korea', /japan-korea/],
      ] as const;
      for (const [text, expected] of commands) {
        const container = await newContainer();
        const answeredBefore = slow.answered;
        const answer = await container.send(text);
        expect(answer.statusCode, text).toBe(200);
        expect(answer.body, text).toMatch(expected);
        expect(answer.body, text).not.toMatch(/went wrong|Slack is slow|could not tell/);
        // Nothing was asked of Slack, and so nothing waited for it.
        expect(answer.callsBeforeAnswer.map((call) => call.method), text).toEqual([]);
        expect(slow.answered, text).toBe(answeredBefore);
        const after = harness.slack.calls.length;
        await container.settled();
        const followUps = harness.slack.calls.slice(after).map((call) => call.method);
        if (/^(update|note|done|subscribe|export)/.test(text)) expect(followUps, text).toContain('views.publish');
        if (text.startsWith('export')) expect(followUps, text).toContain('files.completeUploadExternal');
      }
    } finally {
      delete harness.slack.options.hold;
    }
  });
});

describe('an unknown person while Slack is slow', () => {
  it('is told so before Slack answers, nothing is read, and a retry succeeds from the record the lookup kept after the answer', async () => {
    const stranger = 'U0NEWBIE';
    const slow = slowSlack();
    try {
      const container = await newContainer();
      const first = await container.send('japan-korea', stranger);
      expect(first.body).toMatch(/Slack is slow to tell me who <@U0NEWBIE> is, so nothing was read or changed/);
      expect(first.body).not.toContain('JK-1');
      expect(first.callsBeforeAnswer.map((call) => call.method)).toEqual(['users.info']);
      expect(slow.answered).toBe(0);
      await container.settled();
      expect((await people().get(TEAM, stranger))?.userId).toBe(stranger);
      const retry = await container.send('japan-korea', stranger);
      expect(retry.body).toContain('JK-1');
      expect(retry.callsBeforeAnswer).toEqual([]);
      // The job after the answer waited for the lookup under way rather than asking again.
      expect(harness.slack.callsTo('users.info').filter((call) => call.args['user'] === stranger)).toHaveLength(1);
    } finally {
      delete harness.slack.options.hold;
    }
  });
});

describe('managing a track', () => {
  it('asks Slack about the manager first once their record is over an hour old', async () => {
    const infoCalls = () => harness.slack.callsTo('users.info').filter((call) => call.args['user'] === KNOWN).length;
    const container = await newContainer();
    // Slack now says the known person is an admin; their record, from before, says member.
    harness.slack.options.users = { ...harness.slack.options.users, [KNOWN]: { is_admin: true } };
    try {
      vi.setSystemTime(new Date(NOW.getTime() + 30 * 60_000));
      const before = infoCalls();
      const fresh = await container.send('japan-korea roles add <@U0VIEWER> viewer');
      expect(fresh.body).toMatch(/Only the owners of japan-korea or a workspace admin/);
      expect(infoCalls()).toBe(before);

      vi.setSystemTime(new Date(NOW.getTime() + 2 * 3_600_000));
      const stale = await container.send('japan-korea roles add <@U0VIEWER> viewer');
      expect(stale.body).not.toMatch(/Only the owners/);
      expect(stale.body).toContain('U0VIEWER');
      expect(infoCalls()).toBe(before + 1);
      expect((await people().get(TEAM, KNOWN))?.user.is_admin).toBe(true);
    } finally {
      vi.setSystemTime(NOW);
      harness.slack.options.users = {};
    }
  });

  it('asks Slack about the person a role is given to once their record is over an hour old: a member made a guest since is refused', async () => {
    const container = await newContainer();
    const at = NOW.getTime() + 6 * 3_600_000;
    // Their record, two hours old, says member; Slack now says guest (the event lost). The manager is an admin.
    await people().save({ teamId: TEAM, userId: 'U0NAMED', user: SlackUserSchema.parse({ id: 'U0NAMED', team_id: TEAM }), fetchedAt: new Date(at - 7_200_000).toISOString(), asOf: at - 7_200_000 });
    harness.slack.options.users = { ...harness.slack.options.users, [KNOWN]: { is_admin: true }, U0NAMED: { is_restricted: true } };
    vi.setSystemTime(new Date(at));
    try {
      const answer = await container.send('japan-korea roles add <@U0NAMED> editor');
      expect(answer.body).toContain('<@U0NAMED> is a guest or from another organisation, so can only be a viewer. Nothing was changed.');
      expect(answer.callsBeforeAnswer.filter((call) => call.method === 'users.info').map((call) => call.args['user'])).toContain('U0NAMED');
      expect((await harness.store().getTrack(TEAM, 'japan-korea')).members['U0NAMED']).toBeUndefined();
    } finally {
      vi.setSystemTime(NOW);
      harness.slack.options.users = {};
    }
  });

  it('waits on Slack once in all, not once per lookup: with the answers 0.4 s and 1 s late, the person it names is said to be slow in coming', async () => {
    const container = await newContainer();
    harness.slack.options.users = { ...harness.slack.options.users, [KNOWN]: { is_admin: true } };
    // The manager's record over an hour old, then someone new named: two lookups, one after the other,
    // each back within a lookup's own wait (1.2 s), both together not.
    vi.setSystemTime(new Date(NOW.getTime() + 8 * 3_600_000));
    const slow = slowSlack((call) => (call.method === 'users.info' && call.args['user'] === 'U0LATECOMER' ? 1000 : 400));
    try {
      const first = await container.send('japan-korea roles add <@U0LATECOMER> viewer');
      expect(first.body).toMatch(/Slack is slow to tell me who <@U0LATECOMER> is, so nothing was read or changed/);
      // Answered within the one wait: the second lookup had not come back.
      expect(slow.lookedUp).toBe(1);
      const lookups = first.callsBeforeAnswer.filter((call) => call.method === 'users.info');
      expect(lookups.map((call) => call.args['user'])).toEqual([KNOWN, 'U0LATECOMER']);
      await container.settled();
      const retry = await container.send('japan-korea roles add <@U0LATECOMER> viewer');
      expect(retry.body).toMatch(/<@U0LATECOMER> is now a viewer of japan-korea/);
      expect(retry.callsBeforeAnswer).toEqual([]);
      // Its Home redraw, before the file's table goes.
      await container.settled();
    } finally {
      delete harness.slack.options.hold;
      vi.setSystemTime(NOW);
      harness.slack.options.users = {};
    }
  });
});
