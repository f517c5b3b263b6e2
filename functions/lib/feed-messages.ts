// The SQS side of ingestion: one message per feed, processed concurrently within a small batch,
// with partial batch failures so one bad message never re-runs the feeds that went well.
import type { SQSBatchItemFailure, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import type { FeedConfig } from '../../shared/model';
import type { IngestOutcome } from '../../shared/pipeline';

/** The body of a feed message: the feed as the config names it. */
export type FeedMessage = FeedConfig;

/** Serialises a feed into a message body (the dispatch side). */
export function feedMessageBody(feed: FeedConfig): string {
  return JSON.stringify({ url: feed.url, name: feed.name });
}

export interface FeedMessageLog {
  info(message: string, extra: Record<string, unknown>): void;
  warn(message: string, extra: Record<string, unknown>): void;
  error(message: string, extra: Record<string, unknown>): void;
}

export interface IngestMessagesDeps {
  /** The configured feeds: a message naming any other URL is dropped, so a forged message cannot make the function fetch it. */
  feeds: FeedConfig[];
  ingest: (feed: FeedConfig) => Promise<IngestOutcome>;
  log: FeedMessageLog;
}

export interface IngestMessagesResult {
  response: SQSBatchResponse;
  outcomes: IngestOutcome[];
  /** Messages dropped because they do not name a configured feed (retrying would not help). */
  dropped: number;
}

/**
 * Ingests each feed message of a batch. A feed that cannot be read is an outcome (its state records
 * the failure and backoff), not a batch failure; only an unexpected error (such as the table being
 * unreachable) returns the message to the queue, to be retried and, after three receives, dead-lettered.
 */
export async function ingestFeedMessages(records: SQSRecord[], deps: IngestMessagesDeps): Promise<IngestMessagesResult> {
  const byUrl = new Map(deps.feeds.map((f) => [f.url, f]));
  // Messages naming the same feed (a retried dispatch, two passes queued behind a slow one) are
  // read once: they share the outcome, and a failure returns all of them.
  const work = new Map<string, { feed: FeedConfig; messageIds: string[] }>();
  let dropped = 0;
  for (const record of records) {
    const feed = configuredFeed(record.body, byUrl);
    if (!feed) {
      dropped++;
      deps.log.warn('dropped a message that names no configured feed', { messageId: record.messageId, body: record.body.slice(0, 200) });
      continue;
    }
    const w = work.get(feed.url) ?? { feed, messageIds: [] };
    w.messageIds.push(record.messageId);
    work.set(feed.url, w);
  }
  const failures: SQSBatchItemFailure[] = [];
  const outcomes: IngestOutcome[] = [];
  await Promise.all(
    [...work.values()].map(async ({ feed, messageIds }) => {
      try {
        const outcome = await deps.ingest(feed);
        outcomes.push(outcome);
        const summary = { feed: feed.url, status: outcome.status, new: outcome.fresh.length, duplicates: outcome.duplicates };
        if (outcome.status === 'failed') deps.log.warn('feed failed', { ...summary, error: outcome.error });
        else deps.log.info('feed ingested', { ...summary, ...(outcome.error ? { reason: outcome.error } : {}) });
      } catch (err) {
        for (const id of messageIds) failures.push({ itemIdentifier: id });
        deps.log.error('feed message will be retried', { feed: feed.url, messageIds, error: describe(err) });
      }
    }),
  );
  return { response: { batchItemFailures: failures }, outcomes, dropped };
}

/** Counts per status and articles, for the metrics. */
export function tallyOutcomes(outcomes: IngestOutcome[]): { fetched: number; notModified: number; skipped: number; failed: number; paused: number; fresh: number; duplicates: number } {
  const t = { fetched: 0, notModified: 0, skipped: 0, failed: 0, paused: 0, fresh: 0, duplicates: 0 };
  for (const o of outcomes) {
    if (o.status === 'ok') t.fetched++;
    else if (o.status === 'not-modified') t.notModified++;
    else if (o.status === 'skipped') t.skipped++;
    else t.failed++;
    if (o.pausedNow) t.paused++;
    t.fresh += o.fresh.length;
    t.duplicates += o.duplicates;
  }
  return t;
}

function configuredFeed(body: string, byUrl: Map<string, FeedConfig>): FeedConfig | undefined {
  try {
    const url = (JSON.parse(body) as { url?: unknown }).url;
    return typeof url === 'string' ? byUrl.get(url) : undefined;
  } catch {
    return undefined;
  }
}

function describe(err: unknown): Record<string, unknown> {
  return err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { message: String(err) };
}
