import { GetItemCommand, PutItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ConflictError } from '#shared/errors';
import { CheckInPreferencesSchema, defaultPreferences, type CheckInPreferences } from '#shared/domain/check-ins';
import type { TeamId } from '#shared/domain/schemas';
import { preferencesKey } from '#shared/store/check-in-params';
import { parse } from '#shared/store/parse';
import { batchGetAll, conditional } from '#shared/store/send';

/** BatchGetItem takes at most 100 keys a request. */
const BATCH_KEYS = 100;

export type PreferencesStore = ReturnType<typeof createPreferencesStore>;

/**
 * People's check-in preferences (`/commitments me`), one item per user and workspace; someone
 * who never set any reads as the defaults (weekdays at 09:00 in their own zone).
 */
export function createPreferencesStore(deps: { client: DynamoDBClient; tableName: string }) {
  const { client, tableName } = deps;
  const read = (item: Record<string, unknown>) => parse(CheckInPreferencesSchema, item);

  async function getSaved(teamId: TeamId, userId: string): Promise<CheckInPreferences | undefined> {
    const { Item } = await client.send(new GetItemCommand({ TableName: tableName, Key: preferencesKey(teamId, userId), ConsistentRead: true }));
    return Item ? read(unmarshall(Item)) : undefined;
  }

  return {
    async get(teamId: TeamId, userId: string): Promise<CheckInPreferences> {
      return (await getSaved(teamId, userId)) ?? defaultPreferences(teamId, userId);
    },

    /** What the person saved, or undefined when they never did (nor were stopped): the version a save must guard on. */
    getSaved,

    /** Many people's at once (a sweep's due owners): one BatchGetItem per 100, unprocessed keys read again. */
    async getMany(teamId: TeamId, userIds: readonly string[]): Promise<Map<string, CheckInPreferences>> {
      const found = new Map<string, CheckInPreferences>();
      for (let start = 0; start < userIds.length; start += BATCH_KEYS) {
        const keys = userIds.slice(start, start + BATCH_KEYS).map((id) => preferencesKey(teamId, id));
        for (const item of await batchGetAll(client, tableName, { RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } })) {
          const prefs = read(item);
          found.set(prefs.userId, prefs);
        }
      }
      return new Map(userIds.map((id) => [id, found.get(id) ?? defaultPreferences(teamId, id)]));
    },

    /** Saves preferences read at `prefs.version` (1 and never saved: the key must be free); a moved version is a conflict. */
    async put(prefs: CheckInPreferences, expectedVersion: number | undefined): Promise<CheckInPreferences> {
      const saved = parse(CheckInPreferencesSchema, { ...prefs, version: (expectedVersion ?? 0) + 1 });
      const written = await conditional(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: { ...preferencesKey(prefs.teamId, prefs.userId), ...marshall({ type: 'preferences', ...saved }, { removeUndefinedValues: true }) },
            ...(expectedVersion === undefined
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: marshall({ ':expected': expectedVersion }) }),
          }),
        ),
      );
      if (!written) throw new ConflictError('Your check-in preferences changed a moment ago; nothing was saved. Try again.');
      return saved;
    },

    /** Stops someone's check-ins for a reason Slack gave (deactivated, cannot be messaged): kept until they set their preferences again. */
    async stop(teamId: TeamId, userId: string, reason: string, at: Date): Promise<void> {
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: preferencesKey(teamId, userId),
          UpdateExpression: 'SET stopped = :stopped, teamId = :team, userId = :user, #type = :type, version = if_not_exists(version, :zero) + :one',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: marshall({ ':stopped': { reason, at: at.toISOString() }, ':team': teamId, ':user': userId, ':type': 'preferences', ':zero': 0, ':one': 1 }),
        }),
      );
    },
  };
}
