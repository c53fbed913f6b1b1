import { createPeopleStore } from '#shared/store/people';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION_IDS, SLACK_APP } from '#shared/slack-app/definitions';
import { seedBusan } from '#shared/use-cases/seed';
import { forgetTeam, uninstall } from '#shared/use-cases/uninstall';
import { createSubscriptionStore } from '#shared/store/subscriptions';
import type { FakeInstallGrant } from '#local/fake-slack';
import { browserGet, commandEvent, eventCallback, interactionEvent, signedEvent } from '#local/slack-request';
import { BUSAN_AS_AGREED, TEST_OAUTH, TEST_PUBLIC_URL, useSlackHandler } from '../../support/slack-handler.ts';

const harness = useSlackHandler({ oauth: true });
const REDIRECT_URI = `${TEST_PUBLIC_URL}/slack/oauth_redirect`;

const installations = () => harness.installations();
/** An install as stored, with its tokens opened through the KMS stand-in. */
async function openedInstall(query: Parameters<ReturnType<typeof installations>['fetchInstallation']>[0]) {
  const stored = await installations().fetchInstallation(query);
  return stored && { ...stored.installation, ...(await installations().openTokens(stored)) };
}
const subscriptions = () => createSubscriptionStore({ client: harness.table.client, tableName: harness.table.tableName });

afterEach(() => {
  vi.useRealTimers();
});

/** Every item in the table, to prove a refused request wrote nothing. */
async function allItems(): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await harness.table.client.send(new ScanCommand({ TableName: harness.table.tableName, ConsistentRead: true }));
  return Items.map((item) => unmarshall(item));
}

/** Opens the install page as a browser does; returns the link's state and the cookie the browser keeps. */
async function openInstallPage() {
  const page = await harness.send(browserGet('/slack/install'));
  expect(page.statusCode).toBe(200);
  const href = /id="add-to-slack" href="([^"]+)"/.exec(page.body)![1]!.replaceAll('&amp;', '&');
  const link = new URL(href);
  const setCookie = page.cookies[0]!;
  // What a browser sends back: the name=value pair only.
  const cookie = setCookie.split(';')[0]!;
  return { page, link, state: link.searchParams.get('state')!, setCookie, cookie };
}

/** The browser's return from Slack's consent screen. */
function callback(query: Record<string, string>, cookie?: string) {
  return harness.send(browserGet('/slack/oauth_redirect', { query, cookies: cookie ? [cookie] : [] }));
}

/** A whole install: page, consent (Slack issues `grant` under a code), callback. */
async function install(grant: FakeInstallGrant) {
  const { state, cookie } = await openInstallPage();
  const code = `code-${grant.botToken}`;
  harness.slack.installGrants.set(code, grant);
  return callback({ code, state }, cookie);
}

const exchanges = () => harness.slack.callsTo('oauth.v2.access').length;

