// Storing articles in as few requests as their guarantees allow (docs/STORE.md, "Identity and
// idempotence"): one BatchGetItem of the markers, one conditional PutItem per unknown article (it
// alone decides 'new'), then the listing items of every article of the call together, then their
// markers together. A crash at any point leaves main items without markers, which a later call repairs.
import { ConditionalCheckFailedException, PutItemCommand, type DynamoDBClient } from '../clients/sdk/dynamodb';
import type { TaggedArticle } from '../model';
import type { Item } from './attr';
import { articleFromItem, articleItem, articleMonth, indexedMarker, listingInstant, listingItems } from './article-items';
import type { StoryAssigner } from '../stories/assign';
import { pendingItem } from './pending-items';
import { storyMemberItem } from './story-items';
import { batchGet, batchPut, type RetryPolicy } from './batch';
import { StoreError } from './errors';
import { ttlAfter } from './instant';
import { ATTR, keys } from './keys';
import { eachLimit } from './pool';
import { keyOf } from './queries';

/** What storing one article came to. */
export type PutVerdict = 'new' | 'duplicate';

/** What the writer needs from the store. */
export interface ArticleWriterDeps {
  client: DynamoDBClient;
  tableName: string;
  retry: RetryPolicy;
  retentionDays: number;
  /** Adds months to the article month registry (one request for all that are not yet known). */
  registerMonths(months: string[]): Promise<void>;
  /** Puts each new article in its story before its main item is written (absent: articles keep no story). */
  stories?: StoryAssigner;
  /**
   * A single writer's buffered story writes (story-cache.ts): stories are then assigned in input
   * order and committed together before any main item of the call is written.
   */
  storyWrites?: { flush(): Promise<void>; flushIfLarge(): Promise<void> };
  /** No other process writes the table (the embedded store): main items are then written together (see putArticlesDetailed). */
  singleWriter?: boolean;
}

/** Options of one putArticles call. */
export interface PutOptions {
  /** Conditional puts in flight (default 8). */
  concurrency?: number;
  /**
   * Local runs: record the new (and repaired) articles as alert-pending, durably, before their
   * markers are written; the caller deletes the record once their alerts are done (docs/STORE.md).
   */
  holdAlerts?: boolean;
  /**
   * Assign stories one article after another in input order before the puts (instead of inside the
   * concurrent puts): the same articles in the same order always form the same stories, so a local
   * pass that was killed and run again sends the alerts a clean pass would have sent.
   */
  orderedStories?: boolean;
}

/** What a putArticles call did, in detail. */
export interface PutResult {
  verdicts: PutVerdict[];
  /** Articles whose earlier put had crashed and that this call completed (their alerts may not have gone out). */
  repaired: TaggedArticle[];
  /** With holdAlerts: the sort key of the pending record written (undefined when nothing was new or repaired). */
  pending?: string;
}

/** An article whose listing items and marker are to be written, with the TTL and storage time they carry. */
interface ToIndex {
  article: TaggedArticle;
  ttl: number;
  storedAt: Date;
}

/** Conditional puts in flight at once within one call. */
export const DEFAULT_PUT_CONCURRENCY = 8;

/**
 * Stores articles; the answers are in input order. An id seen earlier in the same call is a
 * 'duplicate' (the first one is stored). Throws StoreError for an article without an id, before any write.
 */
export async function putArticles(deps: ArticleWriterDeps, articles: readonly TaggedArticle[], now: Date, concurrency = DEFAULT_PUT_CONCURRENCY): Promise<PutVerdict[]> {
  return (await putArticlesDetailed(deps, articles, now, { concurrency })).verdicts;
}

/**
 * putArticles with what it repaired and (holdAlerts) the pending record. Each new article's `story`
 * and `storyNew` are set on the given object (the assignment happens just before its main item is
 * written, so the stored item, its stream image and the caller's copy agree).
 */
