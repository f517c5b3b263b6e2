// The scheduled fan-out: one SQS message per configured feed, sent ten at a time (the SQS batch limit).
import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from '../../shared/clients/sdk/sqs';
import type { FeedConfig } from '../../shared/model';
import { feedMessageBody } from './feed-messages';

/** SendMessageBatch takes at most ten entries. */
export const SQS_BATCH_LIMIT = 10;

/** Some feeds could not be queued even after a retry; the message names how many and why. */
export class DispatchError extends Error {
  override name = 'DispatchError';
  constructor(
    readonly failedFeeds: string[],
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`${failedFeeds.length} feed message(s) could not be queued: ${reason}`, options);
  }
}

export interface DispatchDeps {
  client: SQSClient;
  queueUrl: string;
}

/**
 * Queues one message per feed. Entries SQS reports as failed are retried once; any still failing
 * make the call throw, so the scheduler's retry and the error alarm see it (a feed queued twice is
 * harmless: articles are stored by conditional write).
 */
export async function dispatchFeeds(feeds: FeedConfig[], deps: DispatchDeps): Promise<{ queued: number }> {
  let queued = 0;
  const stillFailing: { feed: FeedConfig; reason: string }[] = [];
  for (let i = 0; i < feeds.length; i += SQS_BATCH_LIMIT) {
    const chunk = feeds.slice(i, i + SQS_BATCH_LIMIT);
    let pending = chunk.map((feed, j) => ({ feed, entry: { Id: `feed-${i + j}`, MessageBody: feedMessageBody(feed) } satisfies SendMessageBatchRequestEntry }));
    for (let attempt = 0; attempt < 2 && pending.length; attempt++) {
      const res = await deps.client.send(new SendMessageBatchCommand({ QueueUrl: deps.queueUrl, Entries: pending.map((p) => p.entry) }));
      queued += res.Successful?.length ?? 0;
      const failed = new Map((res.Failed ?? []).map((f) => [f.Id, f.Message ?? f.Code ?? 'unknown error']));
      const next = pending.filter((p) => failed.has(p.entry.Id));
      if (attempt === 1) for (const p of next) stillFailing.push({ feed: p.feed, reason: failed.get(p.entry.Id)! });
      pending = next;
    }
  }
  if (stillFailing.length) throw new DispatchError(stillFailing.map((f) => f.feed.url), stillFailing[0]!.reason);
  return { queued };
}
