import { DeleteItemCommand, GetItemCommand, PutItemCommand, ScanCommand, UpdateItemCommand, type DynamoDBClient, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { InstallationInfoSchema, InstallationSchema, type Installation, type InstallationInfo, type InstallationQuery } from '#shared/domain/installation';
import * as params from '#shared/store/installation-params';
import { parse } from '#shared/store/parse';
import {
  createKmsTokenSealer,
  InstallTokensSchema,
  SealedTokensError,
  SealedTokensSchema,
  tokenContext,
  type InstallTokens,
  type SealedTokens,
  type TokenSealer,
} from '#shared/store/sealed-tokens';
import { batchWriteAll, conditional } from '#shared/store/send';

export type InstallationStore = ReturnType<typeof createInstallationStore>;

/** An install as read: what it is, and its tokens still sealed (`openTokens` opens them). */
export interface StoredInstallation {
  installation: InstallationInfo;
  sealed: SealedTokens;
  /** Known without opening: the plain tokens of an install stored before tokens were sealed, sealed as it was read. */
  plain?: InstallTokens;
}

/**
 * Installs, used install states and seen events. Method names follow `@slack/oauth`'s
 * InstallationStore (store, fetch, delete), on our own flat install model. Tokens are sealed
 * before they are written and opened only on `openTokens` (see `sealed-tokens.ts`); without a
 * `sealer`, storing or opening one fails.
 */
export function createInstallationStore(deps: { client: DynamoDBClient; tableName: string; sealer?: TokenSealer }) {
  const { client, tableName } = deps;
  const sealer = deps.sealer ?? createKmsTokenSealer(undefined);
  const sealFor = (installation: Pick<Installation, 'isEnterpriseInstall' | 'teamId' | 'enterpriseId'>, tokens: InstallTokens) =>
    sealer.seal(tokens, tokenContext(installation));

  /** An install stored before tokens were sealed: sealed now, so its plain tokens leave the table on first use. */
  async function sealPlain(installation: InstallationInfo, plain: InstallTokens): Promise<StoredInstallation> {
    const sealedTokens = await sealFor(installation, plain);
    // Refused when another container sealed (or rotated) it first; its record serves the next read.
    await conditional(() => client.send(new UpdateItemCommand(params.sealPlainTokensParams(tableName, installation, { sealedTokens, plainBotToken: plain.botToken }))));
    return { installation, sealed: sealedTokens, plain };
  }

  return {
    async storeInstallation(installation: Installation): Promise<void> {
      const { botToken, botRefreshToken, ...info } = parse(InstallationSchema, installation);
      const sealedTokens = await sealFor(info, { botToken, ...(botRefreshToken ? { botRefreshToken } : {}) });
      await client.send(new PutItemCommand(params.putInstallationParams(tableName, info, sealedTokens)));
    },

    /**
     * The install that serves `query`, or undefined when it has none. A record kept under
     * another install's key is refused; plain tokens of an older record are sealed now.
     */
    async fetchInstallation(query: InstallationQuery): Promise<StoredInstallation | undefined> {
      for (const key of params.installationLookupKeys(query)) {
        const { Item } = await client.send(new GetItemCommand(params.getInstallationParams(tableName, key)));
        if (!Item) continue;
        const item = unmarshall(Item);
        const installation = parse(InstallationInfoSchema, item);
        const own = params.installationKeyOf(installation);
        if (own.pk !== key.pk || own.sk !== key.sk) {
          throw new SealedTokensError(`The install stored under ${key.pk} names another install: the record was moved or altered. Install the app again.`);
        }
        if (item['sealedTokens'] === undefined && item['botToken'] !== undefined) return sealPlain(installation, parse(InstallTokensSchema, item));
        return { installation, sealed: parse(SealedTokensSchema, item['sealedTokens']) };
      }
      return undefined;
    },

    /** The install's tokens: one KMS call, which the caller caches no longer than it may keep them. */
    openTokens(stored: StoredInstallation): Promise<InstallTokens> {
      return stored.plain ? Promise.resolve(stored.plain) : sealer.open(stored.sealed, tokenContext(stored.installation));
    },

    /**
     * Deletes the install a removal is about (see `removalKey`; its tokens with it), if made
     * before `madeBefore`: `deleted`; `newer` when the install there was made since (a removal
     * delivered after a re-install); `absent` when there was none.
     */
    async deleteInstallation(query: InstallationQuery, madeBefore: Date): Promise<'deleted' | 'newer' | 'absent'> {
      const key = params.removalKey(query);
      if (!key) return 'absent';
      let deleted = false;
      const allowed = await conditional(async () => {
        const { Attributes } = await client.send(new DeleteItemCommand(params.deleteInstallationParams(tableName, key, madeBefore)));
        deleted = Attributes !== undefined;
      });
      return !allowed ? 'newer' : deleted ? 'deleted' : 'absent';
    },

    /** Seals and stores a rotated token; `false` when another container rotated it first. */
    async rotateToken(stored: StoredInstallation, rotated: { botToken: string; botRefreshToken: string; botExpiresAt: number }): Promise<boolean> {
      const sealedTokens = await sealFor(stored.installation, { botToken: rotated.botToken, botRefreshToken: rotated.botRefreshToken });
      const update = params.rotateTokenParams(tableName, stored.installation, { sealedTokens, botExpiresAt: rotated.botExpiresAt, previousKey: stored.sealed.key });
      return conditional(() => client.send(new UpdateItemCommand(update)));
    },

    /** `false` when the state was used before. */
    claimState(nonce: string, expiresAt: Date): Promise<boolean> {
      return conditional(() => client.send(new PutItemCommand(params.claimStateParams(tableName, nonce, Math.ceil(expiresAt.getTime() / 1000)))));
    },

    /** `false` when the event was seen before. */
    claimEvent(teamId: string, eventId: string, now: Date): Promise<boolean> {
      return conditional(() => client.send(new PutItemCommand(params.claimEventParams(tableName, teamId, eventId, now))));
    },

    async releaseEvent(teamId: string, eventId: string): Promise<void> {
      await client.send(new DeleteItemCommand(params.releaseEventParams(tableName, teamId, eventId)));
    },

    /**
     * Deletes every item of a team, for good: a Scan filtered to the team's partitions, then
     * batched deletes (unprocessed ones sent again). Returns how many items were deleted, or
     * with `dryRun` how many would be.
     */
    async purgeTeam(teamId: string, options: { dryRun?: boolean } = {}): Promise<number> {
      let deleted = 0;
      let startKey: ScanCommandInput['ExclusiveStartKey'];
      do {
        const page = await client.send(new ScanCommand(params.teamItemsScanParams(tableName, teamId, startKey)));
        const keys = (page.Items ?? []).map((item) => unmarshall(item) as { pk: string; sk: string });
        for (const batch of options.dryRun ? [] : params.deleteBatchesParams(tableName, keys)) await batchWriteAll(client, batch);
        deleted += keys.length;
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return deleted;
    },
  };
}