export async function putArticlesDetailed(deps: ArticleWriterDeps, articles: readonly TaggedArticle[], now: Date, opts: PutOptions = {}): Promise<PutResult> {
  const concurrency = opts.concurrency ?? DEFAULT_PUT_CONCURRENCY;
  const missing = articles.findIndex((a) => !a.id);
  if (missing >= 0) throw new StoreError(`cannot store an article without an id (article ${missing + 1} of ${articles.length}: "${articles[missing]!.title ?? ''}")`);
  const verdicts: PutVerdict[] = articles.map(() => 'duplicate');
  const seen = new Set<string>();
  const firsts = articles.flatMap((a, i) => (seen.has(a.id) ? [] : (seen.add(a.id), [i])));
  if (!firsts.length) return { verdicts, repaired: [] };

  const markers = await batchGet(deps.client, deps.tableName, firsts.map((i) => keyOf(keys.indexed(articles[i]!.id))), deps.retry);
  const unknown = firsts.filter((_, k) => markers[k] === undefined);
  if (!unknown.length) return { verdicts, repaired: [] };

  const ttl = ttlAfter(now, deps.retentionDays);
  // Registered before any article exists, so no stored article ever sits in an unlisted month.
  await deps.registerMonths(unknown.map((i) => articleMonth(articles[i]!, now)));
  const toIndex: ToIndex[] = [];
  const taken: string[] = [];
  // Articles their story's profile lists: they need no member item.
  const inProfile = new Set<string>();
  const failures: unknown[] = [];
  const assign = async (a: TaggedArticle) => {
    if (!deps.stories || a.story) return;
    const { story, storyNew, listed } = await deps.stories.assign(a, listingInstant(a, now));
    Object.assign(a, { story, storyNew });
    if (listed) inProfile.add(a.id);
  };
  if (opts.orderedStories || deps.singleWriter) {
    if (deps.stories) await deps.stories.prefetch(unknown.filter((i) => !articles[i]!.story).map((i) => ({ a: articles[i]!, at: listingInstant(articles[i]!, now) })));
    for (const i of unknown) {
      await assign(articles[i]!);
      // Between two articles: a journal then always holds whole articles' story writes.
      await deps.storyWrites?.flushIfLarge();
    }
    // Every story write of the call is in the table before any of its articles is.
    await deps.storyWrites?.flush();
  }
  if (deps.singleWriter) await putMainsAlone(deps, articles, unknown, ttl, now, { verdicts, toIndex, taken, failures });
  else
    await eachLimit(unknown, concurrency, async (i) => {
      const a = articles[i]!;
      try {
        await assign(a);
        if (await putMain(deps, a, ttl, now)) {
          verdicts[i] = 'new';
          toIndex.push({ article: a, ttl, storedAt: now });
        } else taken.push(a.id);
      } catch (err) {
        failures.push(err);
      }
    });
  // When some puts failed, the ones that went through are still completed before the error is
  // thrown: an article whose feed drops it before the next pass must not stay unlisted.
  if (failures.length) {
    await writeIndex(deps, toIndex, opts.holdAlerts ? now : undefined, inProfile);
    throw failures[0];
  }
  const repaired = await storedForRepair(deps, taken, now);
  toIndex.push(...repaired);
  const pending = await writeIndex(deps, toIndex, opts.holdAlerts ? now : undefined, inProfile);
  return { verdicts, repaired: repaired.map((r) => r.article), pending };
}

/**
 * The only writer's main items: one consistent BatchGetItem says which exist (crashed earlier puts,
 * repaired like a failed conditional put), and the others go out together by BatchWriteItem: with
 * no other writer, absent when read is still absent when written, so this decides 'new' as the
 * conditional puts do, in a few requests instead of one per article.
 */
