import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { subscriptionKey } from '../../shared/alerts/subscriptions';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_SECONDS } from '../../shared/delivery/deliver';
import { hookAliasName } from '../../shared/delivery/cloud';
import type { SubscriptionConfig } from '../../shared/model';
import { NewsFunction, type FunctionSettings } from './news-function';

export interface WebhookDeliveryProps {
  /** The alerts topic. */
  readonly topic: sns.ITopic;
  readonly functions: FunctionSettings;
  /** The config's webhook subscriptions, with their position in the config and their filter policy. */
  readonly webhooks: readonly { readonly sub: SubscriptionConfig; readonly index: number; readonly filterPolicy: Record<string, unknown> }[];
  /** SSM parameter names of the secrets: PREFIX + secretEnv (SecureString, created by the operator). */
  readonly secretParameterPrefix: string;
}

/**
 * The webhook function, subscribed to the alerts topic once per webhook subscription with that
 * subscription's filter policy. SNS keeps one subscription per endpoint, so each webhook subscribes
 * its own alias of the function (`hook-<key>`); the alias an invocation came through names the
 * webhook. Secrets are SSM SecureString parameters read at run time, never in the bundle or the
 * environment. An invocation that still fails after Lambda's two asynchronous retries goes, with its
 * SNS event, to the dead-letter queue (alarmed in Operations).
 */
export class WebhookDelivery extends Construct {
  readonly fn: NewsFunction;
  readonly deadLetterQueue: sqs.Queue;
  readonly aliases: lambda.Alias[] = [];

  constructor(scope: Construct, id: string, props: WebhookDeliveryProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      redriveAllowPolicy: { redrivePermission: sqs.RedrivePermission.ALLOW_ALL },
    });
    // Every attempt of one invocation: timeouts are not retried, other failures up to DEFAULT_RETRY.
    const slowest = Math.max(...props.webhooks.map((w) => w.sub.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS));
    this.fn = new NewsFunction(this, 'Webhook', {
      ...props.functions,
      handler: 'webhook',
      description: 'news-monitor: delivers alerts to webhook subscriptions (Slack, Teams, signed JSON)',
      timeout: Duration.seconds(Math.min(900, Math.ceil(slowest * DEFAULT_RETRY.attempts + (DEFAULT_RETRY.maxDelayMs / 1000) * 2 + 5))),
      memorySize: 256,
      deadLetterQueue: this.deadLetterQueue,
    });
    this.fn.addEnvironment('WEBHOOK_SECRET_PREFIX', props.secretParameterPrefix);
    const secrets = [...new Set(props.webhooks.map((w) => w.sub.secretEnv).filter((s): s is string => !!s))];
    if (secrets.length) {
      // SecureString parameters under alias/aws/ssm: its key policy lets this account decrypt through SSM.
      this.fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['ssm:GetParameter'],
          resources: secrets.map((name) => `arn:${stack.partition}:ssm:${stack.region}:${stack.account}:parameter${props.secretParameterPrefix}${name}`),
        }),
      );
    }
    const version = this.fn.fn.currentVersion;
    for (const { sub, filterPolicy } of props.webhooks) {
      const key = subscriptionKey(sub);
      const alias = new lambda.Alias(this, `Hook-${key}`, { aliasName: hookAliasName(key), version });
      alias.addPermission('FromAlertsTopic', {
        principal: new iam.ServicePrincipal('sns.amazonaws.com'),
        sourceArn: props.topic.topicArn,
        sourceAccount: stack.account,
      });
      const subscription = new sns.CfnSubscription(this, `Subscription-${key}`, {
        topicArn: props.topic.topicArn,
        protocol: 'lambda',
        // The alias's ARN written out (function ARN + ":" + alias name): CloudFormation's template
        // check expects a function behind a "lambda" endpoint and warns on a reference to an alias.
        endpoint: `${this.fn.fn.functionArn}:${alias.aliasName}`,
        filterPolicyScope: 'MessageAttributes',
        filterPolicy,
      });
      subscription.node.addDependency(alias);
      this.aliases.push(alias);
    }
  }
}
