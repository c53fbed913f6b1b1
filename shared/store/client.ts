import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { captureClient } from '#shared/observe/tracer';

/**
 * A DynamoDB client for AWS, or for DynamoDB Local when `endpoint` is given
 * (the emulator accepts any credentials, so fixed ones keep it off the credential chain).
 * With X-Ray on, its calls are traced.
 */
export function createDynamoClient(endpoint?: string): DynamoDBClient {
  if (!endpoint) return captureClient(new DynamoDBClient({}));
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}
