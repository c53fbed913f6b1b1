import * as z from 'zod';
import { ConfigError } from '#shared/errors';

/** The table's name when `TABLE_NAME` is not set (local runs). */
export const DEFAULT_TABLE_NAME = 'commitments';

/**
 * Settings read from the environment once, at cold start. Deployed functions get the Slack
 * values from Secrets Manager (`SLACK_SECRET_ARN`); locally they come from the environment.
 */
const EnvSchema = z
  .object({
    TABLE_NAME: z.string().min(1).default(DEFAULT_TABLE_NAME),
    DYNAMODB_ENDPOINT: z.url().optional(),
    SLACK_SIGNING_SECRET: z.string().min(1).optional(),
    SLACK_BOT_TOKEN: z.string().min(1).optional(),
    SLACK_SECRET_ARN: z.string().startsWith('arn:').optional(),
    SLACK_API_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  })
  .refine((env) => env.SLACK_SECRET_ARN || (env.SLACK_SIGNING_SECRET && env.SLACK_BOT_TOKEN), {
    message: 'set SLACK_SECRET_ARN, or both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN',
    path: ['SLACK_SIGNING_SECRET'],
  });

export const SlackSecretSchema = z.object({
  signingSecret: z.string().min(1),
  botToken: z.string().min(1),
});
export type SlackSecret = z.infer<typeof SlackSecretSchema>;

export interface Config {
  tableName: string;
  dynamodbEndpoint: string | undefined;
  /** Web API base URL ending in `/api/`; GovSlack and tests point it elsewhere. */
  slackApiUrl: string;
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Resolves the Slack secrets: from the environment, or one Secrets Manager read per container. */
  slackSecret(): Promise<SlackSecret>;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Configuration: ${issue?.path.join('.') || 'environment'} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  let secret: Promise<SlackSecret> | undefined;
  return {
    tableName: e.TABLE_NAME,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    slackApiUrl: e.SLACK_API_URL ? e.SLACK_API_URL.replace(/\/?$/, '/') : 'https://slack.com/api/',
    logLevel: e.LOG_LEVEL,
    slackSecret() {
      secret ??=
        e.SLACK_SIGNING_SECRET && e.SLACK_BOT_TOKEN
          ? Promise.resolve({ signingSecret: e.SLACK_SIGNING_SECRET, botToken: e.SLACK_BOT_TOKEN })
          : readSecret(e.SLACK_SECRET_ARN!);
      secret.catch(() => (secret = undefined));
      return secret;
    },
  };
}

async function readSecret(arn: string): Promise<SlackSecret> {
  // Loaded only where a secret is used, so local runs and tests never pull the client in.
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  const parsed = SlackSecretSchema.safeParse(JSON.parse(SecretString ?? '{}'));
  if (!parsed.success) {
    throw new ConfigError(`The Slack secret must be JSON with signingSecret and botToken; ${parsed.error.issues[0]?.path.join('.')} is missing.`);
  }
  return parsed.data;
}
