// Reads the table's stream (INSERTs of article items only, filtered by the CDK mapping) and sends
// the alerts the new articles deserve.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
// Straight from the modules, not the shared/alerts index: that would bring the rule compiler and the
// gazetteer into the bundle, which the rules compiled at synth do not need.
import { SnsPublisher } from '../shared/alerts/sns';
import { alertOnStreamRecords } from '../shared/alerts/stream';
import { dynamoClient } from '../shared/clients/dynamo';
import { requireEnv } from '../shared/clients/env';
import { snsClient } from '../shared/clients/sns';
import { ArticleStore } from '../shared/store';
import { trendStoreOf } from '../shared/store/counters';
import { trendPassOnStream } from '../shared/trends/stream';
import { bundledConfig, bundledRules } from './lib/config';
import { logger, observed, recordAlerts } from './lib/observability';

const config = bundledConfig();
const rules = bundledRules();
const store = new ArticleStore({ client: dynamoClient(), tableName: requireEnv('TABLE_NAME'), retentionDays: config.retentionDays });
const publisher = new SnsPublisher({ client: snsClient(), topicArn: requireEnv('TOPIC_ARN') });
const trends = trendStoreOf(store);

/** Alerts on a batch of new articles; records that fail are returned for retry (ReportBatchItemFailures). */
export const handler = observed('alert', async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const r = await alertOnStreamRecords(event.Records, {
    rules,
    store,
    publisher,
    onError: (record, err) => logger.error('alerting on a stream record failed; it will be retried', { sequenceNumber: record.dynamodb?.SequenceNumber, error: err as Error }),
  });
  // Trends: count the batch and judge spike, watch and novelty rules. If that fails the whole batch
  // is retried: claims make the retry send nothing twice and stories count once (articles may count twice).
  try {
    const t = await trendPassOnStream(event.Records, { rules, trends, store, publisher, now: new Date() });
    r.sent += t.sent;
  } catch (err) {
    logger.error('the trend pass failed; the batch will be retried', { error: err as Error });
    return { batchItemFailures: event.Records.map((x) => ({ itemIdentifier: x.dynamodb?.SequenceNumber ?? x.eventID ?? '' })) };
  }
  recordAlerts(r);
  logger.info('alerts', { records: event.Records.length, sent: r.sent, suppressed: r.suppressed, ignored: r.ignored, failed: r.response.batchItemFailures.length });
  return r.response;
});
