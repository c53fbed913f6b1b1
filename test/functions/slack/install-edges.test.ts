import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import type { FakeInstallGrant } from '#local/fake-slack';
import { browserGet, eventCallback, signedEvent } from '#local/slack-request';
import { SLACK_APP } from '#shared/slack-app/definitions';
import { useSlackHandler } from '../../support/slack-handler.ts';
import { captureLogLines } from '../../support/log-lines.ts';

const harness = useSlackHandler({ oauth: true });
const installations = () => harness.installations();

async function allItems(): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await harness.table.client.send(new ScanCommand({ TableName: harness.table.tableName, ConsistentRead: true }));
  return Items.map((item) => unmarshall(item));
}

async function openInstallPage() {
  const page = await harness.send(browserGet('/slack/install'));
  const href = /id="add-to-slack" href="([^"]+)"/.exec(page.body)![1]!.replaceAll('&amp;', '&');
  const link = new URL(href);
  return { state: link.searchParams.get('state')!, cookie: page.cookies[0]!.split(';')[0]! };
}

async function install(grant: FakeInstallGrant) {
  const { state, cookie } = await openInstallPage();
  const code = `code-${grant.botToken}`;
  harness.slack.installGrants.set(code, grant);
  return harness.send(browserGet('/slack/oauth_redirect', { query: { code, state }, cookies: [cookie] }));
}

/** An Events API delivery as an Enterprise Grid workspace gets it: team, its org, and the install that received it. */
function gridEvent(teamId: string, enterpriseId: string, event: Record<string, unknown>, orgWide = false) {
  return eventCallback(teamId, event, { enterpriseId, isEnterpriseInstall: orgWide });
}

const publishesTo = (user: string) => harness.slack.callsTo('views.publish').filter((call) => call.args['user_id'] === user);

describe('removal from one workspace of an Enterprise Grid org that also installed org-wide', () => {
  it('keeps the org-wide install when the workspace’s app_uninstalled follows its tokens_revoked (Slack sends both, in any order)', async () => {
    // The workspace installed the app on its own first; later the org installed it org-wide.
    expect((await install({ teamId: 'T0GRIDWS', enterpriseId: 'E0GRID', botToken: 'xoxb-grid-ws' })).statusCode).toBe(200);
    expect((await install({ enterpriseId: 'E0GRID', isEnterpriseInstall: true, botToken: 'xoxb-grid-org' })).statusCode).toBe(200);
    expect(await installations().fetchInstallation({ enterpriseId: 'E0GRID', isEnterpriseInstall: true })).toBeDefined();

    // An admin removes the app from the one workspace: its bot token is revoked, and the app uninstalled there.
    expect((await harness.send(gridEvent('T0GRIDWS', 'E0GRID', { type: 'tokens_revoked', tokens: { bot: ['U0BOT'] } }))).statusCode).toBe(200);
    expect((await harness.send(gridEvent('T0GRIDWS', 'E0GRID', { type: 'app_uninstalled' }))).statusCode).toBe(200);

    expect(await installations().fetchInstallation({ teamId: 'T0GRIDWS' })).toBeUndefined();
    // The org's own install serves every other workspace of the org: a workspace's removal is not about it.
    expect(await installations().fetchInstallation({ enterpriseId: 'E0GRID', isEnterpriseInstall: true })).toBeDefined();
    const home = await harness.send(gridEvent('T0GRIDOTHER', 'E0GRID', { type: 'app_home_opened', user: 'U0GRIDOTHER', channel: 'D0HOME', tab: 'home', event_ts: '1.1' }, true));
    expect(home.statusCode).toBe(200);
    expect(publishesTo('U0GRIDOTHER').map((call) => call.token)).toEqual(['xoxb-grid-org']);
  });
});

describe('an install that grants fewer permissions than the app asks for', () => {
  it('is refused with a page that says so and how to start again, and nothing is stored', async () => {
    // As Slack grants when the consent link's scope list was cut short.
    const result = await install({ teamId: 'T0FEWSCOPES', botToken: 'xoxb-few', scopes: ['commands', 'chat:write'] });
    expect({ status: result.statusCode, stored: await installations().fetchInstallation({ teamId: 'T0FEWSCOPES' }) }).toEqual({ status: 400, stored: undefined });
    expect(result.body).toContain('Slack granted this app fewer permissions than it needs, so it was not installed.');
    expect(result.body).toContain('/slack/install');
    // Every scope granted, the same install goes through.
    expect((await install({ teamId: 'T0FEWSCOPES', botToken: 'xoxb-all' })).statusCode).toBe(200);
    expect((await installations().fetchInstallation({ teamId: 'T0FEWSCOPES' }))?.installation.botScopes).toEqual([...SLACK_APP.botScopes]);
  });
});

