import * as z from 'zod';
import { ConfigError } from '#shared/errors';

/** The table's name when `TABLE_NAME` is not set (local runs). */
export const DEFAULT_TABLE_NAME = 'commitments';

/** How long a secret read from Secrets Manager is used before it is read again (`POWERTOOLS_PARAMETERS_MAX_AGE`). */
export const DEFAULT_SECRET_MAX_AGE_SECONDS = 300;

/** At most one forced re-read of each secret per container in this long, so a flood of forged requests costs one read. */
export const FORCED_READ_INTERVAL_MS = 30_000;

/**
 * Settings read from the environment once, at cold start. Deployed functions get the Slack
 * values from Secrets Manager — the signing (and OAuth state) secret from `SLACK_SECRET_ARN`, the
 * Slack function's only; the bot token or the app's client credentials from
 * `SLACK_BOT_TOKEN_SECRET_ARN`, which the reminder function reads too — locally from the environment.
 */
const EnvSchema = z
  .object({
    TABLE_NAME: z.string().min(1).default(DEFAULT_TABLE_NAME),
    DYNAMODB_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    SLACK_SIGNING_SECRET: z.string().min(1).optional(),
    SLACK_BOT_TOKEN: z.string().min(1).optional(),
    SLACK_CLIENT_ID: z.string().min(1).optional(),
    SLACK_CLIENT_SECRET: z.string().min(1).optional(),
    SLACK_STATE_SECRET: z.string().min(16).optional(),
    SLACK_SECRET_ARN: z.string().startsWith('arn:').optional(),
    SLACK_BOT_TOKEN_SECRET_ARN: z.string().startsWith('arn:').optional(),
    /** A Secrets Manager stand-in (tests, local runs); like DYNAMODB_ENDPOINT, it takes fixed credentials. */
    SECRETS_MANAGER_ENDPOINT: z.url().optional(),
    /** The KMS key that seals installs' tokens (multi-workspace mode; set by infra). */
    TOKEN_KEY_ARN: z.string().startsWith('arn:').optional(),
    /** A KMS stand-in (tests, local runs); like DYNAMODB_ENDPOINT, it takes fixed credentials. */
    KMS_ENDPOINT: z.url().optional(),
    POWERTOOLS_PARAMETERS_MAX_AGE: z.coerce.number().int().positive().default(DEFAULT_SECRET_MAX_AGE_SECONDS),
    SLACK_API_URL: z.url().optional(),
    SLACK_AUTHORIZE_URL: z.url().optional(),
    /** Where this deployment answers (the API's URL, set by infra; the local server's): the install's redirect URI is built from it. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Where the app's documentation is read (set by infra from the `docsUrl` context); the install page links to it. */
    DOCS_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Set by Lambda: the region the table, and so every workspace's data, is in. */
    AWS_REGION: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
    POWERTOOLS_SERVICE_NAME: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN_SECRET_ARN || env.SLACK_BOT_TOKEN || hasOAuth(env)) return;
    const gap = oauthGap(env);
    ctx.addIssue({
      code: 'custom',
      message:
        gap === 'SLACK_BOT_TOKEN'
          ? 'No Slack credentials are set: set SLACK_BOT_TOKEN (one workspace), SLACK_BOT_TOKEN_SECRET_ARN (deployed), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth install).'
          : `${gap} is missing: an OAuth install needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (or set SLACK_BOT_TOKEN for one workspace).`,
      path: [gap],
    });
  });

function hasOAuth(env: { SLACK_CLIENT_ID?: string; SLACK_CLIENT_SECRET?: string; SLACK_STATE_SECRET?: string }): boolean {
  return Boolean(env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET);
}

/** Names the first OAuth key missing, so a half-configured install says what to add. */
function oauthGap(env: { SLACK_CLIENT_ID?: string; SLACK_CLIENT_SECRET?: string; SLACK_STATE_SECRET?: string }): string {
  if (env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET) return 'SLACK_STATE_SECRET';
  return env.SLACK_CLIENT_ID ? 'SLACK_CLIENT_SECRET' : 'SLACK_BOT_TOKEN';
}

/**
 * The Slack function's own secret: the signing secret, and the OAuth state secret when any
 * workspace may install the app. The reminder function never reads it.
 */
const SigningSecretSchema = z.object({ signingSecret: z.string().min(1), stateSecret: z.string().min(16).optional() });

/**
 * What both functions need to call Slack: a bot token (one workspace), or the app's client
 * credentials (many workspaces: exchanging install codes and refreshing rotating tokens).
 */
