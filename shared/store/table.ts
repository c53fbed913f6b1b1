import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one definition of the table: CDK, the local runner and the tests all build it from here.
 *
 * Single-table design; every partition key starts with the Slack team id, so a request
 * that carries one team's id can never touch another's items.
 *
 * | item            | pk                         | sk                      | gsi1pk / gsi1sk            |
 * |-----------------|----------------------------|-------------------------|----------------------------|
 * | track summary   | `<team>`                   | `TRACK#<slug>`          |                            |
 * | id prefix claim | `<team>`                   | `PREFIX#<JK>`           |                            |
 * | track           | `<team>#TRACK#<slug>`      | `#TRACK`                |                            |
 * | commitment      | `<team>#TRACK#<slug>`      | `C#<seq, 6 digits>`     |                            |
 * | ask (check-in)  | `<team>#TRACK#<slug>`      | `C#<seq>#ASK#<user>`    | `ASK#<shard>` / `<instant>#<team>#<user>#<slug>#<seq>` |
 * | history entry   | `<team>#TRACK#<slug>`      | `H#<seq>#<version>`     |                            |
 * | subscription    | `<team>`                   | `SUB#<channel>#<slug>`  | `DUE#<shard>` / `<next run>#<team>#<channel>#<slug>` |
 * | delivery        | `<team>#DELIVERY`          | `<channel>#<slug>#<slot>` |                          |
 * | check-in sent   | `<team>#DELIVERY`          | `DM#<user>#<date>`      |                            |
 * | preferences     | `<team>`                   | `ME#<user>`             |                            |
 * | person          | `<team>`                   | `PERSON#<user>`         |                            |
 * | user group      | `<team>`                   | `GROUP#<id>`            |                            |
 * | app manager     | `<team>`                   | `MANAGER`               |                            |
 * | request seen    | `<team>#SEEN`              | `<signature>`           |                            |
 * | form submitted  | `<team>#ONCE`              | `<client token>`        |                            |
 * | install         | `<team or enterprise>#INSTALL` | `TEAM` or `ORG`     |                            |
 * | event seen      | `<team>#EVENT`             | `<event id>`            |                            |
 * | install state   | `OAUTH#STATE`              | `<nonce>`               |                            |
 *
 * `expiresAt` (epoch seconds) is the TTL attribute for items that only guard against repeats.
 *
 * Subscriptions and the `due` index (`shared/store/subscription-params.ts`): `<shard>` is
 * FNV-1a(`<team>#<channel>#<slug>`) mod `DUE_SHARDS` (8; raising it is safe at any time, see
 * there), `<next run>` an ISO instant, so one Query per shard with `gsi1sk <= <now>#~` reads
 * exactly the due subscriptions. A paused subscription has no gsi1pk/gsi1sk: the index is
 * sparse. A delivery record (`state` claimed | posted | released | abandoned, claim `token`,
 * `leaseUntil`, `attempts`) lives until `expiresAt` = slot + 30 days.
 *
 * Check-ins (`shared/store/check-in-params.ts`): an ask record per (item, owner who is a Slack
 * user) sits right after its item, so the report's Query reads it; while the owner will need
 * asking it is in the same `due` index under `ASK#<shard>` (the owner's shard), sparse like
 * subscriptions. A check-in message is claimed once per (owner, their local date).
 *
 * People (`shared/store/people-params.ts`): a person record per (team, user) holds what Slack
 * last said of them, guarded by the Slack time it reflects; a user-group record holds a group's
 * members the same way.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  dueIndex: { name: 'due', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
} as const;

export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, dueIndex } = TABLE;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [partitionKey, sortKey, dueIndex.partitionKey, dueIndex.sortKey].map((name) => ({
      AttributeName: name,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: dueIndex.name,
        KeySchema: [
          { AttributeName: dueIndex.partitionKey, KeyType: 'HASH' },
          { AttributeName: dueIndex.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}