describe('an Events API delivery Slack sends outside event_callback', () => {
  it('acknowledges app_rate_limited with 200, writes nothing, and tells the operator (Bolt has no listener for it: 404)', async () => {
    await install({ teamId: 'T0LIMITED', botToken: 'xoxb-limited' });
    const before = await allItems();
    const body = JSON.stringify({ token: 'deprecated', type: 'app_rate_limited', team_id: 'T0LIMITED', minute_rate_limited: Math.floor(Date.now() / 60_000) * 60, api_app_id: 'A0COMMIT' });
    const logs = captureLogLines();
    const result = await harness.send(signedEvent(body, { contentType: 'application/json' })).finally(() => logs.restore());
    expect(result.statusCode).toBe(200);
    expect(await allItems()).toEqual(before);
    expect(logs.lines.filter((line) => line['level'] === 'ERROR').map((line) => [line['message'], line['teamId']])).toEqual([
      ["Slack drops the app's events for the rest of a minute (app_rate_limited)", 'T0LIMITED'],
    ]);
  });
});

describe('an uninstall event without event_time', () => {
  it('is answered 200 and removes the install (Slack’s envelope time missing does not make it fail and be retried forever)', async () => {
    await install({ teamId: 'T0NOTIME', botToken: 'xoxb-notime' });
    const envelope = JSON.parse(eventCallback('T0NOTIME', { type: 'app_uninstalled' }).body) as Record<string, unknown>;
    delete envelope['event_time'];
    const result = await harness.send(signedEvent(JSON.stringify(envelope), { contentType: 'application/json' }));
    expect({ status: result.statusCode, install: await installations().fetchInstallation({ teamId: 'T0NOTIME' }) }).toEqual({ status: 200, install: undefined });
  });
});

describe('an install whose tokens cannot be sealed (KMS failing)', () => {
  it('shows the install’s HTML error page with a way to start again, not a bare server error', async () => {
    const kms = harness.kms as unknown as { handle: (req: unknown, res: { writeHead: (s: number, h: Record<string, string>) => { end: (b: string) => void } }) => Promise<void> };
    kms.handle = async (_req, res) => {
      res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: 'KMSInternalException', message: 'down' }));
    };
    let result: Awaited<ReturnType<typeof install>> | undefined;
    let thrown: unknown;
    const logs = captureLogLines();
    try {
      result = await install({ teamId: 'T0NOKMS', botToken: 'xoxb-nokms' });
    } catch (error) {
      thrown = error;
    } finally {
      delete (kms as { handle?: unknown }).handle;
      logs.restore();
    }
    expect(logs.lines.filter((line) => line['level'] === 'ERROR').map((line) => line['message'])).toEqual(['install not saved']);
    expect(result?.statusCode).toBe(500);
    expect({ thrown: thrown === undefined ? undefined : String(thrown).slice(0, 80), type: result?.body.slice(0, 15) }).toEqual({ thrown: undefined, type: '<!doctype html>' });
    expect(result!.body).toContain('/slack/install');
    expect(await installations().fetchInstallation({ teamId: 'T0NOKMS' })).toBeUndefined();
  });
});

describe('a Slack Connect delivery: the event happened in a workspace without the app, the install that gets it is another', () => {
  it('writes nothing under the key of the workspace that never installed', async () => {
    await install({ teamId: 'T0CONNA', botToken: 'xoxb-conn-a' });
    const envelope = JSON.parse(eventCallback('T0CONNA', { type: 'user_change', user: { id: 'U0CONNB', team_id: 'T0CONNB', name: 'b', is_stranger: true }, event_ts: '1.1' }).body) as Record<string, unknown>;
    // Slack names the workspace the event happened in; `authorizations` the install it is delivered to.
    const delivered = signedEvent(JSON.stringify({ ...envelope, team_id: 'T0CONNB' }), { contentType: 'application/json' });
    expect((await harness.send(delivered)).statusCode).toBe(200);
    expect((await allItems()).filter((item) => String(item['pk']).startsWith('T0CONNB')).map((item) => `${String(item['pk'])}|${String(item['sk'])}`)).toEqual([]);
  });
});
