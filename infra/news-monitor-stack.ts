import { Annotations, CfnOutput, RemovalPolicy, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { filterPolicyFor } from '../shared/alerts';
import { ConfigError } from '../shared/config';
import type { Config } from '../shared/model';
import { tableDesign } from '../shared/store/keys';
import { Alerting, subscriptionKey } from './constructs/alerting';
import { ArticleTable, type TableDesign } from './constructs/article-table';
import { FeedIngestion } from './constructs/feed-ingestion';
import type { FunctionSettings } from './constructs/news-function';
import { Operations } from './constructs/operations';
import { QueryApi } from './constructs/query-api';
import { WebhookDelivery } from './constructs/webhook-delivery';
import type { Profile } from './profile';

export interface NewsMonitorStackProps extends StackProps {
  /** The validated config (shared/config loadConfig): feeds, rules, subscriptions, schedules. */
  readonly config: Config;
  /** Names the config in error messages. @default "config" */
  readonly configSource?: string;
  /**
   * Delete the table, the topic key and the log groups with the stack (dev stacks). Set with
   * `-c destroyData=true`. @default false (they are retained)
   */
  readonly destroyData?: boolean;
  /** Feeds read at once. @default 5 */
  readonly ingestConcurrency?: number;
  /** @default tableDesign from shared/store/keys.ts */
  readonly tableDesign?: TableDesign;
  /** What is deployed around the pipeline (infra/profile.ts). @default 'standard' */
  readonly profile?: Profile;
}

/**
 * The whole pipeline in one stack: schedule → dispatch → feed queue → ingest → table → stream →
 * alert → SNS, the digest, the query API, and the alarms and dashboard that watch them.
 */
export class NewsMonitorStack extends Stack {
  readonly table: ArticleTable;
  readonly ingestion: FeedIngestion;
  readonly alerting: Alerting;
  readonly queryApi: QueryApi;
  readonly operations: Operations;
  /** The webhook function and its subscriptions. @default - none when the config has no webhook */
  readonly webhooks?: WebhookDelivery;
  /** The customer-managed key of topics and log groups. @default - none in the lean profile */
  readonly key?: kms.Key;

  constructor(scope: Construct, id: string, props: NewsMonitorStackProps) {
    super(scope, id, props);
    const { config } = props;
    checkSubscriptions(config, props.configSource ?? 'config');
    config.feeds.forEach((f, i) => {
      if (f.url.startsWith('file:')) Annotations.of(this).addWarningV2('news-monitor:file-feed', `feeds[${i}] (${f.name}) is a file: URL, which a Lambda function cannot read; it will fail on every pass`);
    });
    // One tag on every resource that takes tags: activate it as a cost allocation tag to see the bill.
    Tags.of(this).add('application', 'news-monitor');
    const removalPolicy = props.destroyData ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    const lean = props.profile === 'lean';
    // The lean profile goes without the customer-managed key ($1 a month): topics use alias/aws/sns,
    // log groups CloudWatch Logs' own encryption (docs/DEPLOY.md, "Profiles").
    const key = lean ? undefined : this.topicAndLogKey(removalPolicy);
    this.key = key;
    const functions: FunctionSettings = { configJson: JSON.stringify(config), logRemovalPolicy: removalPolicy, logEncryptionKey: key, metrics: lean ? 'essential' : 'all' };

    this.table = new ArticleTable(this, 'Articles', { design: props.tableDesign ?? tableDesign, removalPolicy });
    this.ingestion = new FeedIngestion(this, 'Ingestion', { table: this.table, functions, intervalMinutes: config.intervalMinutes, ingestConcurrency: props.ingestConcurrency });
    this.alerting = new Alerting(this, 'Alerting', {
      table: this.table,
      functions,
      key: key ?? kms.Alias.fromAliasName(this, 'SnsManagedKey', 'alias/aws/sns'),
      keyNeedsGrant: key !== undefined,
      subscriptions: config.subscriptions.map((sub) => ({ sub, filterPolicy: filterPolicyFor(sub) })),
      digestSchedule: config.digestSchedule,
    });
    const webhooks = config.subscriptions.map((sub, index) => ({ sub, index })).filter((w) => w.sub.protocol === 'webhook');
    if (webhooks.length) {
      this.webhooks = new WebhookDelivery(this, 'Webhooks', {
        topic: this.alerting.topic,
        functions,
        webhooks: webhooks.map((w) => ({ ...w, filterPolicy: filterPolicyFor(w.sub) })),
        secretParameterPrefix: `/news-monitor/${this.stackName}/`,
      });
    }
    this.queryApi = new QueryApi(this, 'QueryApi', { table: this.table, functions });
    this.operations = new Operations(this, 'Operations', {
      functions: {
        Dispatch: this.ingestion.dispatch,
        Ingest: this.ingestion.ingest,
        Alert: this.alerting.alert,
        Digest: this.alerting.digest,
        Query: this.queryApi.query,
        ...(this.webhooks ? { Webhook: this.webhooks.fn } : {}),
      },
      feedQueue: this.ingestion.queue,
      feedDeadLetterQueue: this.ingestion.deadLetterQueue,
      alertFailureQueue: this.alerting.failureQueue,
      alertsTopic: this.alerting.topic,
      streamFunction: this.alerting.alert,
      key,
      opsEmail: config.opsEmail,
      intervalMinutes: config.intervalMinutes,
      webhookDeadLetterQueue: this.webhooks?.deadLetterQueue,
      profile: props.profile,
      functionSettings: functions,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.queryApi.url, description: 'Query API base URL (SigV4, service execute-api)' });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'AlertsTopicArn', { value: this.alerting.topic.topicArn });
    new CfnOutput(this, 'OpsTopicArn', { value: this.operations.topic.topicArn });
    new CfnOutput(this, 'FeedDeadLetterQueueUrl', { value: this.ingestion.deadLetterQueue.queueUrl });
    if (this.webhooks) new CfnOutput(this, 'WebhookDeadLetterQueueUrl', { value: this.webhooks.deadLetterQueue.queueUrl });
    if (this.operations.dashboard) {
      new CfnOutput(this, 'DashboardUrl', {
        value: `https://${this.region}.console.aws.amazon.com/cloudwatch/home?region=${this.region}#dashboards/dashboard/${this.operations.dashboard.dashboardName}`,
      });
    }
  }

  /**
   * The customer-managed key of the topics and log groups (the construct id keeps its first name,
   * TopicKey: renaming it would replace the key). Its policy lets CloudWatch Logs use it for this
   * account's log groups only, and (CT.KMS.PR.3) lets no one create grants except for AWS services.
   */
  private topicAndLogKey(removalPolicy: RemovalPolicy): kms.Key {
    const key = new kms.Key(this, 'TopicKey', {
      description: 'news-monitor: encrypts the alerts and ops SNS topics and the log groups',
      enableKeyRotation: true,
      removalPolicy,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*` } },
      }),
    );
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
      }),
    );
    return key;
  }
}

/** SNS keeps one subscription per protocol and endpoint on a topic; a second one would fail the deploy. */
function checkSubscriptions(config: Config, source: string): void {
  const seen = new Map<string, number>();
  const problems: string[] = [];
  config.subscriptions.forEach((s, i) => {
    const k = subscriptionKey(s);
    const first = seen.get(k);
    if (first !== undefined) problems.push(`subscriptions[${i}].endpoint: ${s.endpoint} is already subscribed by subscriptions[${first}]; SNS allows one ${s.protocol} subscription per endpoint, so merge their rules`);
    else seen.set(k, i);
  });
  if (problems.length) throw new ConfigError(source, problems);
}
