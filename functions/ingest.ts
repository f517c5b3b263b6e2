// Reads the feed queue: each message names one feed to read, tag and store.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { bundledConfig } from './lib/config';
import { dynamoClient } from '../shared/clients/dynamo';
import { requireEnv } from '../shared/clients/env';
import { ingestFeed } from '../shared/pipeline';
import { ArticleStore } from '../shared/store';
import { ingestFeedMessages, tallyOutcomes } from './lib/feed-messages';
import { count, logger, observed } from './lib/observability';

const config = bundledConfig();
const store = new ArticleStore({ client: dynamoClient(), tableName: requireEnv('TABLE_NAME'), retentionDays: config.retentionDays });

/** Ingests a batch of feed messages and reports the ones to retry (ReportBatchItemFailures). */
export const handler = observed('ingest', async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const { response, outcomes } = await ingestFeedMessages(event.Records, {
    feeds: config.feeds,
    ingest: (feed) => ingestFeed(feed, { store, config }),
    log: logger,
  });
  const t = tallyOutcomes(outcomes);
  count('FeedsFetched', t.fetched);
  count('FeedsNotModified', t.notModified);
  count('FeedsSkipped', t.skipped);
  count('FeedsFailed', t.failed);
  count('FeedsPaused', t.paused);
  count('ArticlesNew', t.fresh);
  count('ArticlesDuplicate', t.duplicates);
  return response;
});
