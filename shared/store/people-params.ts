import type { BatchGetItemCommandInput, GetItemCommandInput, PutItemCommandInput, QueryCommandInput, UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AppManager } from '#shared/domain/app-manager';
import type { Locale } from '#shared/domain/locale';
import type { GroupRecord, Person } from '#shared/domain/person';
import type { TeamId } from '#shared/domain/schemas';
import { keys } from '#shared/store/params';

/**
 * Keys and writes of person and user-group records (layout in `table.ts`): `pk=<team>`,
 * `sk=PERSON#<user>` or `GROUP#<id>`, so a purge or an uninstall of the team takes them too.
 * Every write of Slack's facts is guarded by their time (`asOf`; a group's handle and flag by
 * `settingsAsOf`): an older or repeated one changes nothing. The app manager's record
 * (`sk=MANAGER`) sits beside them, so the caller's record and it are read in one request; an
 * uninstall keeps it.
 */

const toItem = (value: object) => marshall(value, { removeUndefinedValues: true });

/** A user group's members, written alone (a `subteam_members_changed` applied, or a list older than the group's settings). */
export type GroupMembers = Pick<GroupRecord, 'teamId' | 'groupId' | 'users' | 'tooLarge' | 'fetchedAt' | 'asOf'>;

/** A user group's handle and flag as an event without its members gives them: without a handle, the recorded one stays. */
export type GroupSettings = Pick<GroupRecord, 'teamId' | 'groupId' | 'disabled' | 'fetchedAt' | 'asOf'> & { handle?: string | undefined };

export function personKey(teamId: TeamId, userId: string) {
  return toItem({ pk: keys.team(teamId), sk: `PERSON#${userId}` });
}

export function groupKey(teamId: TeamId, groupId: string) {
  return toItem({ pk: keys.team(teamId), sk: `GROUP#${groupId}` });
}

export function managerKey(teamId: TeamId) {
  return toItem({ pk: keys.team(teamId), sk: 'MANAGER' });
}

/** The keys a request's standing is decided on: the caller's person record and the team's app manager record. */
export function callerKeys(teamId: TeamId, userId: string) {
  return [personKey(teamId, userId), managerKey(teamId)];
}

export function getPersonParams(tableName: string, teamId: TeamId, userId: string): GetItemCommandInput {
  // Strongly consistent: a demotion written a moment ago applies to the next request.
  return { TableName: tableName, Key: personKey(teamId, userId), ConsistentRead: true };
}

export function getManyParams(tableName: string, keyList: ReturnType<typeof personKey>[]): BatchGetItemCommandInput {
  return { RequestItems: { [tableName]: { Keys: keyList, ConsistentRead: true } } };
}

/**
 * Writes what Slack said of a person. `existing`: only over a record that is there (an event
 * about someone the bot has never met writes nothing). The DM channel and the language the
 * person chose stay; the locale stays when Slack did not say it (events do not).
 *
 *   write  ⇔  (record absent ∧ ¬existing) ∨ (record present ∧ record.asOf < asOf)
 */
export function savePersonParams(tableName: string, person: Omit<Person, 'dmChannelId'>, options: { existing: boolean }): UpdateItemCommandInput {
  const values: Record<string, unknown> = {
    ':type': 'person',
    ':team': person.teamId,
    ':userId': person.userId,
    ':user': person.user,
    ':fetchedAt': person.fetchedAt,
    ':asOf': person.asOf,
  };
  const set = ['#type = :type', 'teamId = :team', 'userId = :userId', '#user = :user', 'fetchedAt = :fetchedAt', 'asOf = :asOf'];
  if (person.locale !== undefined) {
    set.push('locale = :locale');
    values[':locale'] = person.locale;
  }
  return {
    TableName: tableName,
    Key: personKey(person.teamId, person.userId),
    UpdateExpression: `SET ${set.join(', ')}`,
    ConditionExpression: options.existing ? 'attribute_exists(pk) AND asOf < :asOf' : 'attribute_not_exists(pk) OR asOf < :asOf',
    ExpressionAttributeNames: { '#type': 'type', '#user': 'user' },
    ExpressionAttributeValues: toItem(values),
  };
}

/** Keeps the language a person chose on their record (none: their Slack's decides again); nothing when there is no record. */
export function setLanguageParams(tableName: string, teamId: TeamId, userId: string, language: Locale | undefined): UpdateItemCommandInput {
  return {
    TableName: tableName,
    Key: personKey(teamId, userId),
    UpdateExpression: language ? 'SET #language = :language' : 'REMOVE #language',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#language': 'language' },
    ...(language ? { ExpressionAttributeValues: toItem({ ':language': language }) } : {}),
  };
}

/** Keeps the person's DM channel on their record; nothing when the record is gone (a purge meanwhile). */
export function setDmChannelParams(tableName: string, teamId: TeamId, userId: string, channelId: string): UpdateItemCommandInput {
  return {
    TableName: tableName,
    Key: personKey(teamId, userId),
    UpdateExpression: 'SET dmChannelId = :channel',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: toItem({ ':channel': channelId }),
  };
}

