// The clusterer's StoryIndex on the table: postings by word and time, profiles written conditionally
// on their version (single-item conditional writes only: dynalite has no transactions).
import { ConditionalCheckFailedException, PutItemCommand, QueryCommand, type AttributeValue, type DynamoDBClient } from '../clients/sdk/dynamodb';
import type { Posting, StoryIndex } from '../stories/assign';
import type { StoryProfile } from '../stories/profile';
import { batchGet, batchPut, type RetryPolicy } from './batch';
import { ttlAfter } from './instant';
import { ATTR, keys } from './keys';
import { keyOf } from './queries';
import { listedAtOf, listingPlace, POSTING_TTL_DAYS, postingFromItem, postingItem, storyFromItem, storyItem } from './story-items';

/** Postings read per word per lookup: the newest this many in the window (a common word's list is long). */
export const POSTINGS_PER_TERM = 40;
/** Listing places remembered (story id → the version read and where it is listed): enough for every open story of a busy process. */
const PLACES_KEPT = 20_000;

/** StoryIndex over one table. */
export class DynamoStoryIndex implements StoryIndex {
  // Where each story read or written by this process is listed, by version: a rewrite keeps the
  // place unless the story's last article moved it by a listing step (story-items.ts), so most
  // joins leave the byTime key alone. Unknown (another process wrote last): the place is recomputed.
  private readonly places = new Map<string, { version: number; listedAt: string | undefined }>();

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
    return new Map(
      items.flatMap((i) => {
        if (!i) return [];
        const p = storyFromItem(i);
        this.remember(p.id, p.version, listedAtOf(i));
        return [[p.id, p] as const];
      }),
    );
  }

  private remember(id: string, version: number, listedAt: string | undefined): void {
    this.places.delete(id);
    this.places.set(id, { version, listedAt });
    if (this.places.size > PLACES_KEPT) this.places.delete(this.places.keys().next().value!);
  }

  /** A PutItem conditional on the version read (or on the item being absent). */
  async putStory(p: StoryProfile, expectedVersion: number | undefined): Promise<boolean> {
    // Kept as long as the articles stored with it (TTL from the storage time, as theirs).
    const ttl = ttlAfter(this.deps.now(), this.deps.retentionDays);
    const values: Record<string, AttributeValue> | undefined = expectedVersion === undefined ? undefined : { ':v': { N: String(expectedVersion) } };
    const known = expectedVersion === undefined ? undefined : this.places.get(p.id);
    const listedAt = listingPlace(p, known && known.version === expectedVersion ? known.listedAt : undefined);
    try {
      await this.deps.client.send(
        new PutItemCommand({
          TableName: this.deps.tableName,
          Item: storyItem(p, ttl, listedAt),
          ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(#pk)' : '#ver = :v',
          ExpressionAttributeNames: expectedVersion === undefined ? { '#pk': ATTR.pk } : { '#ver': 'ver' },
          ExpressionAttributeValues: values,
        }),
      );
      this.remember(p.id, p.version, listedAt);
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
