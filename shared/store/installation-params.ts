import type {
  BatchWriteItemCommandInput,
  DeleteItemCommandInput,
  GetItemCommandInput,
  PutItemCommandInput,
  ScanCommandInput,
  UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Installation, InstallationInfo, InstallationQuery } from '#shared/domain/installation';
import type { SealedTokens } from '#shared/store/sealed-tokens';

/**
 * Keys and pure request builders for installs, used install states, seen events and purging a
 * team (layout in `table.ts`).
 *
 * Workspace install: `pk=<team>#INSTALL`, `sk=TEAM`. Org-wide install: `pk=<enterprise>#INSTALL`,
 * `sk=ORG`. Used state: `pk=OAUTH#STATE`, `sk=<nonce>` (TTL), the one partition that belongs to
 * no team, since a state exists before any install. Seen event: `pk=<team>#EVENT`,
 * `sk=<event id>` (TTL).
 */

const toItem = (value: object) => marshall(value, { removeUndefinedValues: true });
const notExists = 'attribute_not_exists(pk)';

export const installationKeys = {
  team: (teamId: string) => ({ pk: `${teamId}#INSTALL`, sk: 'TEAM' }),
  org: (enterpriseId: string) => ({ pk: `${enterpriseId}#INSTALL`, sk: 'ORG' }),
  usedStates: 'OAUTH#STATE',
  seenEvents: (teamId: string) => `${teamId}#EVENT`,
} as const;

/** How long a seen event id is remembered: Slack retries for about an hour at most. */
export const EVENT_TTL_SECONDS = 2 * 3600;

/** The key an install is stored under. */
export function installationKeyOf(installation: Pick<Installation, 'isEnterpriseInstall' | 'teamId' | 'enterpriseId'>): { pk: string; sk: string } {
  return installation.isEnterpriseInstall ? installationKeys.org(installation.enterpriseId!) : installationKeys.team(installation.teamId!);
}

/**
 * The keys to try for a request, in order: an org-wide install for an org-wide request; else
 * the workspace's own install, then its organisation's org-wide one.
 */
export function installationLookupKeys(query: InstallationQuery): { pk: string; sk: string }[] {
  if (query.isEnterpriseInstall && query.enterpriseId) return [installationKeys.org(query.enterpriseId)];
  const keys: { pk: string; sk: string }[] = [];
  if (query.teamId) keys.push(installationKeys.team(query.teamId));
  if (query.enterpriseId) keys.push(installationKeys.org(query.enterpriseId));
  return keys;
}

/**
 * The one install a removal is about: an org-wide removal's, the org's; any other, the
 * workspace's own, never its organisation's org-wide install, which serves the org's other workspaces.
 */
export function removalKey(query: InstallationQuery): { pk: string; sk: string } | undefined {
  if (query.isEnterpriseInstall) return query.enterpriseId ? installationKeys.org(query.enterpriseId) : undefined;
  return query.teamId ? installationKeys.team(query.teamId) : undefined;
}

/** A new install, or a re-install replacing the old one: its tokens only sealed. */
export function putInstallationParams(tableName: string, installation: InstallationInfo, sealedTokens: SealedTokens): PutItemCommandInput {
  return { TableName: tableName, Item: toItem({ ...installationKeyOf(installation), type: 'installation', ...installation, sealedTokens }) };
}

export function getInstallationParams(tableName: string, key: { pk: string; sk: string }): GetItemCommandInput {
  return { TableName: tableName, Key: toItem(key), ConsistentRead: true };
}

/**
 * Deletes an install made before `madeBefore` (the removal that asks for it); one made since is a
 * later install the removal is not about, and stays. An absent item is no refusal.
 */
export function deleteInstallationParams(tableName: string, key: { pk: string; sk: string }, madeBefore: Date): DeleteItemCommandInput {
  return {
    TableName: tableName,
    Key: toItem(key),
    ConditionExpression: 'attribute_not_exists(pk) OR installedAt < :before',
    ExpressionAttributeValues: toItem({ ':before': madeBefore.toISOString() }),
    ReturnValues: 'ALL_OLD',
  };
}

/**
 * A rotated token, sealed, written only if no other container rotated it first: the data key
 * it was sealed under is still the one stored (each seal has its own).
 */
