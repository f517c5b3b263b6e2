import { SSMClient } from './sdk/ssm';

let shared: SSMClient | undefined;

/** The process-wide SSM client (region and credentials from the environment). */
export function ssmClient(): SSMClient {
  shared ??= new SSMClient({});
  return shared;
}
