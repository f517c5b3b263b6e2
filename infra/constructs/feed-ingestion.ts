import { Duration } from 'aws-cdk-lib';
import * as lambdaEvents from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bindQueue, bindTable } from '../bind';
import type { ArticleTable } from './article-table';
import { NewsFunction, scheduledInvoke, type FunctionSettings } from './news-function';

export interface FeedIngestionProps {
  readonly table: ArticleTable;
  readonly functions: FunctionSettings;
  /** Minutes between scheduled passes (config.intervalMinutes). */
  readonly intervalMinutes: number;
  /** Feeds read at once across the account, so a big feed list never hammers one site (2 or more: the SQS poller's minimum). @default 5 */
  readonly ingestConcurrency?: number;
}

/**
 * Feed messages a single ingest invocation takes. The feeds of a batch are read concurrently, so
 * the invocation lasts about as long as its slowest feed (each has a 20 s deadline): ten share the
 * billed time of waiting on the network. shared/cost assumes the same (a test keeps them equal).
 */
export const INGEST_BATCH_SIZE = 10;
/** Ingest memory: tagging takes ~0.1 ms of CPU an article, so most of the time is network wait. */
export const INGEST_MEMORY_MB = 512;
/** Receives before a feed message is dead-lettered. */
export const MAX_RECEIVE_COUNT = 3;

/**
 * Schedule → dispatch → feed queue (with a dead-letter queue) → ingest → table. One message per
 * feed, so a slow or broken feed never holds up the others.
 */
export class FeedIngestion extends Construct {
  readonly dispatch: NewsFunction;
  readonly ingest: NewsFunction;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: FeedIngestionProps) {
    super(scope, id);
    const concurrency = Math.max(2, props.ingestConcurrency ?? 5);
    const ingestTimeout = Duration.seconds(90);

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      // Declares it a dead-letter queue (CT.SQS.PR.1 asks every other queue for one of its own).
      // byQueue naming the feed queue would make the two queues reference each other.
      redriveAllowPolicy: { redrivePermission: sqs.RedrivePermission.ALLOW_ALL },
    });
    this.queue = new sqs.Queue(this, 'FeedQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS's advice for a Lambda event source: at least six times the function's timeout, so a
      // message is not handed out again while a slow invocation still works on it.
      visibilityTimeout: Duration.seconds(ingestTimeout.toSeconds() * 6),
      // A message older than a few passes is stale: the next pass queues the feed again.
      retentionPeriod: Duration.hours(6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    this.dispatch = new NewsFunction(this, 'Dispatch', {
      ...props.functions,
      handler: 'dispatch',
      description: 'news-monitor: queues one message per configured feed',
      timeout: Duration.seconds(30),
      memorySize: 128,
    });
    bindQueue(this.dispatch, this.queue);

    this.ingest = new NewsFunction(this, 'Ingest', {
      ...props.functions,
      handler: 'ingest',
      description: 'news-monitor: reads, tags and stores one feed per message',
      timeout: ingestTimeout,
      memorySize: INGEST_MEMORY_MB,
      reservedConcurrentExecutions: concurrency,
    });
    bindTable(this.ingest, props.table.table, 'readWrite', props.table.indexNames);
    this.ingest.fn.addEventSource(
      new lambdaEvents.SqsEventSource(this.queue, {
        batchSize: INGEST_BATCH_SIZE,
        reportBatchItemFailures: true,
        // The poller's own limit, equal to the reserved concurrency: without it the poller would
        // invoke beyond the reservation, get throttled, and burn the message's three receives.
        maxConcurrency: concurrency,
      }),
    );

    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: `news-monitor: a pass every ${props.intervalMinutes} minutes`,
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(props.intervalMinutes)),
      // A missed pass is not worth replaying late: the next one comes within the interval.
      target: scheduledInvoke(this.dispatch, { retryAttempts: 2, maxEventAge: Duration.minutes(Math.max(1, Math.min(props.intervalMinutes, 60))) }),
    });
  }
}
