// @aws-sdk/client-sqs, loaded with require(): see ./dynamodb.ts for why.
import { createRequire } from 'node:module';
import type * as Sdk from '@aws-sdk/client-sqs';

export type * from '@aws-sdk/client-sqs';
const sdk = createRequire(import.meta.url)('@aws-sdk/client-sqs') as typeof Sdk;
export const { SQSClient, SendMessageBatchCommand } = sdk;
export type SQSClient = Sdk.SQSClient;
