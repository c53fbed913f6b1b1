import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '#shared/errors';
import { FORCED_READ_INTERVAL_MS, loadConfig } from '#shared/config';
import { FakeSecretsManager } from '#local/fake-secrets-manager';

const secrets = new FakeSecretsManager();
const SIGNING_ARN = 'arn:aws:secretsmanager:local:000000000000:secret:signing';
let n = 0;

beforeAll(() => secrets.start());
afterAll(() => secrets.stop());
afterEach(() => {
  vi.useRealTimers();
});

/** A config reading a bot token secret of its own (a fresh ARN per test, so read counts start at zero). */
function configWithToken(value: object | string, env: Record<string, string> = {}) {
  const arn = `arn:aws:secretsmanager:local:000000000000:secret:token-${++n}`;
  secrets.set(arn, value);
  return { arn, config: loadConfig({ SLACK_BOT_TOKEN_SECRET_ARN: arn, SECRETS_MANAGER_ENDPOINT: secrets.url, ...env }) };
}

describe('secrets from Secrets Manager (Powertools Parameters)', () => {
  it('keeps a secret for the max age, then reads the rotated value', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-25T01:00:00Z'));
    const { arn, config } = configWithToken({ botToken: 'xoxb-1' }, { POWERTOOLS_PARAMETERS_MAX_AGE: '60' });
    expect(await config.sending()).toEqual({ mode: 'single', botToken: 'xoxb-1' });
    secrets.set(arn, { botToken: 'xoxb-2' });
    vi.advanceTimersByTime(59_000);
    expect(await config.sending()).toEqual({ mode: 'single', botToken: 'xoxb-1' });
    vi.advanceTimersByTime(2_000);
    expect(await config.sending()).toEqual({ mode: 'single', botToken: 'xoxb-2' });
    expect(secrets.reads(arn)).toBe(2);
  });

  it('reads at once when asked for a fresh value, at most once per interval', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-25T01:00:00Z'));
    const { arn, config } = configWithToken({ botToken: 'xoxb-1' });
    await config.sending();
    secrets.set(arn, { botToken: 'xoxb-2' });
    expect(await config.sending({ fresh: true })).toEqual({ mode: 'single', botToken: 'xoxb-2' });
    secrets.set(arn, { botToken: 'xoxb-3' });
    for (let i = 0; i < 10; i++) expect(await config.sending({ fresh: true })).toEqual({ mode: 'single', botToken: 'xoxb-2' });
    expect(secrets.reads(arn)).toBe(2);
    vi.advanceTimersByTime(FORCED_READ_INTERVAL_MS);
    expect(await config.sending({ fresh: true })).toEqual({ mode: 'single', botToken: 'xoxb-3' });
    expect(secrets.reads(arn)).toBe(3);
  });

  it('switches to OAuth installs when the bot token secret is given the app’s credentials', async () => {
    const { arn, config } = configWithToken({ botToken: 'xoxb-placeholder' });
    await config.sending();
    secrets.set(arn, { clientId: '1.2', clientSecret: 'client-secret' });
    expect(await config.sending({ fresh: true })).toEqual({ mode: 'multi', client: { clientId: '1.2', clientSecret: 'client-secret' } });
  });

  it('reads the signing secret from its own ARN and says which secret is malformed', async () => {
    secrets.set(SIGNING_ARN, { signingSecret: 'from-the-secret' });
    const { config } = configWithToken({ botToken: 'xoxb-1' }, { SLACK_SECRET_ARN: SIGNING_ARN });
    expect(await config.signingSecret()).toBe('from-the-secret');
    expect(await config.slackSecret()).toEqual({ mode: 'single', signingSecret: 'from-the-secret', botToken: 'xoxb-1' });
    await expect(configWithToken('not json').config.sending()).rejects.toThrow(new ConfigError('The secret in SLACK_BOT_TOKEN_SECRET_ARN must be JSON.'));
    await expect(configWithToken({ clientId: '1.2' }).config.sending()).rejects.toThrow(/SLACK_BOT_TOKEN_SECRET_ARN must be JSON with botToken/);
  });

  it('never asks Secrets Manager for values set in the environment, fresh or not', async () => {
    const { arn, config } = configWithToken({ botToken: 'xoxb-secret' }, { SLACK_BOT_TOKEN: 'xoxb-env', SLACK_SIGNING_SECRET: 'env-signing' });
    expect(await config.sending({ fresh: true })).toEqual({ mode: 'single', botToken: 'xoxb-env' });
    expect(await config.signingSecret({ fresh: true })).toBe('env-signing');
    expect(secrets.reads(arn)).toBe(0);
  });

  it('refuses a max age that is not a positive number of seconds', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'x', POWERTOOLS_PARAMETERS_MAX_AGE: '0' })).toThrow(/POWERTOOLS_PARAMETERS_MAX_AGE/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'x', SECRETS_MANAGER_ENDPOINT: 'not a url' })).toThrow(/SECRETS_MANAGER_ENDPOINT/);
  });
});
