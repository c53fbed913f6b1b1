import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SECRET_MAX_AGE_SECONDS, FORCED_READ_INTERVAL_MS } from '#shared/config';
import { FakeSecretsManager } from '#local/fake-secrets-manager';
import { commandEvent } from '#local/slack-request';
import { TEST_SECRET_ARNS, useBusanAt, useSlackHandler } from '../../support/slack-handler.ts';

// Issue 13: a secret rotated mid-run is taken within the max age, and at once after a refusal.
const secrets = new FakeSecretsManager();
const harness = useSlackHandler({ secretsManager: secrets });
const TEAM = 'T0TEST';
const OLD_SECRET = 'old-signing-secret-0123456789abcdef';
const NEW_SECRET = 'new-signing-secret-0123456789abcdef';
let now = new Date('2026-03-25T01:00:00Z');

secrets.set(TEST_SECRET_ARNS.signing, { signingSecret: OLD_SECRET });
secrets.set(TEST_SECRET_ARNS.botToken, { botToken: 'xoxb-old' });

useBusanAt(harness, TEAM, now);

/** Moves the frozen clock on; requests are signed at the new time. */
function advance(ms: number): void {
  now = new Date(now.getTime() + ms);
  vi.setSystemTime(now);
}

async function report(secret: string, userId = 'U0ALICE') {
  return harness.send(commandEvent('japan-korea', { teamId: TEAM, userId, secret }));
}

const signingReads = () => secrets.reads(TEST_SECRET_ARNS.signing);
const tokenReads = () => secrets.reads(TEST_SECRET_ARNS.botToken);

describe('secrets read from Secrets Manager', () => {
  it('reads each secret once on the first request and answers from the cache after', async () => {
    expect((await report(OLD_SECRET)).statusCode).toBe(200);
    expect((await report(OLD_SECRET)).statusCode).toBe(200);
    expect(signingReads()).toBe(1);
    expect(tokenReads()).toBe(1);
  });

  it('takes a signing secret rotated mid-run once the max age has passed', async () => {
    secrets.set(TEST_SECRET_ARNS.signing, { signingSecret: NEW_SECRET });
    // Within the max age the cached secret still serves: no read.
    expect((await report(OLD_SECRET)).statusCode).toBe(200);
    expect(signingReads()).toBe(1);
    advance((DEFAULT_SECRET_MAX_AGE_SECONDS + 1) * 1000);
    expect((await report(NEW_SECRET)).statusCode).toBe(200);
    expect(signingReads()).toBe(2);
  });

  it('takes a signing secret rotated mid-run at once when a signature fails to verify, with one extra read', async () => {
    advance(FORCED_READ_INTERVAL_MS);
    const rotated = 'rotated-again-signing-secret-0123456789';
    secrets.set(TEST_SECRET_ARNS.signing, { signingSecret: rotated });
    const before = signingReads();
    expect((await report(rotated)).statusCode).toBe(200);
    expect(signingReads()).toBe(before + 1);
    // The fresh value is cached: the next request needs no read.
    expect((await report(rotated)).statusCode).toBe(200);
    expect(signingReads()).toBe(before + 1);
  });

  it('reads the signing secret at most once for a flood of forged requests', async () => {
    advance(FORCED_READ_INTERVAL_MS);
    const before = signingReads();
    for (let i = 0; i < 25; i++) {
      const result = await report(`forged-secret-${i}`);
      expect(result.statusCode).toBe(401);
    }
    expect(signingReads()).toBe(before + 1);
  });

  it('retries a Slack call refused with invalid_auth once with the bot token read again, in the directory and in Bolt’s client', async () => {
    advance(FORCED_READ_INTERVAL_MS);
    const signing = 'rotated-again-signing-secret-0123456789';
    // The old token is revoked when the new one is put in the secret.
    secrets.set(TEST_SECRET_ARNS.botToken, { botToken: 'xoxb-new' });
    harness.slack.options.fault = (call) => (call.token === 'xoxb-old' ? { kind: 'slack-error', error: 'invalid_auth' } : undefined);
    const before = tokenReads();

    // A caller not seen yet: users.info is the first call, through the directory.
    const answered = await report(signing, 'U0BOB');
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('JK-1');
    expect(harness.slack.callsTo('users.info').filter((c) => c.args['user'] === 'U0BOB').map((c) => c.token)).toEqual(['xoxb-old', 'xoxb-new']);
    expect(tokenReads()).toBe(before + 1);

    // Bolt's own client now gets the new token from authorize: the form opens at once, with no further read.
    const form = await harness.send(commandEvent('add japan-korea', { teamId: TEAM, userId: 'U0BOB', secret: signing }));
    expect(form.statusCode).toBe(200);
    expect(harness.slack.callsTo('views.open').at(-1)?.token).toBe('xoxb-new');
    expect(tokenReads()).toBe(before + 1);
  });

  it('repeats a call Bolt’s client made with a revoked bot token once, with the token read again', async () => {
    advance(FORCED_READ_INTERVAL_MS);
    const signing = 'rotated-again-signing-secret-0123456789';
    secrets.set(TEST_SECRET_ARNS.botToken, { botToken: 'xoxb-third' });
    harness.slack.options.fault = (call) => (call.token === 'xoxb-old' || call.token === 'xoxb-new' ? { kind: 'slack-error', error: 'invalid_auth' } : undefined);
    const before = tokenReads();
    // Bob's profile is cached, so the form's views.open is the first call, with the token authorize had cached.
    const form = await harness.send(commandEvent('add japan-korea', { teamId: TEAM, userId: 'U0BOB', secret: signing }));
    expect(form.statusCode).toBe(200);
    expect(harness.slack.callsTo('views.open').slice(-2).map((c) => c.token)).toEqual(['xoxb-new', 'xoxb-third']);
    expect(tokenReads()).toBe(before + 1);
  });
});
