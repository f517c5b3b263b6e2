import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bindTopic } from '../bind';
import { METRICS_NAMESPACE, MetricNames, SERVICE_NAME, type MetricName } from '../../functions/lib/names';
import type { Profile } from '../profile';
import { NewsFunction, type FunctionSettings } from './news-function';

export interface OperationsProps {
  /** The functions to watch, by the name used in alarm and widget titles. */
  readonly functions: Readonly<Record<string, NewsFunction>>;
  readonly feedQueue: sqs.IQueue;
  readonly feedDeadLetterQueue: sqs.IQueue;
  /** The alert function's on-failure destination. */
  readonly alertFailureQueue: sqs.IQueue;
  readonly alertsTopic: sns.ITopic;
  /** The function reading the table stream (its IteratorAge is the alert lag). */
  readonly streamFunction: NewsFunction;
  /**
   * The stack's customer-managed key: the ops topic shares it, and CloudWatch alarms must be able to
   * use it. @default - none (lean): the ops topic uses alias/aws/sns, which CloudWatch cannot
   * publish to, so alarms invoke a small notify function that publishes for them
   */
  readonly key?: kms.Key;
  /** The webhook function's dead-letter queue. @default - no webhooks, no alarm */
  readonly webhookDeadLetterQueue?: sqs.IQueue;
  /** `lean` keeps only the alarms that tell an operator data is being lost, and no dashboard. @default 'standard' */
  readonly profile?: Profile;
  /** Settings of the notify function (lean). */
  readonly functionSettings: FunctionSettings;
  /** @default - no email subscription (alarms still show in the console) */
  readonly opsEmail?: string;
  /** config.intervalMinutes: a "feeds failing" period spans at least one pass. */
  readonly intervalMinutes: number;
  /** Consecutive periods with a failed feed before the alarm fires. @default 3 */
  readonly failingFeedPeriods?: number;
}

/** An application metric (Powertools EMF, `service` dimension). */
export function appMetric(name: MetricName, period = Duration.minutes(5)): cloudwatch.Metric {
  return new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName: name, dimensionsMap: { service: SERVICE_NAME }, statistic: 'Sum', period });
}

/**
 * Alarms that mean data is being lost: a dead-lettered feed, alerts not sent, a paused feed, a
 * webhook delivery given up on. The lean profile keeps these and nothing else.
 */
export const ESSENTIAL_ALARMS = ['FeedDeadLetters', 'AlertFailures', 'AlertPublishFailures', 'FeedPaused', 'WebhookDeadLetters'] as const;

