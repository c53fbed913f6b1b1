import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  QueryCommand,
  TransactionCanceledException,
  type BatchGetItemCommandInput,
  type BatchGetItemCommandOutput,
  type BatchWriteItemCommandInput,
  type DynamoDBClient,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

/** The thin sending steps every store shares: the requests themselves are built in the params modules. */

/** Every page of a Query, items unmarshalled (still to be parsed by the caller). */
export async function queryAll(client: DynamoDBClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey = input.ExclusiveStartKey;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** Every item a BatchGetItem of one table reads, unmarshalled; keys DynamoDB left unprocessed are asked again until none is left. */
export async function batchGetAll(client: DynamoDBClient, tableName: string, input: BatchGetItemCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let request = input.RequestItems;
  while (request && Object.keys(request).length > 0) {
    const reply: BatchGetItemCommandOutput = await client.send(new BatchGetItemCommand({ RequestItems: request }));
    items.push(...(reply.Responses?.[tableName] ?? []).map((item) => unmarshall(item)));
    request = reply.UnprocessedKeys;
  }
  return items;
}

/** Sends one BatchWriteItem; what DynamoDB left unprocessed is sent again until nothing is left. */
export async function batchWriteAll(client: DynamoDBClient, input: BatchWriteItemCommandInput): Promise<void> {
  let request = input.RequestItems;
  while (request && Object.keys(request).length > 0) {
    request = (await client.send(new BatchWriteItemCommand({ RequestItems: request }))).UnprocessedItems;
  }
}

/** Sends a conditional write; `false` when its condition was refused. */
export async function conditional(send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The per-item reasons of a cancelled transaction, or undefined for any other error. */
export function cancellationCodes(error: unknown): (string | undefined)[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code);
}