export function rotateTokenParams(
  tableName: string,
  installation: Pick<Installation, 'isEnterpriseInstall' | 'teamId' | 'enterpriseId'>,
  rotated: { sealedTokens: SealedTokens; botExpiresAt: number; previousKey: string },
): UpdateItemCommandInput {
  return {
    TableName: tableName,
    Key: toItem(installationKeyOf(installation)),
    UpdateExpression: 'SET sealedTokens = :sealed, botExpiresAt = :expires',
    ConditionExpression: 'sealedTokens.#key = :previous',
    ExpressionAttributeNames: { '#key': 'key' },
    ExpressionAttributeValues: toItem({ ':sealed': rotated.sealedTokens, ':expires': rotated.botExpiresAt, ':previous': rotated.previousKey }),
  };
}

/**
 * An install stored before tokens were sealed, sealed now: its plain tokens removed, written
 * only while the plain token read is still there (no other container sealed or rotated it).
 */
export function sealPlainTokensParams(
  tableName: string,
  installation: Pick<Installation, 'isEnterpriseInstall' | 'teamId' | 'enterpriseId'>,
  input: { sealedTokens: SealedTokens; plainBotToken: string },
): UpdateItemCommandInput {
  return {
    TableName: tableName,
    Key: toItem(installationKeyOf(installation)),
    UpdateExpression: 'SET sealedTokens = :sealed REMOVE botToken, botRefreshToken',
    ConditionExpression: 'botToken = :plain',
    ExpressionAttributeValues: toItem({ ':sealed': input.sealedTokens, ':plain': input.plainBotToken }),
  };
}

/** Marks an install state used, once: a second put of the same nonce is refused. */
export function claimStateParams(tableName: string, nonce: string, expiresAt: number): PutItemCommandInput {
  return {
    TableName: tableName,
    Item: toItem({ pk: installationKeys.usedStates, sk: nonce, type: 'oauth-state', expiresAt }),
    ConditionExpression: notExists,
  };
}

/** Marks an Events API delivery seen, once, so Slack's retries of it run nothing. */
export function claimEventParams(tableName: string, teamId: string, eventId: string, now: Date): PutItemCommandInput {
  return {
    TableName: tableName,
    Item: toItem({ pk: installationKeys.seenEvents(teamId), sk: eventId, type: 'event', expiresAt: Math.floor(now.getTime() / 1000) + EVENT_TTL_SECONDS }),
    ConditionExpression: notExists,
  };
}

/** Forgets a seen event whose handling failed, so Slack's retry runs it. */
export function releaseEventParams(tableName: string, teamId: string, eventId: string): DeleteItemCommandInput {
  return { TableName: tableName, Key: toItem({ pk: installationKeys.seenEvents(teamId), sk: eventId }) };
}

/**
 * One page of every item of a team: its partitions are `<team>` and `<team>#…`, so the filter
 * matches exactly those (a bare prefix would also match a longer team id such as `<team>1`).
 */
export function teamItemsScanParams(tableName: string, teamId: string, startKey?: ScanCommandInput['ExclusiveStartKey']): ScanCommandInput {
  return {
    TableName: tableName,
    ProjectionExpression: 'pk, sk',
    FilterExpression: 'pk = :team OR begins_with(pk, :prefix)',
    ExpressionAttributeValues: toItem({ ':team': teamId, ':prefix': `${teamId}#` }),
    // What was written a moment before the purge is found, and goes too.
    ConsistentRead: true,
    ...(startKey ? { ExclusiveStartKey: startKey } : {}),
  };
}

/** BatchWriteItem takes at most 25 deletes per call. */
export const BATCH_WRITE_LIMIT = 25;

/** Deletes of the given keys, in batches of {@link BATCH_WRITE_LIMIT}. */
export function deleteBatchesParams(tableName: string, keys: { pk: string; sk: string }[]): BatchWriteItemCommandInput[] {
  const batches: BatchWriteItemCommandInput[] = [];
  for (let i = 0; i < keys.length; i += BATCH_WRITE_LIMIT) {
    batches.push({ RequestItems: { [tableName]: keys.slice(i, i + BATCH_WRITE_LIMIT).map((key) => ({ DeleteRequest: { Key: toItem(key) } })) } });
  }
  return batches;
}
