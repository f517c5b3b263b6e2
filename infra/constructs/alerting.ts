import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lambdaEvents from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { subscriptionKey } from '../../shared/alerts/subscriptions';
import type { SubscriptionConfig } from '../../shared/model';
import { bindTable, bindTopic } from '../bind';
import type { ArticleTable } from './article-table';
import { NewsFunction, scheduledInvoke, type FunctionSettings } from './news-function';

export interface AlertingProps {
  readonly table: ArticleTable;
  readonly functions: FunctionSettings;
  /** The key the alerts topic is encrypted with: the stack's customer-managed key, or (lean) alias/aws/sns. */
  readonly key: kms.IKey;
  /** True when `key` is the customer-managed key, whose use publishers must be granted (AWS-managed keys grant it by their own policy). */
  readonly keyNeedsGrant: boolean;
  /** config.subscriptions, each with the SNS filter policy that picks its alerts. */
  readonly subscriptions: readonly { readonly sub: SubscriptionConfig; readonly filterPolicy: Record<string, unknown> }[];
  /** EventBridge Scheduler expression for digests (config.digestSchedule). */
  readonly digestSchedule: string;
}

/** Stream records the alert function takes at once. */
export const ALERT_BATCH_SIZE = 25;
/** Retries of a failing stream batch (each halved by bisect-on-error) before it goes to the failure queue. */
export const ALERT_RETRY_ATTEMPTS = 3;

/**
 * New articles → alert function → SNS alerts topic → email/SMS subscriptions, and the digest
 * function on its own schedule. The stream is filtered to INSERTs of article items, so feed-state
 * and alert-record writes never invoke the function.
 */
export class Alerting extends Construct {
  readonly topic: sns.Topic;
  readonly alert: NewsFunction;
  readonly digest: NewsFunction;
  /** Stream batches that kept failing (alert publish failures land here). */
  readonly failureQueue: sqs.Queue;
  readonly digestSchedule: scheduler.Schedule;
  readonly streamMapping: lambda.EventSourceMapping;

  constructor(scope: Construct, id: string, props: AlertingProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'AlertsTopic', {
      displayName: 'news-monitor alerts',
      masterKey: props.key,
      enforceSSL: true,
    });
    for (const { sub, filterPolicy } of props.subscriptions) {
      // Webhooks are delivered by the webhook function, subscribed on its own (WebhookDelivery).
      if (sub.protocol === 'webhook') continue;
      // The id comes from the endpoint, not the position in the list, so reordering the config does
      // not replace (and ask to re-confirm) every subscription.
      new sns.CfnSubscription(this, `Subscription-${subscriptionKey(sub)}`, {
        topicArn: this.topic.topicArn,
        protocol: sub.protocol,
        endpoint: sub.endpoint,
        filterPolicyScope: 'MessageAttributes',
        filterPolicy,
      });
    }

    this.failureQueue = new sqs.Queue(this, 'AlertFailureQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      // A dead-letter store itself (CT.SQS.PR.1 asks other queues for one).
      redriveAllowPolicy: { redrivePermission: sqs.RedrivePermission.ALLOW_ALL },
    });
    Validations.of(this.failureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself the dead-letter store: the alert function's on-failure destination for stream batches that kept failing",
    });

    this.alert = new NewsFunction(this, 'Alert', {
      ...props.functions,
      handler: 'alert',
      description: 'news-monitor: matches new articles against the rules and publishes alerts',
      timeout: Duration.seconds(60),
      memorySize: 256,
    });
    bindTable(this.alert, props.table.table, 'alert', props.table.indexNames);
    bindTopic(this.alert, this.topic, props.keyNeedsGrant ? props.key : undefined);
    // The mapping is made by hand rather than with DynamoEventSource, whose grant lets the function
    // list the streams of every table (ListStreams on "*"); this one is scoped to our table's streams.
    this.alert.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
        resources: [`${props.table.table.tableArn}/stream/*`],
      }),
    );
    Validations.of(this.alert.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(props.table.table.node.defaultChild as dynamodb.CfnTable)}.Arn>/stream/*]`,
      reason: "Stream reads on this table's streams only: a stream's ARN carries its creation time, and the policy must outlive a stream re-created by a table update",
    });
    this.streamMapping = new lambda.EventSourceMapping(this, 'StreamMapping', {
      target: this.alert.fn,
      eventSourceArn: props.table.table.tableStreamArn,
      // From the oldest record: a re-created mapping misses nothing, and claimAlert's conditional
      // write keeps a replayed article from alerting twice.
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: ALERT_BATCH_SIZE,
      bisectBatchOnError: true,
      retryAttempts: ALERT_RETRY_ATTEMPTS,
      maxRecordAge: Duration.days(1),
      reportBatchItemFailures: true,
      onFailure: new lambdaEvents.SqsDlq(this.failureQueue),
      filters: [
        lambda.FilterCriteria.filter({
          eventName: lambda.FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { [props.table.typeAttribute]: { S: lambda.FilterRule.isEqual('article') } } },
        }),
      ],
    });

    this.digest = new NewsFunction(this, 'Digest', {
      ...props.functions,
      handler: 'digest',
      description: 'news-monitor: sends the digest of alerts for digest subscribers',
      timeout: Duration.seconds(120),
      memorySize: 256,
    });
    bindTable(this.digest, props.table.table, 'read', props.table.indexNames);
    bindTopic(this.digest, this.topic, props.keyNeedsGrant ? props.key : undefined);
    this.digestSchedule = new scheduler.Schedule(this, 'DigestSchedule', {
      description: 'news-monitor: digest of alerts',
      schedule: scheduler.ScheduleExpression.expression(props.digestSchedule),
      // The period ends at the scheduled time, not at the moment the function runs: consecutive
      // digests tile without gaps or overlaps, and a retried invocation covers the same period.
      target: scheduledInvoke(this.digest, {
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
        input: scheduler.ScheduleTargetInput.fromObject({ until: scheduler.ContextAttribute.scheduledTime }),
      }),
    });
  }
}

// The construct-id suffix of a subscription (in shared/: local webhook delivery keys its pending items by it too).
export { subscriptionKey };
