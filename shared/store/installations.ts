import { DeleteItemCommand, GetItemCommand, PutItemCommand, ScanCommand, UpdateItemCommand, type DynamoDBClient, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { InstallationSchema, type Installation, type InstallationQuery } from '#shared/domain/installation';
import * as params from '#shared/store/installation-params';
import { parse } from '#shared/store/parse';
import { batchWriteAll, conditional } from '#shared/store/send';

export type InstallationStore = ReturnType<typeof createInstallationStore>;

/**
 * Installs, used install states and seen events. Method names follow `@slack/oauth`'s
 * InstallationStore (store, fetch, delete), on our own flat install model.
 */
export function createInstallationStore(deps: { client: DynamoDBClient; tableName: string }) {
  const { client, tableName } = deps;
  return {
    async storeInstallation(installation: Installation): Promise<void> {
      await client.send(new PutItemCommand(params.putInstallationParams(tableName, parse(InstallationSchema, installation))));
    },

    /** The install that serves `query`, or undefined when it has none. */
    async fetchInstallation(query: InstallationQuery): Promise<Installation | undefined> {
      for (const key of params.installationLookupKeys(query)) {
        const { Item } = await client.send(new GetItemCommand(params.getInstallationParams(tableName, key)));
        if (Item) return parse(InstallationSchema, unmarshall(Item));
      }
      return undefined;
    },

    /** Deletes the install that serves `query` (its tokens with it); `false` when there was none. */
    async deleteInstallation(query: InstallationQuery): Promise<boolean> {
      for (const key of params.installationLookupKeys(query)) {
        const { Attributes } = await client.send(new DeleteItemCommand({ ...params.deleteInstallationParams(tableName, key), ReturnValues: 'ALL_OLD' }));
        if (Attributes) return true;
      }
      return false;
    },

    /** `false` when another container rotated the token first. */
    rotateToken(installation: Installation, rotated: Parameters<typeof params.rotateTokenParams>[2]): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.rotateTokenParams(tableName, installation, rotated))));
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
