import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#shared/config';
import { createSweepDeps } from '#shared/reminders/deps';
import { DIGEST_EVENT_TYPE } from '#shared/reminders/deliver';
import { runSweep } from '#shared/reminders/sweep';
import { subscribe } from '#shared/use-cases/subscriptions';
import { seedBusan } from '#shared/use-cases/seed';
import { FakeSlack } from '#local/fake-slack';
import { FakeSecretsManager } from '#local/fake-secrets-manager';
import { useTestTable } from '../../support/dynamodb.ts';
import { FAST, harness, silent } from './harness.ts';

// Issue 13: a digest sent with a bot token rotated since it was read pauses nothing when the new token works.
const table = useTestTable();
const h = harness(table, () => slack);
const secrets = new FakeSecretsManager();
let slack: FakeSlack;
const TOKEN_ARN = 'arn:aws:secretsmanager:local:000000000000:secret:commitments-bot-token';
const start = new Date('2026-03-01T00:00:00Z');
const revoked = new Set<string>();

beforeAll(async () => {
  await secrets.start();
  slack = await new FakeSlack({ fault: (call) => (call.token && revoked.has(call.token) ? { kind: 'slack-error', error: 'invalid_auth' } : undefined) }).start();
  for (const teamId of ['T0ROTATED', 'T0REVOKED']) {
    await seedBusan(h.store, teamId, start);
    await subscribe(h.subs, { teamId, channelId: `C${teamId}`, track: 'japan-korea', scheduleText: 'daily 09:00', skipWhenEmpty: false, by: 'U0A', now: start });
  }
});
afterAll(async () => {
  await slack.stop();
  await secrets.stop();
});

function sweepDeps() {
  const config = loadConfig({
    TABLE_NAME: table.tableName,
    DYNAMODB_ENDPOINT: table.endpoint,
    SLACK_BOT_TOKEN_SECRET_ARN: TOKEN_ARN,
    SECRETS_MANAGER_ENDPOINT: secrets.url,
    SLACK_API_URL: slack.apiUrl,
  });
  return createSweepDeps(config, table.client, silent);
}

describe('reminder sweep with a bot token rotated mid-run', () => {
  it('reads the token again on invalid_auth, posts with the new one and pauses nothing', async () => {
    secrets.set(TOKEN_ARN, { botToken: 'xoxb-placeholder' });
    const deps = { ...(await sweepDeps()), settings: { ...FAST, concurrency: 1 } };
    // The container read the placeholder; then the real token is put in the secret.
    secrets.set(TOKEN_ARN, { botToken: 'xoxb-real' });
    revoked.add('xoxb-placeholder');
    const summary = await runSweep(deps, { now: new Date('2026-03-02T00:05:00Z'), remainingMs: () => 60_000 });
    expect(summary).toMatchObject({ due: 2, posted: 2, paused: 0, failed: 0 });
    const posts = slack.callsTo('chat.postMessage').map((call) => call.token);
    // The first post is refused and repeated once with the fresh token; the second goes out with it straight away.
    expect(posts).toEqual(['xoxb-placeholder', 'xoxb-real', 'xoxb-real']);
    expect(slack.messagesWithMetadata(DIGEST_EVENT_TYPE)).toHaveLength(2);
    expect(secrets.reads(TOKEN_ARN)).toBe(2);
    for (const teamId of ['T0ROTATED', 'T0REVOKED']) {
      expect((await h.subscriptions.get({ teamId, channelId: `C${teamId}`, track: 'japan-korea' }))?.paused).toBeUndefined();
    }
  });

  it('pauses for invalid_auth only when the token read again fails too', async () => {
    revoked.add('xoxb-real');
    const readsBefore = secrets.reads(TOKEN_ARN);
    const deps = { ...(await sweepDeps()), settings: { ...FAST, concurrency: 1 } };
    const summary = await runSweep(deps, { now: new Date('2026-03-03T00:05:00Z'), remainingMs: () => 60_000 });
    expect(summary).toMatchObject({ due: 2, posted: 0, paused: 2 });
    // One read when the sweep starts, one forced by the refusal; the second refusal within 30 s reads nothing more.
    expect(secrets.reads(TOKEN_ARN)).toBe(readsBefore + 2);
    const sub = await h.subscriptions.get({ teamId: 'T0ROTATED', channelId: 'CT0ROTATED', track: 'japan-korea' });
    expect(sub?.paused?.reason).toBe('invalid_auth');
  });
});
