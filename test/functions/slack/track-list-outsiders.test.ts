import { beforeAll, describe, expect, it } from 'vitest';
import { commandEvent, eventCallback } from '#local/slack-request';
import { useSlackHandler } from '../../support/slack-handler.ts';

// UX audit: a guest with no role was told "No tracks yet. Create one: /commitments track add …",
// which then refused them. Someone who may not create tracks is told whom to ask instead.
const harness = useSlackHandler();
const TEAM = 'T0OUTLIST';
const GUEST = 'U0SVEN';
const STRANGER = 'U0KENJI';
const MEMBER = 'U0MEMBER';
let sent = 0;

async function list(userId: string): Promise<string> {
  sent += 1;
  const result = await harness.send(commandEvent('', { teamId: TEAM, userId, responseUrl: harness.slack.responseUrl(`list${sent}`) }));
  expect(result.statusCode).toBe(200);
  return result.body;
}

async function home(userId: string): Promise<string> {
  const before = harness.slack.calls.length;
  await harness.send(eventCallback(TEAM, { type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home', event_ts: `${before}.1` }, { eventId: `Ev0${userId}${before}` }));
  return JSON.stringify(harness.slack.calls.slice(before).filter((c) => c.method === 'views.publish').at(-1)?.args);
}

beforeAll(() => {
  Object.assign(harness.slack.options, { teamId: TEAM, users: { [GUEST]: { is_restricted: true, is_ultra_restricted: true }, [STRANGER]: { is_stranger: true, team_id: 'T0PARTNER' } } });
});

describe('an empty track list', () => {
  it.each([
    ['a guest', GUEST],
    ['someone from another organisation', STRANGER],
  ])('tells %s with no role that no track is shared with them and to ask a track’s owner, not to create one', async (_, userId) => {
    for (const answer of [await list(userId), await home(userId)]) {
      expect(answer).toContain('No track is shared with you yet. Ask the owner of a track to give you a role on it.');
      expect(answer).not.toContain('track add');
    }
  });

  it('still shows a member how to create the first track', async () => {
    expect(await list(MEMBER)).toContain('/commitments track add');
    expect(await home(MEMBER)).toContain('/commitments track add');
  });
});
