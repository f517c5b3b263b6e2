// Scheduled by EventBridge Scheduler every config.intervalMinutes: one SQS message per feed.
import { bundledConfig } from './lib/config';
import { requireEnv } from '../shared/clients/env';
import { dispatchFeeds } from './lib/dispatch-feeds';
import { count, logger, observed } from './lib/observability';
import { sqsClient } from '../shared/clients/sqs';

const config = bundledConfig();
const queueUrl = requireEnv('QUEUE_URL');

/** Queues every configured feed for the ingest function. */
export const handler = observed('dispatch', async () => {
  const { queued } = await dispatchFeeds(config.feeds, { client: sqsClient(), queueUrl });
  count('FeedsDispatched', queued);
  logger.info('feeds queued', { queued });
  return { queued };
});
