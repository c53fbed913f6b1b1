import { ConditionalCheckFailedException, GetItemCommand, UpdateItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type * as z from 'zod';
import { reclaimDeliveryParams } from '#shared/store/subscription-params';
import { parse } from '#shared/store/parse';

/** What claiming a delivery record came to (digest or check-in). */
export type LeaseClaim<D> =
  /** Ours now; `reclaimed` when an earlier holder died, so the message may already be out. */
  | { kind: 'claimed'; reclaimed: boolean; delivery: D }
  /** The message is recorded as posted (or, for a digest, its slot as skipped with nothing to report: as done). */
  | { kind: 'posted'; delivery: D }
  /** Another sweep holds a live claim (or is taking it at this moment: no record to show yet). */
  | { kind: 'busy'; delivery: D | undefined };

interface Lease {
  state: string;
  token: string;
  leaseUntil: string;
}

/**
 * After a first claim found a record already there: read it; posted or skipped → say so; a live lease →
 * busy; a dead lease → take it over with a write conditional on the dead holder's token.
 * `undefined` when the record is gone meanwhile.
 */
export async function claimExisting<S extends z.ZodType<Lease>>(
  deps: { client: DynamoDBClient; tableName: string },
  key: Record<string, AttributeValue>,
  schema: S,
  input: { token: string; now: Date; leaseUntil: Date },
): Promise<LeaseClaim<z.infer<S>> | undefined> {
  const { client, tableName } = deps;
  const { Item } = await client.send(new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  if (!Item) return undefined;
  const existing = parse(schema, unmarshall(Item));
  // A skipped slot is as done as a posted one: no sweep posts it after.
  if (existing.state === 'posted' || existing.state === 'skipped') return { kind: 'posted', delivery: existing };
  if (existing.leaseUntil >= input.now.toISOString()) return { kind: 'busy', delivery: existing };
  try {
    const { Attributes } = await client.send(new UpdateItemCommand(reclaimDeliveryParams(tableName, key, { ...input, previousToken: existing.token })));
    return { kind: 'claimed', reclaimed: true, delivery: parse(schema, unmarshall(Attributes ?? {})) };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return { kind: 'busy', delivery: existing };
    throw error;
  }
}
