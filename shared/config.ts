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
    SLACK_CLIENT_ID: z.string().min(1).optional(),
    SLACK_CLIENT_SECRET: z.string().min(1).optional(),
    SLACK_STATE_SECRET: z.string().min(16).optional(),
    SLACK_SECRET_ARN: z.string().startsWith('arn:').optional(),
    SLACK_API_URL: z.url().optional(),
    SLACK_AUTHORIZE_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  })
  .refine((env) => env.SLACK_SECRET_ARN || (env.SLACK_SIGNING_SECRET && (env.SLACK_BOT_TOKEN || hasOAuth(env))), {
    message: 'set SLACK_SECRET_ARN, or SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN (one workspace) or with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth install)',
    path: ['SLACK_SIGNING_SECRET'],
  });

const hasOAuth = (env: { SLACK_CLIENT_ID?: string; SLACK_CLIENT_SECRET?: string; SLACK_STATE_SECRET?: string }) =>
  Boolean(env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET);

/**
 * The deployed secret: the signing secret, and either a bot token (one workspace) or the app's
 * OAuth credentials (any workspace that installs it). A bot token wins when both are there.
 */
export const SlackSecretSchema = z
  .object({
    signingSecret: z.string().min(1),
    botToken: z.string().min(1).optional(),
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    stateSecret: z.string().min(16).optional(),
  })
  .refine((s) => s.botToken || (s.clientId && s.clientSecret && s.stateSecret), {
    message: 'needs botToken, or clientId, clientSecret and stateSecret',
    path: ['botToken'],
  });

/** What the app needs to run its own OAuth install. */
export interface OAuthSecret {
  clientId: string;
  clientSecret: string;
  /** Signs the install `state`; at least 16 characters. */
  stateSecret: string;
}

/** One workspace with a fixed bot token, or many, each with the token its install stored. */
export type SlackSecret =
  | { mode: 'single'; signingSecret: string; botToken: string }
  | { mode: 'multi'; signingSecret: string; oauth: OAuthSecret };

/** The secret's two shapes as one: a bot token means one workspace, whatever else is set. */
export function toSlackSecret(raw: z.infer<typeof SlackSecretSchema>): SlackSecret {
  if (raw.botToken) return { mode: 'single', signingSecret: raw.signingSecret, botToken: raw.botToken };
  return { mode: 'multi', signingSecret: raw.signingSecret, oauth: { clientId: raw.clientId!, clientSecret: raw.clientSecret!, stateSecret: raw.stateSecret! } };
}

export interface Config {
  tableName: string;
  dynamodbEndpoint: string | undefined;
  /** Web API base URL ending in `/api/`; GovSlack and tests point it elsewhere. */
  slackApiUrl: string;
  /** Slack's OAuth consent page, where "Add to Slack" goes; the local runner points it at its fake. */
  slackAuthorizeUrl: string;
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
    slackAuthorizeUrl: e.SLACK_AUTHORIZE_URL ?? 'https://slack.com/oauth/v2/authorize',
    logLevel: e.LOG_LEVEL,
    slackSecret() {
      secret ??=
        e.SLACK_SIGNING_SECRET && (e.SLACK_BOT_TOKEN || hasOAuth(e))
          ? Promise.resolve(
              toSlackSecret({
                signingSecret: e.SLACK_SIGNING_SECRET,
                botToken: e.SLACK_BOT_TOKEN,
                clientId: e.SLACK_CLIENT_ID,
                clientSecret: e.SLACK_CLIENT_SECRET,
                stateSecret: e.SLACK_STATE_SECRET,
              }),
            )
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
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `The Slack secret must be JSON with signingSecret, and botToken or clientId, clientSecret and stateSecret; ${issue?.path.join('.')} ${issue?.message ?? 'is invalid'}.`,
    );
  }
  return toSlackSecret(parsed.data);
}
