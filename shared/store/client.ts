import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * A DynamoDB client for AWS, or for DynamoDB Local when `endpoint` is given
 * (the emulator accepts any credentials, so fixed ones keep it off the credential chain).
 */
export function createDynamoClient(endpoint?: string): DynamoDBClient {
  if (!endpoint) return new DynamoDBClient({});
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}
