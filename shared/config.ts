import * as z from 'zod';
import { ConfigError } from '#shared/errors';

/** The table's name when `TABLE_NAME` is not set (local runs). */
export const DEFAULT_TABLE_NAME = 'commitments';

/**
 * Settings read from the environment once, at cold start. Deployed functions get the Slack
 * values from Secrets Manager — the signing secret from `SLACK_SECRET_ARN` (the Slack function
 * only), the bot token from `SLACK_BOT_TOKEN_SECRET_ARN` — locally from the environment.
 */
const EnvSchema = z
  .object({
    TABLE_NAME: z.string().min(1).default(DEFAULT_TABLE_NAME),
    DYNAMODB_ENDPOINT: z.url().optional(),
    SLACK_SIGNING_SECRET: z.string().min(1).optional(),
    SLACK_BOT_TOKEN: z.string().min(1).optional(),
    SLACK_SECRET_ARN: z.string().startsWith('arn:').optional(),
    SLACK_BOT_TOKEN_SECRET_ARN: z.string().startsWith('arn:').optional(),
    SLACK_API_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  })
  .refine((env) => env.SLACK_BOT_TOKEN_SECRET_ARN || env.SLACK_BOT_TOKEN, {
    message: 'set SLACK_BOT_TOKEN_SECRET_ARN, or SLACK_BOT_TOKEN',
    path: ['SLACK_BOT_TOKEN'],
  });

const SigningSecretSchema = z.object({ signingSecret: z.string().min(1) });
const BotTokenSecretSchema = z.object({ botToken: z.string().min(1) });
export const SlackSecretSchema = SigningSecretSchema.extend(BotTokenSecretSchema.shape);
export type SlackSecret = z.infer<typeof SlackSecretSchema>;

export interface Config {
  tableName: string;
  dynamodbEndpoint: string | undefined;
  /** Web API base URL ending in `/api/`; GovSlack and tests point it elsewhere. */
  slackApiUrl: string;
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Resolves the Slack secrets: from the environment, or one Secrets Manager read each per container. */
  slackSecret(): Promise<SlackSecret>;
  /** The bot token alone, which is all the reminder function may read. */
  botToken(): Promise<string>;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Configuration: ${issue?.path.join('.') || 'environment'} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  const botToken = remembered(() =>
    e.SLACK_BOT_TOKEN
      ? Promise.resolve(e.SLACK_BOT_TOKEN)
      : readSecret(e.SLACK_BOT_TOKEN_SECRET_ARN!, BotTokenSecretSchema, 'SLACK_BOT_TOKEN_SECRET_ARN').then((s) => s.botToken),
  );
  const signingSecret = remembered(() => {
    if (e.SLACK_SIGNING_SECRET) return Promise.resolve(e.SLACK_SIGNING_SECRET);
    if (!e.SLACK_SECRET_ARN) return Promise.reject(new ConfigError('Configuration: set SLACK_SECRET_ARN, or SLACK_SIGNING_SECRET'));
    return readSecret(e.SLACK_SECRET_ARN, SigningSecretSchema, 'SLACK_SECRET_ARN').then((s) => s.signingSecret);
  });
  return {
    tableName: e.TABLE_NAME,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    slackApiUrl: e.SLACK_API_URL ? e.SLACK_API_URL.replace(/\/?$/, '/') : 'https://slack.com/api/',
    logLevel: e.LOG_LEVEL,
    async slackSecret() {
      const [signing, token] = await Promise.all([signingSecret(), botToken()]);
      return { signingSecret: signing, botToken: token };
    },
    botToken,
  };
}

/** Calls `load` once and keeps its result; a failure is forgotten, so the next call tries again. */
function remembered<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= load();
    value.catch(() => (value = undefined));
    return value;
  };
}

async function readSecret<T>(arn: string, schema: z.ZodType<T>, variable: string): Promise<T> {
  // Loaded only where a secret is used, so local runs and tests never pull the client in.
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  const parsed = schema.safeParse(JSON.parse(SecretString ?? '{}'));
  if (!parsed.success) {
    throw new ConfigError(`The secret in ${variable} must be JSON with ${parsed.error.issues[0]?.path.join('.')}.`);
  }
  return parsed.data;
}