async function putMainsAlone(
  deps: ArticleWriterDeps,
  articles: readonly TaggedArticle[],
  unknown: number[],
  ttl: number,
  now: Date,
  out: { verdicts: PutVerdict[]; toIndex: ToIndex[]; taken: string[]; failures: unknown[] },
): Promise<void> {
  const mainKey = (i: number) => keyOf(keys.article(articles[i]!.id));
  const stored = await batchGet(deps.client, deps.tableName, unknown.map(mainKey), deps.retry, { consistent: true });
  const fresh = unknown.filter((i, k) => (stored[k] ? (out.taken.push(articles[i]!.id), false) : true));
  try {
    await batchPut(deps.client, deps.tableName, fresh.map((i) => articleItem(articles[i]!, { ttl, now })), deps.retry);
  } catch (err) {
    // Some may have gone through: those are completed (by the caller) before the error is thrown.
    out.failures.push(err);
    const after = await batchGet(deps.client, deps.tableName, fresh.map(mainKey), deps.retry, { consistent: true }).catch(() => []);
    for (const [k, i] of fresh.entries()) if (after[k]) out.toIndex.push({ article: articles[i]!, ttl, storedAt: now });
    return;
  }
  for (const i of fresh) {
    out.verdicts[i] = 'new';
    out.toIndex.push({ article: articles[i]!, ttl, storedAt: now });
  }
}

/** The conditional put of the main item: true when this call created it. */
async function putMain(deps: ArticleWriterDeps, a: TaggedArticle, ttl: number, now: Date): Promise<boolean> {
  try {
    await deps.client.send(
      new PutItemCommand({ TableName: deps.tableName, Item: articleItem(a, { ttl, now }), ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': ATTR.pk } }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

/**
 * Articles whose main item exists without a marker (an earlier put crashed, or another writer is
 * mid-way): their listings are rewritten from the stored item, with its TTL and storage time
 * (idempotent puts), so the re-run restores exactly what the first run would have written.
 */
async function storedForRepair(deps: ArticleWriterDeps, ids: string[], now: Date): Promise<ToIndex[]> {
  if (!ids.length) return [];
  const items = await batchGet(deps.client, deps.tableName, ids.map((id) => keyOf(keys.article(id))), deps.retry, { consistent: true });
  const out = items.filter((i): i is Item => i !== undefined).map((item) => {
    const storedAt = item.storedAt?.S ? new Date(item.storedAt.S) : now;
    const ttl = Number(item[ATTR.ttl]?.N ?? ttlAfter(storedAt, deps.retentionDays));
    return { article: articleFromItem(item), ttl, storedAt };
  });
  await deps.registerMonths(out.map((r) => articleMonth(r.article, r.storedAt)));
  return out;
}

/**
 * Every listing and story member item of the given articles, then (holding alerts) the pending
 * record, then, only once all are in place, their markers. Returns the pending record's sort key.
 */
async function writeIndex(deps: ArticleWriterDeps, toIndex: ToIndex[], holdAlertsAt?: Date, inProfile = new Set<string>()): Promise<string | undefined> {
  if (!toIndex.length) return undefined;
  const markers: Item[] = [];
  const listings: Item[] = [];
  for (const { article, ttl, storedAt } of toIndex) {
    const own = listingItems(article, { ttl, now: storedAt });
    listings.push(...own);
    // A repaired article's profile listing is unknown here: it gets a member item (reads merge both).
    if (article.story && !inProfile.has(article.id)) listings.push(storyMemberItem(article.story, listingInstant(article, storedAt), article.id, ttl));
    markers.push(indexedMarker(article.id, ttl, own.length));
  }
  await batchPut(deps.client, deps.tableName, listings, deps.retry);
  let pending: string | undefined;
  if (holdAlertsAt) {
    const item = pendingItem(toIndex.map((t) => t.article.id), holdAlertsAt);
    await batchPut(deps.client, deps.tableName, [item], deps.retry);
    pending = item.sk!.S;
  }
  await batchPut(deps.client, deps.tableName, markers, deps.retry);
  return pending;
}
