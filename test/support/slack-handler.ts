import { afterAll, beforeAll, vi } from 'vitest';
import { seedBusan } from '#shared/use-cases/seed';
import { BUSAN_RECORDED_AT } from '#shared/data/busan-summit-2025';
import { createStore, type Store } from '#shared/store/store';
import { FakeSlack, type SlackCall } from '#local/fake-slack';
import { localContext } from '#local/http-adapter';
import { useTestTable, type TestTable } from './dynamodb.ts';
import { TEST_SIGNING_SECRET, type HttpApiEvent } from '#local/slack-request';
import { startCountingProxy, type CountingProxy } from '#local/counting-proxy';
import type { FakeSecretsManager } from '#local/fake-secrets-manager';
import { FakeKms } from '#local/fake-kms';
import { createInstallationStore, type InstallationStore } from '#shared/store/installations';
import { createKmsTokenSealer } from '#shared/store/sealed-tokens';

/** The two secrets' ARNs when the handler reads them from a Secrets Manager stand-in. */
export const TEST_SECRET_ARNS = {
  signing: 'arn:aws:secretsmanager:local:000000000000:secret:commitments-slack',
  botToken: 'arn:aws:secretsmanager:local:000000000000:secret:commitments-bot-token',
} as const;

/** The app's OAuth credentials in multi-workspace tests. */
export const TEST_OAUTH = { clientId: '1234.5678', clientSecret: 'test-client-secret', stateSecret: 'test-state-secret-0123456789' } as const;

/** Where multi-workspace tests say the API is deployed (`PUBLIC_URL`), as infra tells the deployed function. */
export const TEST_PUBLIC_URL = 'https://abc123.execute-api.ap-northeast-1.amazonaws.com';

export interface SlackHarness {
  table: TestTable;
  slack: FakeSlack;
  store: () => Store;
  /** The KMS stand-in that seals installs' tokens (multi-workspace mode). */
  kms: FakeKms;
  /** Installs in the table, their tokens opened through `kms`, as the handler's own are. */
  installations: () => InstallationStore;
  /** DynamoDB requests the handler sent, by operation (with `countRequests`). */
  requests: () => CountingProxy;
  /** The exported Lambda handler itself, e.g. to serve it over HTTP. */
  handler(): typeof import('../../functions/slack/handler.ts').handler;
  /**
   * Sends an event to the exported Lambda handler, as API Gateway would, then waits for the
   * work it left for after its answer; `callsBeforeAnswer` are the fake Slack's calls made
   * by the time the answer was returned.
   */
  send(event: HttpApiEvent): Promise<{ statusCode: number; body: string; cookies: string[]; json: () => Record<string, unknown>; callsBeforeAnswer: SlackCall[] }>;
  /** Resolves once every job left for after an answer has run. */
  settled(): Promise<void>;
}

/**
 * The real Slack handler, configured through its environment against this file's table in
 * DynamoDB Local and a fake Slack Web API on loopback.
 */
export function useSlackHandler(
  options: {
    oauth?: boolean;
    countRequests?: boolean;
    secretsManager?: FakeSecretsManager;
    logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
    /** The deployment's public address (`PUBLIC_URL`), read when the handler loads; `TEST_PUBLIC_URL` with `oauth`. */
    publicUrl?: () => string;
  } = {},
): SlackHarness {
  const table = useTestTable();
  const slack = new FakeSlack(options.oauth ? { oauthClient: TEST_OAUTH } : {});
  const kms = new FakeKms();
  let handler: typeof import('../../functions/slack/handler.ts').handler | undefined;
  let settled: (() => Promise<void>) | undefined;
  let proxy: CountingProxy | undefined;
  beforeAll(async () => {
    await slack.start();
    await kms.start();
    // The handler's client goes through a counting proxy; the tests' own reads do not.
    if (options.countRequests) proxy = await startCountingProxy(table.endpoint);
    Object.assign(process.env, {
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: proxy?.endpoint ?? table.endpoint,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: options.logLevel ?? 'ERROR',
      // Installs' tokens sealed under the stand-in's key, as under the deployed KMS key.
      TOKEN_KEY_ARN: kms.key.arn,
      KMS_ENDPOINT: kms.url,
    });
    if (options.secretsManager) {
      // Both secrets from the stand-in, at TEST_SECRET_ARNS, as a deployed function reads them.
      await options.secretsManager.start();
      for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET']) delete process.env[name];
      Object.assign(process.env, { SLACK_SECRET_ARN: TEST_SECRET_ARNS.signing, SLACK_BOT_TOKEN_SECRET_ARN: TEST_SECRET_ARNS.botToken, SECRETS_MANAGER_ENDPOINT: options.secretsManager.url });
    } else if (options.oauth) {
      delete process.env['SLACK_BOT_TOKEN'];
      Object.assign(process.env, {
        SLACK_CLIENT_ID: TEST_OAUTH.clientId,
        SLACK_CLIENT_SECRET: TEST_OAUTH.clientSecret,
        SLACK_STATE_SECRET: TEST_OAUTH.stateSecret,
        PUBLIC_URL: options.publicUrl?.() ?? TEST_PUBLIC_URL,
      });
    } else {
      process.env['SLACK_BOT_TOKEN'] = 'xoxb-test-token';
    }
    ({ handler } = await import('../../functions/slack/handler.ts'));
    ({ afterAnswerSettled: settled } = await import('../../functions/slack/after-answer.ts'));
  });
  afterAll(async () => {
    await slack.stop();
    await kms.stop();
    await proxy?.stop();
    await options.secretsManager?.stop();
  });
  return {
    table,
    slack,
    store: () => createStore({ client: table.client, tableName: table.tableName }),
    kms,
    installations: () => createInstallationStore({ client: table.client, tableName: table.tableName, sealer: createKmsTokenSealer({ keyId: kms.key.arn, endpoint: kms.url }) }),
    requests: () => {
      if (!proxy) throw new Error('useSlackHandler({ countRequests: true }) counts requests');
      return proxy;
    },
    handler: () => handler!,
    async send(event) {
      const result = await handler!(event, localContext());
      const callsBeforeAnswer = [...slack.calls];
      await settled!();
      const body = result.body ?? '';
      return { statusCode: result.statusCode ?? 200, body, cookies: result.cookies ?? [], json: () => JSON.parse(body || '{}') as Record<string, unknown>, callsBeforeAnswer };
    },
    settled: () => settled!(),
  };
}

/** The Busan data set as agreed: seeded when it was written down, before any reported follow-up. */
export const BUSAN_AS_AGREED = new Date(BUSAN_RECORDED_AT);

/** Freezes `Date` at `now` for the test file and seeds the Busan data set for `team` as agreed, without its later follow-ups. */
export function useBusanAt(harness: SlackHarness, team: string, now: Date): void {
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    await seedBusan(harness.store(), team, BUSAN_AS_AGREED);
  });
  afterAll(() => {
    vi.useRealTimers();
  });
}
