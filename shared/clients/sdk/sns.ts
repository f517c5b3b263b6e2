// @aws-sdk/client-sns, loaded with require(): see ./dynamodb.ts for why.
import { createRequire } from 'node:module';
import type * as Sdk from '@aws-sdk/client-sns';

export type * from '@aws-sdk/client-sns';
const sdk = createRequire(import.meta.url)('@aws-sdk/client-sns') as typeof Sdk;
export const { SNSClient, PublishCommand, GetSubscriptionAttributesCommand, ListSubscriptionsByTopicCommand, SubscribeCommand, UnsubscribeCommand } = sdk;
export type SNSClient = Sdk.SNSClient;
