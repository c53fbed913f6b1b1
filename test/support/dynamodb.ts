import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDynamoClient } from '#shared/store/client';
import { ensureTable } from '#local/dynamodb-local';

export interface TestTable {
  endpoint: string;
  tableName: string;
  client: DynamoDBClient;
}

/** A fresh table in the run's DynamoDB Local for this test file, dropped after it. */
export function useTestTable(): TestTable {
  const endpoint = inject('dynamodbEndpoint');
  const table: TestTable = { endpoint, tableName: `test-${randomUUID()}`, client: createDynamoClient(endpoint) };
  beforeAll(async () => {
    await ensureTable(table.client, table.tableName);
  });
  afterAll(async () => {
    await table.client.send(new DeleteTableCommand({ TableName: table.tableName }));
    table.client.destroy();
  });
  return table;
}