/**
 * Writes what Slack said of a user group: members, handle and whether it is disabled, all as of
 * `asOf` (a lookup, or an event with the member list). `existing`: only over a record that is
 * there. The members carry their time (`asOf`), the handle and flag theirs (`settingsAsOf`; a
 * record from before it was kept has only `asOf`, for both), so each kind of event is ordered
 * against its own kind. A refused write answers the record it met (`ALL_OLD`): when only its
 * settings are newer, the members are written alone ({@link saveGroupMembersParams}).
 *
 *   write  ⇔  (record absent ∧ ¬existing) ∨ (asOf < group.asOf ∧ (settingsAsOf absent ∨ settingsAsOf < group.asOf))
 */
export function saveGroupParams(tableName: string, group: GroupRecord, options: { existing: boolean }): UpdateItemCommandInput {
  const newer = 'asOf < :asOf AND (attribute_not_exists(settingsAsOf) OR settingsAsOf < :asOf)';
  return {
    TableName: tableName,
    Key: groupKey(group.teamId, group.groupId),
    UpdateExpression:
      'SET #type = :type, teamId = :team, groupId = :groupId, #handle = :handle, #users = :users, tooLarge = :tooLarge, #disabled = :disabled, fetchedAt = :fetchedAt, asOf = :asOf, settingsAsOf = :asOf',
    ConditionExpression: options.existing ? `attribute_exists(pk) AND ${newer}` : `attribute_not_exists(pk) OR (${newer})`,
    ExpressionAttributeNames: { '#type': 'type', '#handle': 'handle', '#users': 'users', '#disabled': 'disabled' },
    ExpressionAttributeValues: toItem({
      ':type': 'group',
      ':team': group.teamId,
      ':groupId': group.groupId,
      ':handle': group.handle,
      ':users': group.users,
      ':tooLarge': group.tooLarge,
      ':disabled': group.disabled,
      ':fetchedAt': group.fetchedAt,
      ':asOf': group.asOf,
    }),
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  };
}

/**
 * Writes a user group's members alone, as of `asOf`; its handle and flag stay, with their time
 * (a record from before `settingsAsOf` was kept gets the time they had). `expectedAsOf`: only
 * over the members read at that time (a change applied to what was read); otherwise only over
 * older members.
 */
export function saveGroupMembersParams(tableName: string, members: GroupMembers, expectedAsOf?: number): UpdateItemCommandInput {
  return {
    TableName: tableName,
    Key: groupKey(members.teamId, members.groupId),
    UpdateExpression: 'SET #users = :users, tooLarge = :tooLarge, fetchedAt = :fetchedAt, settingsAsOf = if_not_exists(settingsAsOf, asOf), asOf = :asOf',
    ConditionExpression: expectedAsOf === undefined ? 'asOf < :asOf' : 'asOf = :expected',
    ExpressionAttributeNames: { '#users': 'users' },
    ExpressionAttributeValues: toItem({
      ':users': members.users,
      ':tooLarge': members.tooLarge,
      ':fetchedAt': members.fetchedAt,
      ':asOf': members.asOf,
      ...(expectedAsOf === undefined ? {} : { ':expected': expectedAsOf }),
    }),
  };
}

/**
 * Writes a user group's handle (when Slack gave one) and whether it is disabled, as of `asOf` (an
 * event without the member list), over older settings of a record that is there; its members and
 * their time stay.
 */
export function saveGroupSettingsParams(tableName: string, settings: GroupSettings): UpdateItemCommandInput {
  const set = ['#disabled = :disabled', 'fetchedAt = :fetchedAt', 'settingsAsOf = :asOf'];
  if (settings.handle !== undefined) set.push('#handle = :handle');
  return {
    TableName: tableName,
    Key: groupKey(settings.teamId, settings.groupId),
    UpdateExpression: `SET ${set.join(', ')}`,
    ConditionExpression: 'attribute_exists(pk) AND (settingsAsOf < :asOf OR (attribute_not_exists(settingsAsOf) AND asOf < :asOf))',
    ExpressionAttributeNames: { '#disabled': 'disabled', ...(settings.handle !== undefined ? { '#handle': 'handle' } : {}) },
    ExpressionAttributeValues: toItem({ ':disabled': settings.disabled, ':fetchedAt': settings.fetchedAt, ':asOf': settings.asOf, ':handle': settings.handle }),
  };
}

/** The keys of a team's person (`PERSON#`) or user-group (`GROUP#`) records: what an uninstall forgets. */
export function recordKeysParams(tableName: string, teamId: TeamId, prefix: 'PERSON#' | 'GROUP#'): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ProjectionExpression: 'pk, sk',
    ExpressionAttributeValues: toItem({ ':pk': keys.team(teamId), ':prefix': prefix }),
    // A record written a moment before the uninstall is found, and goes too.
    ConsistentRead: true,
  };
}

/** The app manager's record as the first install writes it: only when the team has none (a reinstall writes nothing). */
export function recordFirstManagerParams(tableName: string, manager: AppManager): PutItemCommandInput {
  return { TableName: tableName, Item: { ...managerKey(manager.teamId), ...toItem({ type: 'manager', ...manager }) }, ConditionExpression: 'attribute_not_exists(pk)' };
}

/** The app manager's record as an admin sets it: whatever was there (a cleared one keeps the record, without `userId`). */
export function setManagerParams(tableName: string, manager: AppManager): PutItemCommandInput {
  return { TableName: tableName, Item: { ...managerKey(manager.teamId), ...toItem({ type: 'manager', ...manager }) } };
}
