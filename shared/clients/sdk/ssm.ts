// @aws-sdk/client-ssm, loaded with require(): see ./dynamodb.ts for why.
import { createRequire } from 'node:module';
import type * as Sdk from '@aws-sdk/client-ssm';

export type * from '@aws-sdk/client-ssm';
const sdk = createRequire(import.meta.url)('@aws-sdk/client-ssm') as typeof Sdk;
export const { SSMClient, GetParameterCommand } = sdk;
export type SSMClient = Sdk.SSMClient;
