import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#shared/config';
import { createSweepDeps } from '#shared/reminders/deps';
import { runSweep } from '#shared/reminders/sweep';
import { createInstallationStore } from '#shared/store/installations';
import { subscribe } from '#shared/use-cases/subscriptions';
import { seedBusan } from '#shared/use-cases/seed';
import { DIGEST_EVENT_TYPE } from '#shared/reminders/deliver';
import { FakeSlack } from '#local/fake-slack';
import { FakeKms } from '#local/fake-kms';
import { createKmsTokenSealer } from '#shared/store/sealed-tokens';
import { useTestTable } from '../../support/dynamodb.ts';
import { FAST, harness, silent } from './harness.ts';

const table = useTestTable();
let slack: FakeSlack;
const kms = new FakeKms();
const h = harness(table, () => slack);
const start = new Date('2026-03-01T00:00:00Z');

beforeAll(async () => {
  slack = await new FakeSlack().start();
  await kms.start();
  const installations = createInstallationStore({ ...table, sealer: createKmsTokenSealer({ keyId: kms.key.arn, endpoint: kms.url }) });
  for (const teamId of ['T0NORTH', 'T0SOUTH']) {
    await installations.storeInstallation({
      teamId,
      isEnterpriseInstall: false,
      botToken: `xoxb-${teamId}`,
      botId: 'B0BOT',
      botUserId: 'U0BOT',
      botScopes: ['chat:write'],
      installerUserId: 'U0A',
      installedAt: start.toISOString(),
    });
  }
  for (const teamId of ['T0NORTH', 'T0SOUTH', 'T0GONE']) {
    await seedBusan(h.store, teamId, start);
    await subscribe(h.subs, { teamId, channelId: `C${teamId}`, track: 'japan-korea', scheduleText: 'daily 09:00', skipWhenEmpty: false, by: 'U0A', now: start });
  }
});
afterAll(async () => {
  await slack.stop();
  await kms.stop();
});

describe('reminder sweep in multi-workspace mode', () => {
  it('posts each team’s digest with its own install’s token and pauses the digest of a team with no install', async () => {
    const config = loadConfig({
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: table.endpoint,
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret-0123456789',
      SLACK_API_URL: slack.apiUrl,
      TOKEN_KEY_ARN: kms.key.arn,
      KMS_ENDPOINT: kms.url,
    });
    const deps = { ...(await createSweepDeps(config, table.client, silent)), settings: FAST };
    const opened = kms.calls('Decrypt');
    // 09:00 in Tokyo on 2 March, and a little after.
    const summary = await runSweep(deps, { now: new Date('2026-03-02T00:05:00Z'), remainingMs: () => 60_000 });
    expect(summary).toMatchObject({ due: 3, posted: 2, paused: 1, failed: 0 });
    const posts = slack.callsTo('chat.postMessage').map((call) => [call.args['channel'], call.token]);
    expect(posts).toEqual(expect.arrayContaining([['CT0NORTH', 'xoxb-T0NORTH'], ['CT0SOUTH', 'xoxb-T0SOUTH']]));
    expect(posts).toHaveLength(2);
    // Each install's sealed token opened once, through the KMS stand-in.
    expect(kms.calls('Decrypt') - opened).toBe(2);
    expect(slack.messagesWithMetadata(DIGEST_EVENT_TYPE)).toHaveLength(2);
    const gone = await h.subscriptions.get({ teamId: 'T0GONE', channelId: 'CT0GONE', track: 'japan-korea' });
    expect(gone?.paused?.reason).toBe('not_installed');
  });
});
