// The clusterer's StoryIndex on the table: postings by word and time, profiles written conditionally
// on their version (single-item conditional writes only: dynalite has no transactions).
import { ConditionalCheckFailedException, PutItemCommand, QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Posting, StoryIndex } from '../stories/assign';
import type { StoryProfile } from '../stories/profile';
import { batchGet, batchPut, type RetryPolicy } from './batch';
import { ttlAfter } from './instant';
import { ATTR, keys } from './keys';
import { keyOf } from './queries';
import { POSTING_TTL_DAYS, postingFromItem, postingItem, storyFromItem, storyItem } from './story-items';

/** Postings read per word per lookup: the newest this many in the window (a common word's list is long). */
const POSTINGS_PER_TERM = 40;

/** StoryIndex over one table. */
export class DynamoStoryIndex implements StoryIndex {
  constructor(
    private readonly deps: { client: DynamoDBClient; tableName: string; retry: RetryPolicy; retentionDays: number; now: () => Date },
  ) {}

  /** One Query per word: the newest postings inside [from, to]. */
  async findPostings(terms: string[], from: string, to: string, consistent: boolean): Promise<Posting[]> {
    const pages = await Promise.all(
      terms.map((t) =>
        this.deps.client.send(
          new QueryCommand({
            TableName: this.deps.tableName,
            KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :lo AND :hi',
            ExpressionAttributeNames: { '#pk': ATTR.pk, '#sk': ATTR.sk },
            ExpressionAttributeValues: { ':pk': { S: keys.termPostings(t) }, ':lo': { S: from }, ':hi': { S: `${to}#~` } },
            ScanIndexForward: false,
            Limit: POSTINGS_PER_TERM,
            ConsistentRead: consistent,
          }),
        ),
      ),
    );
    return pages.flatMap((p) => (p.Items ?? []).map(postingFromItem));
  }

  /** One BatchGetItem for all the profiles. */
  async getStories(ids: string[], consistent: boolean): Promise<Map<string, StoryProfile>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const items = await batchGet(this.deps.client, this.deps.tableName, unique.map((id) => keyOf(keys.story(id))), this.deps.retry, { consistent });
    return new Map(items.flatMap((i) => (i ? [[i.id?.S ?? '', storyFromItem(i)] as const] : [])));
  }

  /** A PutItem conditional on the version read (or on the item being absent). */
  async putStory(p: StoryProfile, expectedVersion: number | undefined): Promise<boolean> {
    // Kept as long as the articles stored with it (TTL from the storage time, as theirs).
    const ttl = ttlAfter(this.deps.now(), this.deps.retentionDays);
    const values: Record<string, AttributeValue> | undefined = expectedVersion === undefined ? undefined : { ':v': { N: String(expectedVersion) } };
    try {
      await this.deps.client.send(
        new PutItemCommand({
          TableName: this.deps.tableName,
          Item: storyItem(p, ttl),
          ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(#pk)' : '#ver = :v',
          ExpressionAttributeNames: expectedVersion === undefined ? { '#pk': ATTR.pk } : { '#ver': 'ver' },
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  /** The postings of one story, in one BatchWriteItem. */
  async post(storyId: string, terms: string[], at: string, founder: Record<string, number>): Promise<void> {
    const ttl = ttlAfter(this.deps.now(), POSTING_TTL_DAYS);
    await batchPut(this.deps.client, this.deps.tableName, terms.map((t) => postingItem(t, storyId, at, founder, ttl)), this.deps.retry);
  }
}
