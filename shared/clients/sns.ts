import { SNSClient } from './sdk/sns';

let shared: SNSClient | undefined;

/** The process-wide SNS client (region and credentials from the environment). */
export function snsClient(): SNSClient {
  shared ??= new SNSClient({});
  return shared;
}
