import { GetItemCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { commandEvent, eventCallback, type HttpApiEvent } from '#local/slack-request';
import { localContext } from '#local/http-adapter';
import type { Installation } from '#shared/domain/installation';
import { seedBusan } from '#shared/use-cases/seed';
import { BUSAN_AS_AGREED, useSlackHandler } from '../../support/slack-handler.ts';
import { captureLogLines } from '../../support/log-lines.ts';

// Issue 23, finding 7: installs' tokens are sealed at rest, and opened only when a Slack call goes out.
const harness = useSlackHandler({ oauth: true });

const install = (teamId: string): Installation => ({
  teamId,
  isEnterpriseInstall: false,
  botToken: `xoxb-${teamId}-secret`,
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  botScopes: ['commands'],
  installerUserId: 'U0MARIA',
  installedAt: '2026-03-01T00:00:00.000Z',
});

const rawInstall = async (teamId: string) => {
  const { Item } = await harness.table.client.send(new GetItemCommand({ TableName: harness.table.tableName, Key: marshall({ pk: `${teamId}#INSTALL`, sk: 'TEAM' }) }));
  return Item && unmarshall(Item);
};

/** The handler as a new Lambda container loads it: nothing cached from earlier requests. */
async function newContainer() {
  vi.resetModules();
  const { handler } = await import('../../../functions/slack/handler.ts');
  const { afterAnswerSettled } = await import('../../../functions/slack/after-answer.ts');
  return {
    async send(event: HttpApiEvent) {
      const result = await handler(event, localContext());
      await afterAnswerSettled();
      return { statusCode: result.statusCode ?? 200, body: result.body ?? '' };
    },
  };
}

const homeOpened = (teamId: string, user: string) => eventCallback(teamId, { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1.1' });
const decrypts = () => harness.kms.calls('Decrypt');

afterEach(() => {
  vi.useRealTimers();
});

describe('a sealed install serving requests', () => {
  beforeAll(async () => {
    await harness.installations().storeInstallation(install('T0HOT'));
    await seedBusan(harness.store(), 'T0HOT', BUSAN_AS_AGREED);
    // The first command of this person: Slack is asked who they are, with the opened token.
    const first = await newContainer();
    expect((await first.send(commandEvent('japan-korea', { teamId: 'T0HOT', userId: 'U0KNOWN' }))).body).toContain('JK-1');
  });

  it('answers a known person’s command on a new container with no Slack call and no KMS call', async () => {
    const container = await newContainer();
    const [calls, opened] = [harness.slack.calls.length, decrypts()];
    expect((await container.send(commandEvent('japan-korea', { teamId: 'T0HOT', userId: 'U0KNOWN' }))).body).toContain('JK-1');
    expect(harness.slack.calls.slice(calls).filter((call) => !call.method.startsWith('response_url:'))).toEqual([]);
    expect(decrypts()).toBe(opened);
  });

  it('opens the token once when a Slack call goes out, and sends Slack the token, never its handle', async () => {
    const container = await newContainer();
    const [calls, opened] = [harness.slack.calls.length, decrypts()];
    expect((await container.send(homeOpened('T0HOT', 'U0KNOWN'))).statusCode).toBe(200);
    expect((await container.send(homeOpened('T0HOT', 'U0KNOWN'))).statusCode).toBe(200);
    const sent = harness.slack.calls.slice(calls);
    expect(sent.filter((call) => call.method === 'views.publish')).toHaveLength(2);
    expect([...new Set(sent.map((call) => call.token))]).toEqual(['xoxb-T0HOT-secret']);
    expect(decrypts() - opened).toBe(1);
  });

  it('keeps an opened token no longer than two minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-25T01:00:00Z'));
    const container = await newContainer();
    const opened = decrypts();
    await container.send(homeOpened('T0HOT', 'U0KNOWN'));
    vi.setSystemTime(new Date('2026-03-25T01:01:59Z'));
    await container.send(homeOpened('T0HOT', 'U0KNOWN'));
    expect(decrypts() - opened).toBe(1);
    vi.setSystemTime(new Date('2026-03-25T01:02:01Z'));
    await container.send(homeOpened('T0HOT', 'U0KNOWN'));
    expect(decrypts() - opened).toBe(2);
  });
});

describe('an install stored before tokens were sealed', () => {
  it('is sealed on its next use, and serves that use with its token', async () => {
    await harness.table.client.send(
      new PutItemCommand({ TableName: harness.table.tableName, Item: marshall({ pk: 'T0PLAIN#INSTALL', sk: 'TEAM', type: 'installation', ...install('T0PLAIN') }) }),
    );
    const calls = harness.slack.calls.length;
    expect((await (await newContainer()).send(homeOpened('T0PLAIN', 'U0PLAIN'))).statusCode).toBe(200);
    expect(harness.slack.calls.slice(calls).filter((call) => call.method === 'views.publish').map((call) => call.token)).toEqual(['xoxb-T0PLAIN-secret']);
    const item = await rawInstall('T0PLAIN');
    expect(JSON.stringify(item)).not.toContain('xoxb');
    expect(item).toHaveProperty('sealedTokens');
    const opened = decrypts();
    expect((await (await newContainer()).send(homeOpened('T0PLAIN', 'U0PLAIN'))).statusCode).toBe(200);
    expect(harness.slack.calls.slice(calls).filter((call) => call.method === 'views.publish').map((call) => call.token)).toEqual(['xoxb-T0PLAIN-secret', 'xoxb-T0PLAIN-secret']);
    expect(decrypts() - opened).toBe(1);
  });
});

describe('an install record copied to another team', () => {
  it('opens for no request there: no Slack call, a plain answer, and the clear error in the log with no token', async () => {
    await harness.installations().storeInstallation(install('T0OWNER'));
    await harness.table.client.send(
      new PutItemCommand({ TableName: harness.table.tableName, Item: marshall({ ...(await rawInstall('T0OWNER')), pk: 'T0THIEF#INSTALL', teamId: 'T0THIEF' }) }),
    );
    const log = captureLogLines();
    const calls = harness.slack.calls.length;
    let answer: { statusCode: number; body: string };
    try {
      const container = await newContainer();
      await container.send(homeOpened('T0THIEF', 'U0THIEF'));
      answer = await container.send(commandEvent('japan-korea', { teamId: 'T0THIEF', userId: 'U0THIEF' }));
    } finally {
      log.restore();
    }
    expect(harness.slack.calls.slice(calls).filter((call) => !call.method.startsWith('response_url:'))).toEqual([]);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).not.toContain('xoxb');
    const refusals = log.lines.filter((line) => JSON.stringify(line).includes('SealedTokensError'));
    expect(refusals.length).toBeGreaterThanOrEqual(2);
    for (const line of refusals) expect(JSON.stringify(line)).toContain('The tokens stored for T0THIEF do not open under its own ids');
    expect(JSON.stringify(log.lines)).not.toContain('xoxb');
  });
});

describe('uninstall', () => {
  it('leaves no token of the team in the table', async () => {
    await harness.installations().storeInstallation(install('T0BYE'));
    expect((await harness.send(eventCallback('T0BYE', { type: 'app_uninstalled' }))).statusCode).toBe(200);
    const { Items = [] } = await harness.table.client.send(new ScanCommand({ TableName: harness.table.tableName }));
    expect(Items.map((item) => unmarshall(item)).filter((item) => String(item['pk']).startsWith('T0BYE#INSTALL'))).toEqual([]);
  });
});