/** The ops topic, the alarms that publish to it, and (standard profile) a dashboard of the pipeline. */
export class Operations extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  /** @default - none in the lean profile */
  readonly dashboard?: cloudwatch.Dashboard;
  /** Lean profile: publishes alarm notifications to the ops topic for CloudWatch. */
  readonly notify?: NewsFunction;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const lean = props.profile === 'lean';
    this.topic = new sns.Topic(this, 'OpsTopic', {
      displayName: 'news-monitor operations',
      masterKey: props.key ?? kms.Alias.fromAliasName(this, 'SnsManagedKey', 'alias/aws/sns'),
      enforceSSL: true,
    });
    if (props.opsEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.opsEmail));
    let notify: cloudwatch.IAlarmAction;
    if (props.key) {
      // CloudWatch publishes alarm notifications as itself, so the topic key must let it encrypt. In a
      // key policy "*" means this key; the condition keeps other accounts' alarms out.
      props.key.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
        }),
      );
      notify = new actions.SnsAction(this.topic);
    } else {
      this.notify = new NewsFunction(this, 'Notify', {
        ...props.functionSettings,
        handler: 'notify',
        description: 'news-monitor: sends alarm notifications to the ops topic',
        timeout: Duration.seconds(10),
        memorySize: 128,
      });
      bindTopic(this.notify, this.topic);
      notify = new actions.LambdaAction(this.notify.fn, { useUniquePermissionId: true });
    }
    const alarm = (id: string, metric: cloudwatch.Metric, description: string, opts: Partial<cloudwatch.CreateAlarmOptions> = {}) => {
      if (lean && !(ESSENTIAL_ALARMS as readonly string[]).includes(id)) return undefined;
      const a = metric.createAlarm(this, id, {
        alarmDescription: description,
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        ...opts,
      });
      a.addAlarmAction(notify);
      this.alarms.push(a);
      return a;
    };

    alarm('FeedDeadLetters', props.feedDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(5) }),
      'Feed messages failed three times and were dead-lettered (the ingest function hit an unexpected error, e.g. the table). Inspect the DLQ, fix, then redrive it.');
    alarm('AlertFailures', props.alertFailureQueue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(5) }),
      'Stream batches the alert function could not process after retries: alerts for these articles were not sent. The messages name the stream records.');
    alarm('AlertPublishFailures', props.alertsTopic.metricNumberOfNotificationsFailed({ statistic: 'Sum', period: Duration.minutes(5) }),
      'SNS could not deliver alerts to a subscriber (SMS spend limit or sandbox, bounced email).');
    alarm('AlertLag', props.streamFunction.fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) }),
      'New articles wait more than 15 minutes before the alert function sees them.', { threshold: 15 * 60 * 1000, evaluationPeriods: 2 });
    const periods = props.failingFeedPeriods ?? 3;
    const passPeriod = Duration.minutes(Math.max(5, props.intervalMinutes));
    alarm('FeedsFailing', appMetric(MetricNames.FeedsFailed, passPeriod),
      `Some feed failed in ${periods} consecutive periods of ${passPeriod.toMinutes()} minutes. The ingest logs ("feed failed") name it; a feed failing for pauseFailingFeedAfterHours is paused.`,
      { evaluationPeriods: periods, datapointsToAlarm: periods });
    alarm('FeedPaused', appMetric(MetricNames.FeedsPaused, passPeriod),
      'A feed was paused after failing for pauseFailingFeedAfterHours: `news-monitor feeds` (or the ingest log "feed failed") names it; fix or remove it in the config.');
    if (props.webhookDeadLetterQueue) {
      alarm('WebhookDeadLetters', props.webhookDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(5) }),
        'Webhook deliveries failed after every retry (the endpoint was down, refused or too slow). The queued SNS events hold the alerts; redrive them to the webhook function once the endpoint works.');
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${name}Errors`, fn.fn.metricErrors({ period: Duration.minutes(5) }), `The ${name} function failed (an unexpected error; its log has the stack).`);
      alarm(`${name}Throttles`, fn.fn.metricThrottles({ period: Duration.minutes(5) }), `The ${name} function was throttled (account concurrency or its reservation).`);
    }

    if (lean) return;
    const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(1) });
    this.dashboard = dashboard;
    const fns = Object.entries(props.functions);
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Feeds per period', left: [appMetric(MetricNames.FeedsFetched), appMetric(MetricNames.FeedsNotModified), appMetric(MetricNames.FeedsSkipped), appMetric(MetricNames.FeedsFailed)], width: 8 }),
      new cloudwatch.GraphWidget({ title: 'Articles', left: [appMetric(MetricNames.ArticlesNew), appMetric(MetricNames.ArticlesDuplicate)], width: 8 }),
      new cloudwatch.GraphWidget({
        title: 'Alerts',
        left: [appMetric(MetricNames.AlertsSent), appMetric(MetricNames.AlertsSuppressed)],
        right: [props.alertsTopic.metricNumberOfNotificationsDelivered(), props.alertsTopic.metricNumberOfNotificationsFailed()],
        width: 8,
      }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Queues',
        left: [props.feedQueue.metricApproximateNumberOfMessagesVisible({ label: 'feed queue' }), props.feedDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ label: 'dead letters' }), props.alertFailureQueue.metricApproximateNumberOfMessagesVisible({ label: 'alert failures' })],
        right: [props.feedQueue.metricApproximateAgeOfOldestMessage({ label: 'oldest feed message (s)' })],
        width: 8,
      }),
      new cloudwatch.GraphWidget({ title: 'Function errors', left: fns.map(([n, f]) => f.fn.metricErrors({ label: n })), width: 8 }),
      new cloudwatch.GraphWidget({ title: 'Function duration p95', left: fns.map(([n, f]) => f.fn.metricDuration({ label: n, statistic: 'p95' })), width: 8 }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Alert lag (stream iterator age)', left: [props.streamFunction.fn.metric('IteratorAge', { statistic: 'Maximum' })], width: 8 }),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 16 }),
    );
  }
}