const SendingSecretSchema = z
  .object({ botToken: z.string().min(1).optional(), clientId: z.string().min(1).optional(), clientSecret: z.string().min(1).optional() })
  .refine((s) => s.botToken || (s.clientId && s.clientSecret), { message: 'needs botToken, or clientId and clientSecret', path: ['botToken'] });

/** The app's credentials for its OAuth install: exchanging codes and refreshing tokens take the first two. */
export interface OAuthSecret {
  clientId: string;
  clientSecret: string;
  /** Signs the install `state`; at least 16 characters. */
  stateSecret: string;
}

/** How the bot calls Slack: one bot token, or each installed workspace's own token. */
export type Sending = { mode: 'single'; botToken: string } | { mode: 'multi'; client: Pick<OAuthSecret, 'clientId' | 'clientSecret'> };

/** One workspace with a fixed bot token, or many, each with the token its install stored. */
export type SlackSecret =
  | { mode: 'single'; signingSecret: string; botToken: string }
  | { mode: 'multi'; signingSecret: string; oauth: OAuthSecret };

/** `fresh`: read the secret again now instead of from the cache (at most once per `FORCED_READ_INTERVAL_MS`). */
export interface SecretRead {
  fresh?: boolean;
}

export interface Config {
  tableName: string;
  dynamodbEndpoint: string | undefined;
  /** Web API base URL ending in `/api/`; GovSlack and tests point it elsewhere. */
  slackApiUrl: string;
  /** Slack's OAuth consent page, where "Add to Slack" goes; the local runner points it at its fake. */
  slackAuthorizeUrl: string;
  /** This deployment's own address, without a trailing slash (`PUBLIC_URL`); the OAuth install needs it. */
  publicUrl: string | undefined;
  /** The app's documentation (`DOCS_URL`), linked from the install page; none when not set. */
  docsUrl: string | undefined;
  /** The AWS region the data is kept in (`AWS_REGION`); unset in local runs. */
  region: string | undefined;
  /** The KMS key installs' tokens are sealed under (`TOKEN_KEY_ARN`), at `KMS_ENDPOINT` when a stand-in serves it. */
  tokenKey: { keyId: string; endpoint: string | undefined } | undefined;
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** The `service` of log lines and metrics (`POWERTOOLS_SERVICE_NAME`, set per function by infra); each entry point has its own default. */
  serviceName: string | undefined;
  /** Everything the Slack function needs: from the environment, or from Secrets Manager, read again after the max age. */
  slackSecret(): Promise<SlackSecret>;
  /** The signing secret alone: what a request's signature is checked with. */
  signingSecret(read?: SecretRead): Promise<string>;
  /** How to call Slack, which is all the reminder function may read. */
  sending(read?: SecretRead): Promise<Sending>;
}

