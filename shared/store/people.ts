import { ConditionalCheckFailedException, GetItemCommand, PutItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { AppManagerSchema, type AppManager } from '#shared/domain/app-manager';
import { GroupRecordSchema, PersonSchema, type GroupRecord, type GroupRecordInput, type Person } from '#shared/domain/person';
import { membersToKeep, type GroupListing } from '#shared/domain/people-events';
import type { Locale } from '#shared/domain/locale';
import type { TeamId } from '#shared/domain/schemas';
import { parse } from '#shared/store/parse';
import * as params from '#shared/store/people-params';
import { batchGetAll, batchWriteAll, conditional, queryAll } from '#shared/store/send';
import { deleteBatchesParams } from '#shared/store/installation-params';

/** BatchGetItem takes at most 100 keys a request. */
const BATCH_KEYS = 100;

/** Group records one listing writes at a time. */
const GROUP_WRITES_AT_ONCE = 4;

export type PeopleStore = ReturnType<typeof createPeopleStore>;

/** Person and user-group records: who people are to Slack, kept from its lookups and events; and who manages the app. */
export function createPeopleStore(deps: { client: DynamoDBClient; tableName: string }) {
  const { client, tableName } = deps;

  function saveGroupMembers(members: params.GroupMembers, expectedAsOf?: number): Promise<boolean> {
    return conditional(() => client.send(new UpdateItemCommand(params.saveGroupMembersParams(tableName, members, expectedAsOf))));
  }

  /**
   * Saves what Slack said of a group, members and settings as of `asOf`; `false` when the record
   * holds both as new or newer, or (`existing`) there is none. When only its settings are newer
   * (an event without members came first), the members are written alone.
   */
  async function saveGroup(group: GroupRecordInput, options: { existing: boolean } = { existing: false }): Promise<boolean> {
    const record = parse(GroupRecordSchema, group);
    try {
      await client.send(new UpdateItemCommand(params.saveGroupParams(tableName, record, options)));
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const met = error.Item ? parse(GroupRecordSchema, unmarshall(error.Item)) : undefined;
      return met !== undefined && met.asOf < record.asOf && saveGroupMembers(record);
    }
  }

  async function getMany<T>(teamId: TeamId, ids: readonly string[], key: typeof params.personKey, read: (item: Record<string, unknown>) => [string, T]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += BATCH_KEYS) {
      const keyList = unique.slice(start, start + BATCH_KEYS).map((id) => key(teamId, id));
      for (const item of await batchGetAll(client, tableName, params.getManyParams(tableName, keyList))) {
        found.set(...read(item));
      }
    }
    return found;
  }

  return {
    async get(teamId: TeamId, userId: string): Promise<Person | undefined> {
      const { Item } = await client.send(new GetItemCommand(params.getPersonParams(tableName, teamId, userId)));
      return Item ? parse(PersonSchema, unmarshall(Item)) : undefined;
    },

    /**
     * A caller's record and the team's app manager record, in one BatchGetItem: what a request's
     * standing is decided on (`null`: there is none).
     */
    async getWithManager(teamId: TeamId, userId: string): Promise<{ person: Person | null; manager: AppManager | null }> {
      const items = await batchGetAll(client, tableName, params.getManyParams(tableName, params.callerKeys(teamId, userId)));
      return readCallerItems(items);
    },

    /** The team's app manager record, if one was ever written. */
    async getManager(teamId: TeamId): Promise<AppManager | null> {
      const { Item } = await client.send(new GetItemCommand({ TableName: tableName, Key: params.managerKey(teamId), ConsistentRead: true }));
      return Item ? parse(AppManagerSchema, unmarshall(Item)) : null;
    },

    /** Records the first install's user as app manager; `false` when the team has a record already (any later install). */
    recordFirstManager(manager: AppManager): Promise<boolean> {
      return conditional(() => client.send(new PutItemCommand(params.recordFirstManagerParams(tableName, parse(AppManagerSchema, manager)))));
    },

    /** Names (or, without `userId`, clears) the app manager. */
    async setManager(manager: AppManager): Promise<void> {
      await client.send(new PutItemCommand(params.setManagerParams(tableName, parse(AppManagerSchema, manager))));
    },

    /** Many people at once (a sweep's owners): one BatchGetItem per 100. */
    getMany(teamId: TeamId, userIds: readonly string[]): Promise<Map<string, Person>> {
      return getMany(teamId, userIds, params.personKey, (item) => {
        const person = parse(PersonSchema, item);
        return [person.userId, person];
      });
    },

    /**
     * Saves what Slack said of a person; `false` when the record already holds facts as new or
     * newer, or (`existing`) when there is no record to update.
     */
    save(person: Omit<Person, 'dmChannelId'>, options: { existing: boolean } = { existing: false }): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.savePersonParams(tableName, parse(PersonSchema, person), options))));
    },

    /** `false` when the person has no record (the caller's is read, or looked up, before this). */
    setLanguage(teamId: TeamId, userId: string, language: Locale | undefined): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.setLanguageParams(tableName, teamId, userId, language))));
    },

    setDmChannel(teamId: TeamId, userId: string, channelId: string): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.setDmChannelParams(tableName, teamId, userId, channelId))));
    },

    /** The records of these user groups that exist. */
    getGroups(teamId: TeamId, groupIds: readonly string[]): Promise<Map<string, GroupRecord>> {
      return getMany(teamId, groupIds, params.groupKey, (item) => {
        const group = parse(GroupRecordSchema, item);
        return [group.groupId, group];
      });
    },

    /** Deletes every person and user-group record of a team (the app was uninstalled); returns how many. */
    async forgetTeam(teamId: TeamId): Promise<number> {
      const found = await Promise.all((['PERSON#', 'GROUP#'] as const).map((prefix) => queryAll(client, params.recordKeysParams(tableName, teamId, prefix))));
      const keyList = found.flat() as { pk: string; sk: string }[];
      for (const batch of deleteBatchesParams(tableName, keyList)) await batchWriteAll(client, batch);
      return keyList.length;
    },

    saveGroup,

    /** `false` when the members are as new or newer, or (`expectedAsOf`) moved since they were read. */
    saveGroupMembers,

    /** Saves a group's handle and flag from an event without its members; `false` when there is no record, or its settings are as new or newer. */
    saveGroupSettings(settings: params.GroupSettings): Promise<boolean> {
      return conditional(() => client.send(new UpdateItemCommand(params.saveGroupSettingsParams(tableName, settings))));
    },

    /**
     * Keeps the records of `groupIds` as one listing gives them, a few writes at a time: only these,
     * the groups a track names or is given. One Slack does not know is kept disabled, so it is not
     * asked about on every request; one too large is kept with no members (`membersToKeep`).
     */
    async saveListedGroups(teamId: TeamId, groupIds: readonly string[], listed: GroupListing, fetchedAt: string): Promise<void> {
      for (let start = 0; start < groupIds.length; start += GROUP_WRITES_AT_ONCE) {
        await Promise.all(
          groupIds.slice(start, start + GROUP_WRITES_AT_ONCE).map((groupId) => {
            const group = listed.groups.get(groupId) ?? { handle: groupId, users: [], disabled: true };
            return saveGroup({ teamId, groupId, handle: group.handle, ...membersToKeep(group.users), disabled: group.disabled, fetchedAt, asOf: listed.asked });
          }),
        );
      }
    },
  };
}

/** The caller's person record and the app manager record among items read together. */
export function readCallerItems(items: readonly Record<string, unknown>[]): { person: Person | null; manager: AppManager | null } {
  const person = items.find((item) => item['type'] === 'person');
  const manager = items.find((item) => item['type'] === 'manager');
  return { person: person ? parse(PersonSchema, person) : null, manager: manager ? parse(AppManagerSchema, manager) : null };
}
