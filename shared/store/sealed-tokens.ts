import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { ConfigError } from '#shared/errors';
import type { Installation } from '#shared/domain/installation';
import { captureClient } from '#shared/observe/tracer';

/**
 * An install's tokens sealed by envelope encryption: a fresh AES-256 data key from KMS
 * (`GenerateDataKey`) seals them with AES-256-GCM here, and only the data key as KMS encrypted
 * it is kept beside them. Both KMS and GCM bind them to the install's ids (`tokenContext`), so
 * a record copied under another team's key does not open.
 */
export const SealedTokensSchema = z.object({
  v: z.literal(1),
  /** The data key, encrypted by KMS under the token key and the install's context (base64). */
  key: z.string().min(1),
  iv: z.string().min(1),
  tag: z.string().min(1),
  data: z.string().min(1),
});
export type SealedTokens = z.infer<typeof SealedTokensSchema>;

/** What is sealed: the bot token, and its refresh token when the app rotates tokens. */
export const InstallTokensSchema = z.object({ botToken: z.string().min(1), botRefreshToken: z.string().min(1).optional() });
export type InstallTokens = z.infer<typeof InstallTokensSchema>;

/** Sealed tokens that do not open: moved to another install, altered, or sealed under another key. */
export class SealedTokensError extends ConfigError {}

/** The context's `app`: the functions' IAM lets them use the token key with this context only. */
export const TOKEN_CONTEXT_APP = 'commitments';

/**
 * The install's ids, as KMS's encryption context and the GCM additional data: a workspace
 * install by its team (and organisation), an org-wide one by its organisation.
 */
export function tokenContext(install: Pick<Installation, 'isEnterpriseInstall' | 'teamId' | 'enterpriseId'>): Record<string, string> {
  return {
    app: TOKEN_CONTEXT_APP,
    install: install.isEnterpriseInstall ? 'org' : 'team',
    ...(install.teamId && !install.isEnterpriseInstall ? { team: install.teamId } : {}),
    ...(install.enterpriseId ? { enterprise: install.enterpriseId } : {}),
  };
}

export interface TokenSealer {
  seal(tokens: InstallTokens, context: Record<string, string>): Promise<SealedTokens>;
  /** Throws `SealedTokensError` (naming no token) when they do not open with this context. */
  open(sealed: SealedTokens, context: Record<string, string>): Promise<InstallTokens>;
}

/** Where the token key is: its ARN, and a stand-in's endpoint locally (fixed credentials, like `DYNAMODB_ENDPOINT`). */
export interface TokenKeyConfig {
  keyId: string;
  endpoint?: string | undefined;
}

type KmsModule = typeof import('@aws-sdk/client-kms');

/**
 * The sealer under the token key. The KMS client is loaded on the first seal or open, so a
 * request that calls no Slack method never loads it. Without a key, every seal and open fails
 * with a `ConfigError`: tokens are never stored in plain text.
 */
export function createKmsTokenSealer(key: TokenKeyConfig | undefined): TokenSealer {
  let kms: Promise<{ sdk: KmsModule; client: InstanceType<KmsModule['KMSClient']> }> | undefined;
  const connect = () => {
    if (!key) throw new ConfigError('Configuration: set TOKEN_KEY_ARN, the KMS key that seals installs\' tokens.');
    kms ??= import('@aws-sdk/client-kms').then(
      (sdk) => ({
        sdk,
        client: captureClient(
          key.endpoint
            ? new sdk.KMSClient({ endpoint: key.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })
            : new sdk.KMSClient({}),
        ),
      }),
      (error: unknown) => {
        kms = undefined;
        throw error;
      },
    );
    return kms;
  };
  return {
    async seal(tokens, context) {
      const { sdk, client } = await connect();
      const made = await client.send(new sdk.GenerateDataKeyCommand({ KeyId: key!.keyId, KeySpec: 'AES_256', EncryptionContext: context }));
      if (!made.Plaintext || !made.CiphertextBlob) throw new ConfigError('KMS answered GenerateDataKey without a data key.');
      const dataKey = Buffer.from(made.Plaintext);
      try {
        return { v: 1, key: Buffer.from(made.CiphertextBlob).toString('base64'), ...sealWith(dataKey, JSON.stringify(InstallTokensSchema.parse(tokens)), context) };
      } finally {
        dataKey.fill(0);
        made.Plaintext.fill(0);
      }
    },
    async open(sealed, context) {
      const { sdk, client } = await connect();
      let plaintext: Uint8Array | undefined;
      try {
        ({ Plaintext: plaintext } = await client.send(
          new sdk.DecryptCommand({ KeyId: key!.keyId, CiphertextBlob: Buffer.from(sealed.key, 'base64'), EncryptionContext: context }),
        ));
      } catch (error) {
        if ((error as Error).name === 'InvalidCiphertextException') throw doesNotOpen(context, error);
        throw error;
      }
      if (!plaintext) throw doesNotOpen(context);
      const dataKey = Buffer.from(plaintext);
      try {
        return InstallTokensSchema.parse(JSON.parse(openWith(dataKey, sealed, context)));
      } catch (error) {
        throw doesNotOpen(context, error);
      } finally {
        dataKey.fill(0);
        plaintext.fill(0);
      }
    },
  };
}

function doesNotOpen(context: Record<string, string>, cause?: unknown): SealedTokensError {
  const whose = context['team'] ?? context['enterprise'] ?? 'this install';
  // The cause is KMS's or GCM's refusal, which carries no token.
  return new SealedTokensError(`The tokens stored for ${whose} do not open under its own ids: the record was moved or altered. Install the app again.`, { cause });
}

function additionalData(context: Record<string, string>): Buffer {
  return Buffer.from(JSON.stringify(Object.entries(context).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

function sealWith(dataKey: Buffer, plaintext: string, context: Record<string, string>): Pick<SealedTokens, 'iv' | 'tag' | 'data'> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv).setAAD(additionalData(context));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function openWith(dataKey: Buffer, sealed: SealedTokens, context: Record<string, string>): string {
  const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(sealed.iv, 'base64'))
    .setAAD(additionalData(context))
    .setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
}