/** What is wrong with one setting, as one sentence that names it and says what it must be. */
function settingProblem(issue: z.core.$ZodIssue | undefined, env: NodeJS.ProcessEnv): string {
  if (!issue) return 'The settings are not valid.';
  if (issue.code === 'custom') return issue.message;
  const name = String(issue.path[0] ?? 'A setting');
  const given = env[name];
  const is = given === undefined ? '' : `; it is “${given.length > 60 ? `${given.slice(0, 60)}…` : given}”`;
  if (issue.code === 'invalid_format' && issue.format === 'url') return `${name} must be a URL such as http://127.0.0.1:8000${is}.`;
  if (issue.code === 'invalid_format' && issue.format === 'starts_with') return `${name} must be an ARN, starting arn:${is}.`;
  if (issue.code === 'too_small' && issue.origin === 'string') return `${name} must be at least ${String(issue.minimum)} characters long.`;
  if ((issue.code === 'too_small' && issue.origin === 'number') || issue.code === 'invalid_type') return `${name} must be a whole number above 0${is}.`;
  if (issue.code === 'invalid_value') return `${name} must be one of ${issue.values.map(String).join(', ')}${is}.`;
  return `${name} is not valid (${issue.message})${is}.`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(settingProblem(parsed.error.issues[0], env));
  }
  const e = parsed.data;
  const secrets = secretReader({ endpoint: e.SECRETS_MANAGER_ENDPOINT, maxAgeSeconds: e.POWERTOOLS_PARAMETERS_MAX_AGE });
  // A bot token in the environment wins: one workspace, whatever else is set.
  const sending = async (read: SecretRead = {}): Promise<Sending> => {
    if (e.SLACK_BOT_TOKEN) return { mode: 'single', botToken: e.SLACK_BOT_TOKEN };
    if (e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET) return { mode: 'multi', client: { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET } };
    const s = await secrets.read(e.SLACK_BOT_TOKEN_SECRET_ARN!, SendingSecretSchema, 'SLACK_BOT_TOKEN_SECRET_ARN', read);
    return s.botToken ? { mode: 'single', botToken: s.botToken } : { mode: 'multi', client: { clientId: s.clientId!, clientSecret: s.clientSecret! } };
  };
  const signing = async (read: SecretRead = {}): Promise<z.infer<typeof SigningSecretSchema>> => {
    if (e.SLACK_SIGNING_SECRET) return { signingSecret: e.SLACK_SIGNING_SECRET, ...(e.SLACK_STATE_SECRET ? { stateSecret: e.SLACK_STATE_SECRET } : {}) };
    if (!e.SLACK_SECRET_ARN) throw new ConfigError('Configuration: set SLACK_SECRET_ARN, or SLACK_SIGNING_SECRET');
    return secrets.read(e.SLACK_SECRET_ARN, SigningSecretSchema, 'SLACK_SECRET_ARN', read);
  };
  return {
    tableName: e.TABLE_NAME,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    slackApiUrl: e.SLACK_API_URL ? e.SLACK_API_URL.replace(/\/?$/, '/') : 'https://slack.com/api/',
    slackAuthorizeUrl: e.SLACK_AUTHORIZE_URL ?? 'https://slack.com/oauth/v2/authorize',
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    docsUrl: e.DOCS_URL,
    region: e.AWS_REGION,
    tokenKey: e.TOKEN_KEY_ARN ? { keyId: e.TOKEN_KEY_ARN, endpoint: e.KMS_ENDPOINT } : undefined,
    logLevel: e.LOG_LEVEL,
    serviceName: e.POWERTOOLS_SERVICE_NAME,
    async slackSecret() {
      const [{ signingSecret, stateSecret }, how] = await Promise.all([signing(), sending()]);
      if (how.mode === 'single') return { mode: 'single', signingSecret, botToken: how.botToken };
      if (!stateSecret) throw new ConfigError('An OAuth install needs stateSecret (16 characters or more) beside signingSecret.');
      return { mode: 'multi', signingSecret, oauth: { ...how.client, stateSecret } };
    },
    async signingSecret(read) {
      return (await signing(read)).signingSecret;
    },
    sending,
  };
}

type SecretsProvider = import('@aws-lambda-powertools/parameters/secrets').SecretsProvider;

/**
 * Secrets Manager through Powertools Parameters: each secret cached for `maxAgeSeconds`, a forced
 * read at most once per `FORCED_READ_INTERVAL_MS` per secret. Nothing is loaded until the first read,
 * so runs configured from the environment never load the provider or the SDK client.
 */
function secretReader(options: { endpoint: string | undefined; maxAgeSeconds: number }) {
  let provider: Promise<SecretsProvider> | undefined;
  const forcedAt = new Map<string, number>();

  async function createProvider(): Promise<SecretsProvider> {
    const [{ SecretsProvider }, { SecretsManagerClient }] = await Promise.all([
      import('@aws-lambda-powertools/parameters/secrets'),
      import('@aws-sdk/client-secrets-manager'),
    ]);
    const client = options.endpoint
      ? new SecretsManagerClient({ endpoint: options.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })
      : new SecretsManagerClient({});
    return new SecretsProvider({ awsSdkV3Client: client });
  }

  return {
    async read<T>(arn: string, schema: z.ZodType<T>, variable: string, { fresh = false }: SecretRead): Promise<T> {
      provider ??= createProvider().catch((error: unknown) => {
        provider = undefined;
        throw error;
      });
      const now = Date.now();
      const forceFetch = fresh && now - (forcedAt.get(arn) ?? -Infinity) >= FORCED_READ_INTERVAL_MS;
      if (forceFetch) forcedAt.set(arn, now);
      let value: unknown;
      try {
        value = await (await provider).get(arn, { maxAge: options.maxAgeSeconds, forceFetch, transform: 'json' });
      } catch (error) {
        // Not JSON: say which secret, as for a missing key; any other failure (access, network) as it is.
        if (error instanceof Error && error.name === 'TransformParameterError') throw new ConfigError(`The secret in ${variable} must be JSON.`, { cause: error });
        throw error;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        throw new ConfigError(`The secret in ${variable} must be JSON with ${parsed.error.issues[0]?.path.join('.')}.`);
      }
      return parsed.data;
    },
  };
}
