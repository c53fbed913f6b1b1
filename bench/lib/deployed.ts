import { createSocket } from 'node:dgram';
import { FakeSecretsManager } from '#local/fake-secrets-manager';
import { TEST_SIGNING_SECRET } from '#local/slack-request';
import type { Stack } from './stack.ts';

/** The two secrets' ARNs, shaped as the stacks name them. */
const SECRET_ARNS = {
  signing: 'arn:aws:secretsmanager:local:000000000000:secret:commitments-slack',
  botToken: 'arn:aws:secretsmanager:local:000000000000:secret:commitments-bot-token',
} as const;

/** Listens where the X-Ray daemon would and counts the segment documents the SDK sends over UDP. */
async function startXRayDaemon(): Promise<{ address: string; received: () => number; stop: () => Promise<void> }> {
  const socket = createSocket('udp4');
  let received = 0;
  socket.on('message', () => received++);
  await new Promise<void>((done) => socket.bind(0, '127.0.0.1', done));
  const { port } = socket.address();
  return { address: `127.0.0.1:${port}`, received: () => received, stop: () => new Promise((done) => socket.close(() => done())) };
}

export interface Deployed {
  /** The environment of the deployed Slack function, pointed at the bench's stand-ins. */
  env(tableName: string): NodeJS.ProcessEnv;
  /** Segment documents the X-Ray stand-in has received so far. */
  segments(): number;
  stop(): Promise<void>;
}

/**
 * What the Slack function runs with in Lambda (infra/constructs/bot-function.ts), on loopback:
 * X-Ray active tracing (the daemon address, the Lambda facade segment, a sampled trace id), both
 * secrets read from a Secrets Manager stand-in, and the DynamoDB client built as deployed — no
 * `DYNAMODB_ENDPOINT`, so it is the one `captureClient` traces; the SDK's own
 * `AWS_ENDPOINT_URL_DYNAMODB` points it at DynamoDB Local, with credentials from the environment
 * as Lambda gives them. `AWS_LAMBDA_FUNCTION_NAME` stays unset: with it, work after the answer
 * would invoke a Lambda function.
 */
export async function startDeployed(stack: Stack, botToken: string): Promise<Deployed> {
  const secrets = await new FakeSecretsManager().start();
  secrets.set(SECRET_ARNS.signing, { signingSecret: TEST_SIGNING_SECRET });
  secrets.set(SECRET_ARNS.botToken, { botToken });
  const daemon = await startXRayDaemon();
  return {
    env(tableName) {
      const env: NodeJS.ProcessEnv = {
        ...stack.env(tableName),
        AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
        LAMBDA_TASK_ROOT: '/var/task',
        AWS_XRAY_DAEMON_ADDRESS: daemon.address,
        AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
        _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
        POWERTOOLS_SERVICE_NAME: 'commitments-slack',
        AWS_REGION: 'ap-northeast-1',
        AWS_DEFAULT_REGION: 'ap-northeast-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_SESSION_TOKEN: 'local',
        AWS_ENDPOINT_URL_DYNAMODB: stack.endpoint,
        SLACK_SECRET_ARN: SECRET_ARNS.signing,
        SLACK_BOT_TOKEN_SECRET_ARN: SECRET_ARNS.botToken,
        SECRETS_MANAGER_ENDPOINT: secrets.url,
      };
      for (const name of ['DYNAMODB_ENDPOINT', 'SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'POWERTOOLS_TRACE_ENABLED', 'AWS_LAMBDA_FUNCTION_NAME']) delete env[name];
      return env;
    },
    segments: daemon.received,
    async stop() {
      await secrets.stop();
      await daemon.stop();
    },
  };
}
