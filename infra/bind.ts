// Grants and environment variables come together: a function that may use a resource also gets
// its name, and nothing more. The actions are the ones shared/ calls, on the exact resources.
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { NewsFunction } from './constructs/news-function';

/** What a function does with the table: `read` for query and digest, `readWrite` for ingest, `alert` for the alert function. */
export type TableAccess = 'read' | 'readWrite' | 'alert';

const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'];

/** The DynamoDB actions each access level needs (no Scan; TTL does the deleting of old articles). */
export const TABLE_ACTIONS: Record<TableAccess, string[]> = {
  read: READ,
  readWrite: [...READ, ...WRITE],
  // DeleteItem only for the alert function: it releases its (rule, story) claim when SNS refuses the
  // publish, so that the retried stream record can alert (ArticleStore.releaseAlert).
  alert: [...READ, ...WRITE, 'dynamodb:DeleteItem'],
};

/** Grants `access` on the table and its named indexes (no `index/*` wildcard) and sets TABLE_NAME. */
export function bindTable(fn: NewsFunction, table: dynamodb.ITable, access: TableAccess, indexNames: readonly string[]): void {
  const indexArns = indexNames.map((name) => `${table.tableArn}/index/${name}`);
  fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: TABLE_ACTIONS[access], resources: [table.tableArn] }));
  if (indexArns.length) fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: indexArns }));
  fn.addEnvironment('TABLE_NAME', table.tableName);
}

/**
 * Grants sns:Publish on the topic and, for a customer-managed key, the key operations SNS needs to
 * encrypt the message (alias/aws/sns grants them to the account by its own policy); sets TOPIC_ARN.
 */
export function bindTopic(fn: NewsFunction, topic: sns.ITopic, key?: kms.IKey): void {
  fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [topic.topicArn] }));
  if (key) fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [key.keyArn] }));
  fn.addEnvironment('TOPIC_ARN', topic.topicArn);
}

/** Grants sqs:SendMessage (which covers SendMessageBatch) on the queue and sets QUEUE_URL. */
export function bindQueue(fn: NewsFunction, queue: sqs.IQueue): void {
  fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
  fn.addEnvironment('QUEUE_URL', queue.queueUrl);
}
