import { Annotations, CfnOutput, RemovalPolicy, Stack, Tags, type StackProps } from 'aws-cdk-lib';
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
    const functions: FunctionSettings = { configJson: JSON.stringify(config), logRemovalPolicy: removalPolicy };

    this.table = new ArticleTable(this, 'Articles', { design: props.tableDesign ?? tableDesign, removalPolicy });
    const key = new kms.Key(this, 'TopicKey', {
      description: 'news-monitor: encrypts the alerts and ops SNS topics',
      enableKeyRotation: true,
      removalPolicy,
    });
    this.ingestion = new FeedIngestion(this, 'Ingestion', { table: this.table, functions, intervalMinutes: config.intervalMinutes, ingestConcurrency: props.ingestConcurrency });
    this.alerting = new Alerting(this, 'Alerting', {
      table: this.table,
      functions,
      key,
      subscriptions: config.subscriptions.map((sub) => ({ sub, filterPolicy: filterPolicyFor(sub) })),
      digestSchedule: config.digestSchedule,
    });
    this.queryApi = new QueryApi(this, 'QueryApi', { table: this.table, functions });
    this.operations = new Operations(this, 'Operations', {
      functions: {
        Dispatch: this.ingestion.dispatch,
        Ingest: this.ingestion.ingest,
        Alert: this.alerting.alert,
        Digest: this.alerting.digest,
        Query: this.queryApi.query,
      },
      feedQueue: this.ingestion.queue,
      feedDeadLetterQueue: this.ingestion.deadLetterQueue,
      alertFailureQueue: this.alerting.failureQueue,
      alertsTopic: this.alerting.topic,
      streamFunction: this.alerting.alert,
      key,
      opsEmail: config.opsEmail,
      intervalMinutes: config.intervalMinutes,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.queryApi.url, description: 'Query API base URL (SigV4, service execute-api)' });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'AlertsTopicArn', { value: this.alerting.topic.topicArn });
    new CfnOutput(this, 'OpsTopicArn', { value: this.operations.topic.topicArn });
    new CfnOutput(this, 'FeedDeadLetterQueueUrl', { value: this.ingestion.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'DashboardUrl', {
      value: `https://${this.region}.console.aws.amazon.com/cloudwatch/home?region=${this.region}#dashboards/dashboard/${this.operations.dashboard.dashboardName}`,
    });
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