describe('GET /slack/install', () => {
  it('shows the app and an Add to Slack link with the client id, bot scopes, a state and the redirect URI, and sets the state cookie', async () => {
    const { page, link, state, setCookie } = await openInstallPage();
    expect(page.body).toContain(`<title>Install ${SLACK_APP.name}</title>`);
    expect(page.body).toContain(SLACK_APP.description);
    expect(`${link.origin}${link.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(link.searchParams.get('client_id')).toBe(TEST_OAUTH.clientId);
    expect(link.searchParams.get('scope')).toBe(SLACK_APP.botScopes.join(','));
    expect(link.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(state).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(setCookie).toMatch(new RegExp(`^slack-app-oauth-state=${state.replace('.', '\\.')};`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('SameSite=Lax');
  });

  it('takes the redirect URI from configuration, never from a forged Host or X-Forwarded-Proto (issue 23)', async () => {
    const forged = browserGet('/slack/install', { host: 'attacker.example' });
    forged.headers['x-forwarded-proto'] = 'http';
    const page = await harness.send(forged);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('attacker.example');
    const href = /id="add-to-slack" href="([^"]+)"/.exec(page.body)![1]!.replaceAll('&amp;', '&');
    expect(new URL(href).searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    // The configured address is https: the cookie stays Secure whatever the request claims.
    expect(page.cookies[0]).toContain('Secure');
  });

  it('speaks the first language the browser asks for that the app speaks, English otherwise', async () => {
    const pageIn = async (accepted: string) => {
      const request = browserGet('/slack/install');
      request.headers['accept-language'] = accepted;
      return (await harness.send(request)).body;
    };
    const korean = await pageIn('fr-FR,ko-KR;q=0.9,en;q=0.8');
    expect(korean).toContain('<html lang="ko">');
    expect(korean).toContain('>Slack에 추가</a>');
    expect(await pageIn('ja')).toContain('<title>Commitments をインストール</title>');
    expect(await pageIn('fr-FR,de;q=0.5')).toContain('<html lang="en">');
  });

  it('answers any other GET with 404', async () => {
    expect((await harness.send(browserGet('/slack/elsewhere'))).statusCode).toBe(404);
  });
});

describe('GET /slack/oauth_redirect', () => {
  it('exchanges the code, stores the install and shows the next step', async () => {
    const before = exchanges();
    const result = await install({ teamId: 'T0ALPHA', teamName: 'Alpha <Ministry>', botToken: 'xoxb-alpha', installerUserId: 'U0MARIA' });
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('/commitments help');
    expect(result.body).toContain('Alpha &lt;Ministry&gt;');
    expect(result.cookies[0]).toMatch(/^slack-app-oauth-state=; .*Max-Age=0/);
    const exchange = harness.slack.callsTo('oauth.v2.access').slice(before);
    expect(exchange).toHaveLength(1);
    expect(exchange[0]!.args).toMatchObject({ client_id: TEST_OAUTH.clientId, client_secret: TEST_OAUTH.clientSecret, code: 'code-xoxb-alpha', redirect_uri: REDIRECT_URI });
    // Issue 23: the tokens are sealed before they are stored; the item holds no token text.
    const item = (await allItems()).find((i) => i['pk'] === 'T0ALPHA#INSTALL');
    expect(item).toHaveProperty('sealedTokens');
    expect(JSON.stringify(item)).not.toContain('xoxb');
    expect(await openedInstall({ teamId: 'T0ALPHA' })).toMatchObject({
      teamId: 'T0ALPHA',
      isEnterpriseInstall: false,
      botToken: 'xoxb-alpha',
      botUserId: 'U0BOT',
      installerUserId: 'U0MARIA',
    });
  });

  it('refuses a state used before, and calls nothing', async () => {
    const { state, cookie } = await openInstallPage();
    harness.slack.installGrants.set('code-once', { teamId: 'T0ONCE', botToken: 'xoxb-once' });
    expect((await callback({ code: 'code-once', state }, cookie)).statusCode).toBe(200);
    const before = exchanges();
    harness.slack.installGrants.set('code-twice', { teamId: 'T0TWICE', botToken: 'xoxb-twice' });
    const again = await callback({ code: 'code-twice', state }, cookie);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already used');
    expect(exchanges()).toBe(before);
    expect(await installations().fetchInstallation({ teamId: 'T0TWICE' })).toBeUndefined();
  });

  it('refuses a tampered state, and calls nothing', async () => {
    const { state } = await openInstallPage();
    const [payload, signature] = state.split('.') as [string, string];
    const changed = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { e: number };
    changed.e += 3600;
    const forged = `${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
    const before = exchanges();
    const result = await callback({ code: 'any', state: forged }, `slack-app-oauth-state=${forged}`);
    expect(result.statusCode).toBe(400);
    expect(result.body).toContain('not one we issued');
    expect(exchanges()).toBe(before);
  });

  it('refuses an expired state, and calls nothing', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-25T01:00:00Z'));
    const { state, cookie } = await openInstallPage();
    vi.setSystemTime(new Date('2026-03-25T01:10:01Z'));
    const before = exchanges();
    const result = await callback({ code: 'any', state }, cookie);
    expect(result.statusCode).toBe(400);
    expect(result.body).toContain('expired');
    expect(exchanges()).toBe(before);
  });

  it('refuses a callback without the state cookie, or with another browser’s, and calls nothing', async () => {
    const mine = await openInstallPage();
    const theirs = await openInstallPage();
    const before = exchanges();
    const bare = await callback({ code: 'any', state: mine.state });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('cookie is missing');
    const crossed = await callback({ code: 'any', state: mine.state }, theirs.cookie);
    expect(crossed.statusCode).toBe(400);
    expect(crossed.body).toContain('another browser');
    expect(exchanges()).toBe(before);
  });

  it('says why an install did not complete in the browser’s language, for our own checks and Slack’s codes alike', async () => {
    const inKorean = (query: Record<string, string>, cookie?: string) => {
      const request = browserGet('/slack/oauth_redirect', { query, cookies: cookie ? [cookie] : [] });
      request.headers['accept-language'] = 'ko-KR';
      return harness.send(request);
    };
    const { state, cookie } = await openInstallPage();
    const cancelled = await inKorean({ error: 'access_denied', state }, cookie);
    expect(cancelled.body).toContain('<h1>Commitments이(가) 설치되지 않았습니다</h1>\n<p>Slack에서 설치가 취소되었습니다.</p>');
    expect((await inKorean({ code: 'any', state }, cookie.replace(/=.*/, '=forged.state'))).body).toContain('<p>이 설치는 다른 브라우저나 탭에서 시작되었습니다.');
    expect((await inKorean({ code: 'any', state: 'forged.state' }, 'slack-app-oauth-state=forged.state')).body).toContain('<p>이 설치 링크는 이 앱이 발급한 것이 아닙니다.</p>');
  });

  it('shows an error page when the user cancels in Slack (access_denied), and calls nothing', async () => {
    const { state, cookie } = await openInstallPage();
    const before = exchanges();
    const result = await callback({ error: 'access_denied', state }, cookie);
    expect(result.statusCode).toBe(400);
    expect(result.body).toContain('cancelled');
    expect(exchanges()).toBe(before);
  });

  it('shows an error page and stores nothing when oauth.v2.access refuses the code', async () => {
    const { state, cookie } = await openInstallPage();
    const before = await allItems();
    const result = await callback({ code: 'code-nobody-issued', state }, cookie);
    expect(result.statusCode).toBe(400);
    expect(result.body).toContain('The code Slack gave this install is not valid or was used already');
    // Only the used state was recorded.
    expect((await allItems()).filter((item) => item['type'] === 'installation')).toEqual(before.filter((item) => item['type'] === 'installation'));
  });

  it('shows a fixed sentence for an error it does not know, and nothing of the request (issue 23)', async () => {
    const { state, cookie } = await openInstallPage();
    const hostile = '<script>alert(1)</script> Your workspace is suspended: call +1 555 0100 at evil.example';
    const result = await callback({ error: hostile, state }, cookie);
    expect(result.statusCode).toBe(400);
    for (const piece of ['script', 'alert', 'suspended', '555', 'evil.example']) expect(result.body).not.toContain(piece);
    expect(result.body).toContain('Slack did not complete the install.');
  });

  it('shows the sentence of each known Slack error code, not the code as sent (issue 23)', async () => {
    const sentences = new Map<string, string>();
    for (const code of ['access_denied', 'invalid_team_for_non_distributed_app', 'invalid_scope', 'something_else']) {
      const { state, cookie } = await openInstallPage();
      const result = await callback({ error: code, state }, cookie);
      expect(result.statusCode).toBe(400);
      expect(result.body).not.toContain(code);
      sentences.set(code, /<p>([^<]*)<\/p>/.exec(result.body)![1]!);
    }
    expect(sentences.get('access_denied')).toContain('cancelled');
    expect(sentences.get('invalid_team_for_non_distributed_app')).toContain('not distributed');
    expect(new Set(sentences.values()).size).toBe(4);
  });
});

describe('per-workspace tokens', () => {
  beforeAll(async () => {
    await install({ teamId: 'T0NORTH', botToken: 'xoxb-north' });
    await install({ teamId: 'T0SOUTH', botToken: 'xoxb-south' });
    await seedBusan(harness.store(), 'T0NORTH', BUSAN_AS_AGREED);
    await seedBusan(harness.store(), 'T0SOUTH', BUSAN_AS_AGREED);
  });

  const openHome = (teamId: string, user: string, options: { eventId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean } = {}) =>
    harness.send(eventCallback(teamId, { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1.1' }, options));
  const publishesTo = (user: string) => harness.slack.callsTo('views.publish').filter((call) => call.args['user_id'] === user);

  it('serves each installed team with its own token and never the other’s', async () => {
    for (let round = 0; round < 3; round++) {
      expect((await openHome('T0NORTH', 'U0NORTH')).statusCode).toBe(200);
      expect((await openHome('T0SOUTH', 'U0SOUTH')).statusCode).toBe(200);
    }
    expect(publishesTo('U0NORTH').map((call) => call.token)).toEqual(['xoxb-north', 'xoxb-north', 'xoxb-north']);
    expect(publishesTo('U0SOUTH').map((call) => call.token)).toEqual(['xoxb-south', 'xoxb-south', 'xoxb-south']);
  });

  it('runs an event delivered twice with the same event_id once', async () => {
    const before = publishesTo('U0TWICE').length;
    expect((await openHome('T0NORTH', 'U0TWICE', { eventId: 'Ev0SAME' })).statusCode).toBe(200);
    expect((await openHome('T0NORTH', 'U0TWICE', { eventId: 'Ev0SAME' })).statusCode).toBe(200);
    expect(publishesTo('U0TWICE').length - before).toBe(1);
  });

  it('lets the first installer, the app manager, manage a track, and not another plain member (issues 12 and 23)', async () => {
    await install({ teamId: 'T0INSTALL', botToken: 'xoxb-install', installerUserId: 'U0INSTALLER' });
    await seedBusan(harness.store(), 'T0INSTALL', new Date('2026-03-01T00:00:00Z'));
    // The seed's track has no owner until someone who manages the workspace claims it.
    await harness.send(commandEvent('japan-korea roles add <@U0PLAIN|plain> owner', { teamId: 'T0INSTALL', userId: 'U0PLAIN' }));
    expect((await harness.store().getTrack('T0INSTALL', 'japan-korea')).members).toEqual({});
    await harness.send(commandEvent('japan-korea roles add <@U0INSTALLER|installer> owner', { teamId: 'T0INSTALL', userId: 'U0INSTALLER' }));
    expect((await harness.store().getTrack('T0INSTALL', 'japan-korea')).members).toEqual({ U0INSTALLER: 'owner' });
  });

  it('answers a slash command of an installed team with its report', async () => {
    const result = await harness.send(commandEvent('japan-korea', { teamId: 'T0NORTH' }));
    expect(result.statusCode).toBe(200);
    expect(result.json()['text']).toContain('JK-4');
  });

  it('serves a workspace of an organisation that installed org-wide with the org’s token', async () => {
    await install({ enterpriseId: 'E0ORG', isEnterpriseInstall: true, botToken: 'xoxb-org' });
    expect(await openedInstall({ enterpriseId: 'E0ORG', isEnterpriseInstall: true })).toMatchObject({ isEnterpriseInstall: true, botToken: 'xoxb-org' });
    expect((await openHome('T0ORGTEAM', 'U0ORG', { enterpriseId: 'E0ORG', isEnterpriseInstall: true })).statusCode).toBe(200);
    expect(publishesTo('U0ORG').map((call) => call.token)).toEqual(['xoxb-org']);
  });

  it('renews a rotating token that is about to expire, and uses the new one', async () => {
    await install({ teamId: 'T0ROTATE', botToken: 'xoxe.xoxb-rotate', refreshToken: 'xoxe-1-refresh', expiresIn: 120 });
    const before = exchanges();
    expect((await openHome('T0ROTATE', 'U0ROTATE')).statusCode).toBe(200);
    expect((await openHome('T0ROTATE', 'U0ROTATE')).statusCode).toBe(200);
    const refreshes = harness.slack.callsTo('oauth.v2.access').slice(before);
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.args).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'xoxe-1-refresh', client_id: TEST_OAUTH.clientId });
    const rotated = await openedInstall({ teamId: 'T0ROTATE' });
    expect(rotated?.botToken).toMatch(/^xoxe\.xoxb-rotate-r\d+$/);
    expect(publishesTo('U0ROTATE').map((call) => call.token)).toEqual([rotated!.botToken, rotated!.botToken]);
  });
});

describe('uninstall and token revocation', () => {
  async function installWithDigest(teamId: string, botToken: string) {
    await install({ teamId, botToken });
    await seedBusan(harness.store(), teamId, new Date('2026-03-01T00:00:00Z'));
    const subscribed = await harness.send(commandEvent('subscribe japan-korea every monday 09:00', { teamId, channelId: 'C0DIGEST' }));
    expect(subscribed.statusCode).toBe(200);
    expect(await subscriptions().listForChannel(teamId)).toHaveLength(1);
  }

  it.each([
    ['app_uninstalled', 'T0GONE', { type: 'app_uninstalled' }],
    ['tokens_revoked', 'T0REVOKED', { type: 'tokens_revoked', tokens: { bot: ['U0BOT'] } }],
  ])('on %s deletes the token and the team’s person records, pauses its digests with the reason and keeps its tracks', async (reason, teamId, event) => {
    await installWithDigest(teamId, `xoxb-${teamId}`);
    const people = createPeopleStore({ client: harness.table.client, tableName: harness.table.tableName });
    expect(await people.get(teamId, 'U0ALICE')).toBeDefined();
    await people.saveGroup({ teamId, groupId: 'S0GOV', handle: 'gov-affairs', users: ['U0ALICE'], fetchedAt: new Date().toISOString(), asOf: Date.now() });
    const callsBefore = harness.slack.calls.length;
    expect((await harness.send(eventCallback(teamId, event))).statusCode).toBe(200);
    expect(await installations().fetchInstallation({ teamId })).toBeUndefined();
    const [sub] = await subscriptions().listForChannel(teamId);
    expect(sub?.paused?.reason).toBe(reason);
    expect({ person: await people.get(teamId, 'U0ALICE'), groups: (await people.getGroups(teamId, ['S0GOV'])).size }).toEqual({ person: undefined, groups: 0 });
    expect((await harness.store().getReport(teamId, 'japan-korea')).commitments).toHaveLength(5);

    // Its token is no longer used: the next event is acknowledged and reaches no Slack call, a command gets the install link.
    const home = await harness.send(eventCallback(teamId, { type: 'app_home_opened', user: 'U0AFTER', channel: 'D0HOME', tab: 'home', event_ts: '1.1' }));
    expect(home.statusCode).toBe(200);
    expect(harness.slack.calls.slice(callsBefore).filter((call) => call.token === `xoxb-${teamId}`)).toHaveLength(0);
    const command = await harness.send(commandEvent('japan-korea', { teamId }));
    expect(command.json()['text']).toContain('/slack/install');
  });

  it('ignores a removal Slack delivers late, after the app was installed again: the new install, its people and its digests stay', async () => {
    const removedAt = Math.floor(Date.now() / 1000) - 120;
    await installWithDigest('T0AGAIN', 'xoxb-again');
    const people = createPeopleStore({ client: harness.table.client, tableName: harness.table.tableName });
    const envelope = JSON.parse(eventCallback('T0AGAIN', { type: 'app_uninstalled' }).body) as Record<string, unknown>;
    const retried = signedEvent(JSON.stringify({ ...envelope, event_time: removedAt }), { contentType: 'application/json' });
    expect((await harness.send(retried)).statusCode).toBe(200);
    const [sub] = await subscriptions().listForChannel('T0AGAIN');
    expect({ token: (await openedInstall({ teamId: 'T0AGAIN' }))?.botToken, person: Boolean(await people.get('T0AGAIN', 'U0ALICE')), paused: sub?.paused }).toEqual({
      token: 'xoxb-again',
      person: true,
      paused: undefined,
    });
  });

  it('keeps no record of someone who joins after another container handled the removal, though this one still holds the install', async () => {
    await install({ teamId: 'T0WARM', botToken: 'xoxb-warm' });
    const people = createPeopleStore({ client: harness.table.client, tableName: harness.table.tableName });
    const join = (id: string) => eventCallback('T0WARM', { type: 'team_join', user: { id, team_id: 'T0WARM', name: id.toLowerCase(), tz: 'Asia/Tokyo' }, event_ts: '1.000100' });
    // This container serves the workspace once, and keeps its install for a while.
    expect((await harness.send(join('U0BEFORE'))).statusCode).toBe(200);
    expect(await people.get('T0WARM', 'U0BEFORE')).toBeDefined();
    // Another container handles the removal, and its job after the answer.
    const now = new Date();
    await uninstall({ installations: installations(), forgetTokens: () => {} }, { query: { teamId: 'T0WARM' }, at: now });
    await forgetTeam({ installations: installations(), subscriptions: subscriptions(), people }, { teamId: 'T0WARM', reason: 'app_uninstalled', now });
    expect((await harness.send(join('U0AFTER'))).statusCode).toBe(200);
    expect({ before: await people.get('T0WARM', 'U0BEFORE'), after: await people.get('T0WARM', 'U0AFTER') }).toEqual({ before: undefined, after: undefined });
  });

  it('forgets nothing of a team that installed the app again before the job after its removal ran', async () => {
    await install({ teamId: 'T0BACK', botToken: 'xoxb-back' });
    const people = createPeopleStore({ client: harness.table.client, tableName: harness.table.tableName });
    const join = eventCallback('T0BACK', { type: 'team_join', user: { id: 'U0STAYS', team_id: 'T0BACK', name: 'stays' }, event_ts: '1.000100' });
    expect((await harness.send(join)).statusCode).toBe(200);
    const forgotten = await forgetTeam({ installations: installations(), subscriptions: subscriptions(), people }, { teamId: 'T0BACK', reason: 'app_uninstalled', now: new Date() });
    expect({ forgotten, person: Boolean(await people.get('T0BACK', 'U0STAYS')) }).toEqual({ forgotten: undefined, person: true });
  });

  it('keeps the bot token when only user tokens are revoked', async () => {
    await install({ teamId: 'T0USERS', botToken: 'xoxb-users' });
    await harness.send(eventCallback('T0USERS', { type: 'tokens_revoked', tokens: { oauth: ['U0SOMEONE'] } }));
    expect(await openedInstall({ teamId: 'T0USERS' })).toMatchObject({ botToken: 'xoxb-users' });
  });
});

describe('a workspace that never installed', () => {
  it('gets the install link for a command, with 200, and nothing is written', async () => {
    const before = await allItems();
    const result = await harness.send(commandEvent('update JK-4 done', { teamId: 'T0STRANGER' }));
    expect(result.statusCode).toBe(200);
    const reply = result.json() as { response_type: string; text: string };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain(`${TEST_PUBLIC_URL}/slack/install`);
    expect(await allItems()).toEqual(before);
  });

  it('has its button presses acknowledged and dropped, with nothing written', async () => {
    const before = await allItems();
    const calls = harness.slack.calls.length;
    const press = interactionEvent({
      type: 'block_actions',
      team: { id: 'T0STRANGER', domain: 'stranger' },
      user: { id: 'U0STRANGER', team_id: 'T0STRANGER' },
      trigger_id: '1.trigger',
      actions: [{ action_id: ACTION_IDS.markDone, value: 'JK-4', type: 'button', block_id: 'b', action_ts: '1.1' }],
    });
    expect((await harness.send(press)).statusCode).toBe(200);
    expect(await allItems()).toEqual(before);
    expect(harness.slack.calls.length).toBe(calls);
  });
});

describe('Events API', () => {
  it('answers the url_verification challenge', async () => {
    const body = JSON.stringify({ token: 'deprecated', challenge: 'challenge-123', type: 'url_verification' });
    const result = await harness.send(signedEvent(body, { contentType: 'application/json' }));
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('challenge-123');
  });

  it('refuses an event with a bad signature, and runs nothing', async () => {
    const event = eventCallback('T0NORTH', { type: 'app_uninstalled' }, { secret: 'not-the-signing-secret' });
    expect((await harness.send(event)).statusCode).toBe(401);
  });
});
