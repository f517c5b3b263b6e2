import { DynamoDBClient } from './sdk/dynamodb';

let shared: DynamoDBClient | undefined;

/** The process-wide DynamoDB client for the cloud (region and credentials from the environment). */
export function dynamoClient(): DynamoDBClient {
  shared ??= new DynamoDBClient({});
  return shared;
}

/** A client for a DynamoDB-compatible endpoint such as a local dynalite server. */
export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  });
}
