// The alert function's work: the new-article records of a DynamoDB stream batch through the alert
// flow, with the records that failed reported for retry (ReportBatchItemFailures).
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { articleFromStreamImage } from '../store';
import { alertOnArticle, type AlertDeps } from './flow';

export interface StreamAlertResult {
  response: DynamoDBBatchResponse;
  sent: number;
  suppressed: number;
  /** Records that were not new articles (other item types, updates) and were passed over. */
  ignored: number;
}

/**
 * Alerts on each new article in the batch, in stream order. A record that fails is reported by its
 * sequence number; the ones after it are still tried (Lambda retries from the first failure, and
 * claims make the retry of the ones that succeeded harmless).
 */
export async function alertOnStreamRecords(records: DynamoDBRecord[], deps: AlertDeps & { onError?: (record: DynamoDBRecord, err: unknown) => void }): Promise<StreamAlertResult> {
  const result: StreamAlertResult = { response: { batchItemFailures: [] }, sent: 0, suppressed: 0, ignored: 0 };
  for (const record of records) {
    const image = record.dynamodb?.NewImage as Record<string, AttributeValue> | undefined;
    try {
      const article = record.eventName === 'INSERT' && image ? articleFromStreamImage(image) : undefined;
      if (!article) {
        result.ignored++;
        continue;
      }
      const r = await alertOnArticle(article, deps);
      result.sent += r.sent;
      result.suppressed += r.suppressed;
    } catch (err) {
      deps.onError?.(record, err);
      result.response.batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? record.eventID ?? '' });
    }
  }
  return result;
}
