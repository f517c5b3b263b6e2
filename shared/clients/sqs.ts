import { SQSClient } from './sdk/sqs';

let shared: SQSClient | undefined;

/** The process-wide SQS client (region and credentials from the environment). */
export function sqsClient(): SQSClient {
  shared ??= new SQSClient({});
  return shared;
}
