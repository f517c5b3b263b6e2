// The trend pass in the cloud: the alert function runs it on each stream batch's new articles,
// after their per-story alerts (docs/ARCHITECTURE.md "Trends and surges").
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { TaggedArticle } from '../model';
import { articleFromStreamImage } from '../store/stream';
import { trendPass, type TrendPassDeps, type TrendPassResult } from './pass';

/** The new articles of a stream batch (INSERTs of article items), in stream order. */
export function newArticlesOf(records: readonly DynamoDBRecord[]): TaggedArticle[] {
  const out: TaggedArticle[] = [];
  for (const r of records) {
    const image = r.dynamodb?.NewImage as Record<string, AttributeValue> | undefined;
    const a = r.eventName === 'INSERT' && image ? articleFromStreamImage(image) : undefined;
    if (a) out.push(a);
  }
  return out;
}

/** Counts a stream batch's new articles and judges the surge and novelty rules on them. */
export function trendPassOnStream(records: readonly DynamoDBRecord[], deps: TrendPassDeps): Promise<TrendPassResult> {
  return trendPass(newArticlesOf(records), deps);
}
