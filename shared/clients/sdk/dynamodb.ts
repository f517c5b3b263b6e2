// The AWS SDK packages the code calls, loaded with require() rather than `import`: the SDK ships
// CommonJS, and an ES module importing CommonJS makes Node parse every file of the package for its
// export names first (cjs-module-lexer) — 70–90 ms of each cold start for DynamoDB and SNS
// (docs/BENCHMARKS.md). require() skips that and returns the same module objects, so a test that
// imports the package itself (aws-sdk-client-mock) mocks the very classes used here. Every module of
// the project imports the SDK's values from here and its types from here or the package.
import { createRequire } from 'node:module';
import type * as Sdk from '@aws-sdk/client-dynamodb';

export type * from '@aws-sdk/client-dynamodb';
const sdk = createRequire(import.meta.url)('@aws-sdk/client-dynamodb') as typeof Sdk;
export const { DynamoDBClient, ConditionalCheckFailedException, CreateTableCommand, DeleteItemCommand, DescribeTableCommand, GetItemCommand, PutItemCommand, QueryCommand, ResourceInUseException, UpdateItemCommand, BatchGetItemCommand, BatchWriteItemCommand, paginateQuery } = sdk;
export type DynamoDBClient = Sdk.DynamoDBClient;
export type ConditionalCheckFailedException = Sdk.ConditionalCheckFailedException;
export type ResourceInUseException = Sdk.ResourceInUseException;
