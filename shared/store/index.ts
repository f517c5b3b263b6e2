// The article store: one DynamoDB table (docs/STORE.md). Every key format comes from ./keys.
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ResourceInUseException,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '../clients/sdk/dynamodb';
import type { Delivery, FeedState, TaggedArticle } from '../model';
import type { Item } from './attr';
import { alertFromItem, alertItem, type StoredAlert } from './alert-items';
import { articleFromItem } from './article-items';
import { putArticlesDetailed, type PutOptions, type PutResult, type PutVerdict } from './article-writes';
import type { StoryAssigner, StoryIndex } from '../stories/assign';
import type { StoryProfile } from '../stories/profile';
import { pendingIds } from './pending-items';
import { DynamoStoryIndex } from './story-index';
import { CachedStoryIndex } from './story-cache';
import { BufferedTrendStore } from './trend-buffer';
import { followMerges, getProfiles, listingFrom, listStories, newestFirst, storyArticles, type StoryListing } from './story-reads';
import { batchGet, DEFAULT_RETRY, queryAll, type RetryPolicy } from './batch';
import { decodeCursor, encodeCursor, type CursorPosition } from './cursor';
import { createTableInput } from './design';
import { StoreError } from './errors';
import { feedStateFromItem, feedStateItem } from './feed-items';
import { toInstant, ttlAfter } from './instant';
import { ALERT_POSITION_PATTERN, ATTR, ITEM_TYPE, keys, MONTH_PATTERN } from './keys';
import { alertQuery, idFromPosition, keyOf, listingQuery, type AlertFilter, type ArticleListing, type TagFilter } from './queries';
import { mergeReads, walk, type BucketRead } from './walk';

export { isArticlePosition, type ArticleListing, type TagFilter } from './queries';
export { tableDesign, createTableInput, type IndexDesign } from './design';
export { StoreError, InvalidCursorError } from './errors';
export type { StoredAlert } from './alert-items';
export { articleFromStreamImage } from './stream';
export { encodeCursor, decodeCursor, type CursorPosition } from './cursor';
export type { TagSide } from './keys';
export type { RetryPolicy } from './batch';
export type { PutVerdict, PutOptions, PutResult } from './article-writes';
export type { StoryListing } from './story-reads';
export type { StoryProfile } from '../stories/profile';

const DEFAULT_RETENTION_DAYS = 365;
const ARTICLE_MONTHS = 'articles';
const ALERT_MONTHS = 'alerts';

/** Sent claims a single writer remembers (a few hundred thousand bytes at most). */
const SENT_CLAIMS_KEPT = 10_000;

const claimId = (ruleId: string, storyKey: string) => `${ruleId}\u0000${storyKey}`;

/** Whether an actor listing is read with the region listing of the same id: a country, or a tag of unknown kind. */
function alsoAsPlace(via: TagFilter | undefined): boolean {
  return via?.side === 'actor' && (via.kind === undefined || via.kind === 'country');
}

/** The pipeline's DynamoDB store: articles, feed states, alert claims and counters in one table. */
export class ArticleStore {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly retentionDays: number;
  private readonly now: () => Date;
  private readonly retry: RetryPolicy;
  // Months already registered by this process: the registry is written once per month, not per article.
  private readonly knownMonths = new Set<string>();
  /**
   * Puts new articles in stories: attached by the ingest side (shared/pipeline/stories.ts), so the
   * functions that only read (query, alert, digest) do not bundle the clusterer and its word list.
   * One per store: it holds the in-process locks of shared/stories/locks.ts.
   */
  stories?: StoryAssigner;
  /** False when the store was made with `clusterStories: false` (tests of the bare write path). */
  readonly clusterStories: boolean;
  /** True when no other process writes this table (the embedded store). */
  readonly singleWriter: boolean;
  // Single writer only: the story index and the trend counters held in memory and written through
  // journals (docs/STORE.md, "Local passes"). Made on first use, one each per store.
  private cachedStories?: CachedStoryIndex;
  private bufferedTrends?: BufferedTrendStore;
  // Single writer only: the alert claims this process marked sent (a sent claim never alerts again,
  // so claiming one again needs no request). Forgotten when released; bounded.
  private readonly sentClaims = new Set<string>();

  /**
   * `clusterStories: false` stores articles without stories (tests of the bare write path);
   * `singleWriter: true` says no other process writes this table (the embedded store), so founding
   * a story skips the re-read that resolves stories founded at once by two processes.
   */
  constructor(opts: { client: DynamoDBClient; tableName: string; retentionDays?: number; now?: () => Date; retry?: RetryPolicy; clusterStories?: boolean; singleWriter?: boolean }) {
    this.client = opts.client;
    this.tableName = opts.tableName;
    this.retentionDays = opts.retentionDays ?? DEFAULT_RETENTION_DAYS;
    this.now = opts.now ?? (() => new Date());
    this.retry = opts.retry ?? DEFAULT_RETRY;
    this.clusterStories = opts.clusterStories !== false;
    this.singleWriter = Boolean(opts.singleWriter);
  }

  /**
   * The clusterer's view of this table (postings and story profiles). A single writer's is held in
   * memory and written through (story-cache.ts); every other's reads and writes the table directly.
   */
  storyIndex(): StoryIndex {
    const deps = { client: this.client, tableName: this.tableName, retry: this.retry, retentionDays: this.retentionDays, now: this.now };
    if (!this.singleWriter) return new DynamoStoryIndex(deps);
    this.cachedStories ??= new CachedStoryIndex(deps);
    return this.cachedStories;
  }

  /**
   * Single writer only (else undefined): the trend counters of a local pass summed in memory and
   * written a batch of feeds at a time, with the pending-alert records they close (trend-buffer.ts).
   */
  localTrends(): BufferedTrendStore | undefined {
    if (!this.singleWriter) return undefined;
    this.bufferedTrends ??= new BufferedTrendStore({ client: this.client, tableName: this.tableName, retentionDays: this.retentionDays, retry: this.retry });
    return this.bufferedTrends;
  }

  /**
   * Replays what an interrupted single-writer pass committed but had not finished writing (its
   * story and trend journals). A pass calls it before it reads anything; a no-op elsewhere.
   */
  async recoverLocalWrites(): Promise<void> {
    if (!this.singleWriter) return;
    this.storyIndex();
    await Promise.all([this.cachedStories!.writes.recover(), this.localTrends()!.writes.recover()]);
    await this.cachedStories!.ready();
  }

  /** Creates the table when it is missing (local use; in AWS the CDK app owns it) and waits until it is active. */
  async ensureTable(): Promise<void> {
    try {
      await this.client.send(new CreateTableCommand(createTableInput(this.tableName)));
    } catch (err) {
      if (!(err instanceof ResourceInUseException)) throw err;
    }
    for (let i = 0; i < 120; i++) {
      const d = await this.client.send(new DescribeTableCommand({ TableName: this.tableName }));
      const gsisReady = (d.Table?.GlobalSecondaryIndexes ?? []).every((g) => !g.IndexStatus || g.IndexStatus === 'ACTIVE');
      if (d.Table?.TableStatus === 'ACTIVE' && gsisReady) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new StoreError(`table ${this.tableName} did not become active within a minute`);
  }

  /**
   * Stores an article once: `putArticles([a])`. The conditional put of the main item alone decides
   * 'new'; a known article costs one marker read and no write.
   */
  async putArticle(a: TaggedArticle): Promise<'new' | 'duplicate'> {
    const [verdict] = await this.putArticles([a]);
    return verdict!;
  }

  /**
   * Stores many articles with few requests; the answers are in input order. One BatchGetItem reads
   * their "indexed" markers (present → 'duplicate', no write); each other article gets its own
   * conditional put of the main item (only its success is 'new'; a failed one completes a crashed
   * or concurrent earlier put from the stored item); then the listing items of all of them go out
   * by BatchWriteItem and, once all are in place, their markers. An id repeated within the call is
   * a 'duplicate'. `concurrency` bounds the conditional puts in flight (default 8).
   */
  async putArticles(articles: readonly TaggedArticle[], opts: { concurrency?: number } = {}): Promise<PutVerdict[]> {
    return (await this.storeArticles(articles, opts)).verdicts;
  }

  /**
   * putArticles with the detail: which articles an earlier crashed put left incomplete (repaired
   * now) and, with `holdAlerts`, the pending-alert record written before the markers. Each new
   * article gets its `story` and `storyNew` set (on the object passed in) before it is written.
   */
  async storeArticles(articles: readonly TaggedArticle[], opts: PutOptions = {}): Promise<PutResult> {
    const deps = {
      client: this.client,
      tableName: this.tableName,
      retry: this.retry,
      retentionDays: this.retentionDays,
      registerMonths: (m: string[]) => this.registerMonths(ARTICLE_MONTHS, m),
      stories: this.stories,
      storyWrites: this.stories ? this.cachedStories : undefined,
      singleWriter: this.singleWriter,
    };
    return putArticlesDetailed(deps, articles, this.now(), opts);
  }

  /** Local runs: the pending-alert records an interrupted run left (oldest first), each with its article ids. */
  async pendingAlerts(): Promise<{ key: string; ids: string[] }[]> {
    const items = await queryAll(this.client, { TableName: this.tableName, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': ATTR.pk }, ExpressionAttributeValues: { ':pk': { S: keys.pendingPartition } }, ConsistentRead: true });
    return items.map((i) => ({ key: i[ATTR.sk]?.S ?? '', ids: pendingIds(i) }));
  }

  /** Deletes a pending-alert record once every alert of its articles is done. */
  async finishPendingAlerts(key: string): Promise<void> {
    await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: { [ATTR.pk]: { S: keys.pendingPartition }, [ATTR.sk]: { S: key } } }));
  }

  /** Stories newest first (by their latest article), optionally only those carrying every given tag; see docs/STORE.md for the cost. */
  async listStories(q: StoryListing): Promise<{ items: StoryProfile[]; next: CursorPosition | null }> {
    // A story is listed in the month of an article of its own (within a step before its last one).
    const from = q.since ? listingFrom(q.since).slice(0, 7) : undefined;
    const months = (await this.months(ARTICLE_MONTHS)).filter((m) => (!from || m >= from) && (!q.until || m <= q.until.slice(0, 7)));
    return listStories(this.readDeps(), months, q);
  }

  /** One story (merged stories followed to the one they went to), or undefined. */
  async getStory(id: string): Promise<StoryProfile | undefined> {
    let target = id;
    for (let hop = 0; hop < 4 && target; hop++) {
      // The only writer's story index in memory holds what the table holds (story-cache.ts).
      const p = (await (this.cachedStories ? this.cachedStories.getStories([target]) : getProfiles(this.readDeps(), [target]))).get(target);
      if (!p?.mergedInto) return p;
      target = p.mergedInto;
    }
    return undefined;
  }

  /** Story profiles by id (merged ones as stored). */
  async getStories(ids: string[]): Promise<Map<string, StoryProfile>> {
    return getProfiles(this.readDeps(), ids);
  }

  /** A story's articles, newest first (at most `limit`, default 100), those of stories merged into it included. */
  async storyArticles(id: string, limit = 100): Promise<TaggedArticle[]> {
    const deps = this.readDeps();
    const max = Math.min(1000, Math.max(1, limit));
    const profile = (await getProfiles(deps, [id])).get(id);
    const folded = profile?.absorbed?.length ? await getProfiles(deps, profile.absorbed) : new Map<string, StoryProfile>();
    const lists = await Promise.all([id, ...folded.keys()].map((s) => storyArticles(deps, s, max, (s === id ? profile : folded.get(s))?.members ?? [])));
    const all = [...new Map(lists.flat().map((a) => [a.id, { ...a, story: id }])).values()];
    return all.sort(newestFirst).slice(0, max);
  }

  private readDeps() {
    return { client: this.client, tableName: this.tableName, retry: this.retry };
  }

  /** One article with all its tags, scores and evidence, or undefined. */
  async getArticle(id: string): Promise<TaggedArticle | undefined> {
    if (!id) return undefined;
    const out = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: keyOf(keys.article(id)) }));
    return out.Item ? (await followMerges(this.readDeps(), [articleFromItem(out.Item)]))[0] : undefined;
  }

  /** Articles by id (BatchGetItem), in the order asked; undefined where an id is not stored. */
  async getArticles(ids: string[]): Promise<(TaggedArticle | undefined)[]> {
    return followMerges(this.readDeps(), await this.readArticles(ids));
  }

  /** Articles by id as stored (a merged story's id not followed). */
  private async readArticles(ids: string[]): Promise<(TaggedArticle | undefined)[]> {
    const items = await batchGet(this.client, this.tableName, ids.map((id) => keyOf(keys.article(id))), this.retry);
    return items.map((i) => (i ? articleFromItem(i) : undefined));
  }

  /** Newest-first page of articles from one listing (docs/STORE.md has the cost per page). */
  async listArticles(q: ArticleListing): Promise<{ items: TaggedArticle[]; next: CursorPosition | null }> {
    if (!q.via && (q.alsoTagged?.length || q.salient?.length)) throw new StoreError('tag filters need a tag listing to walk');
    const months = (await this.months(ARTICLE_MONTHS)).filter((m) => (!q.since || m >= q.since.slice(0, 7)) && (!q.until || m <= q.until.slice(0, 7)));
    const filtered = Boolean(q.alsoTagged?.length || q.salient?.length || q.accept || alsoAsPlace(q.via));
    const page = await walk<string, TaggedArticle>({
      partitions: months,
      start: q.start,
      limit: q.limit,
      maxReads: q.maxReads,
      // Unfiltered: one more than needed tells whether another page exists. Filtered: read ahead.
      chunk: (need) => (filtered ? Math.min(500, Math.max(50, need * 4)) : need + 1),
      position: (p) => p,
      read: (month, after, max) => this.readListing(q, month, after, max),
      load: async (positions) => {
        const articles = await this.readArticles(positions.map(idFromPosition));
        return articles.map((a) => (a && (!q.accept || q.accept(a)) ? a : undefined));
      },
    });
    // Merged stories followed once for the page, not for every chunk a filtered walk reads.
    await followMerges(this.readDeps(), page.items);
    return page;
  }

  private async readListing(q: ArticleListing, month: string, after: string | undefined, max: number): Promise<BucketRead<string>> {
    const skName = q.via ? ATTR.sk : ATTR.gsi1sk;
    const inputs = [listingQuery(this.tableName, q, month, after, max)];
    // A country on both sides of an article is listed once, on the region side (article-items.ts):
    // its articles as an actor are its own listing and those of its region listing that carry `a:`.
    if (q.via && alsoAsPlace(q.via)) {
      const alsoAsActor: ArticleListing = { ...q, via: { side: 'region', id: q.via.id }, alsoTagged: [...(q.alsoTagged ?? []), q.via] };
      inputs.push(listingQuery(this.tableName, alsoAsActor, month, after, max));
    }
    const outs = await Promise.all(inputs.map((i) => this.client.send(new QueryCommand(i))));
    return mergeReads(outs.map((o) => ({ entries: (o.Items ?? []).map((i) => i[skName]?.S ?? ''), lastEvaluated: o.LastEvaluatedKey?.[skName]?.S })));
  }

  /** The months that hold articles or alerts, newest first (one small read). */
  async months(kind: typeof ARTICLE_MONTHS | typeof ALERT_MONTHS): Promise<string[]> {
    const out = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: keyOf(keys.months()) }));
    return (out.Item?.[kind]?.SS ?? []).filter((m) => MONTH_PATTERN.test(m)).sort().reverse();
  }

  private async registerMonth(kind: string, month: string): Promise<void> {
    await this.registerMonths(kind, [month]);
  }

  /** Adds months to the registry: one UpdateItem for all those this process has not registered yet. */
  private async registerMonths(kind: string, months: string[]): Promise<void> {
    const fresh = [...new Set(months)].filter((m) => !this.knownMonths.has(`${kind}:${m}`));
    if (!fresh.length) return;
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: keyOf(keys.months()),
        UpdateExpression: 'ADD #m :m SET #type = :type',
        ExpressionAttributeNames: { '#m': kind, '#type': ATTR.type },
        ExpressionAttributeValues: { ':m': { SS: fresh }, ':type': { S: ITEM_TYPE.meta } },
      }),
    );
    for (const m of fresh) this.knownMonths.add(`${kind}:${m}`);
  }

  /** A feed's saved state, or undefined for a feed never read. */
  async getFeedState(url: string): Promise<FeedState | undefined> {
    const out = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: keyOf(keys.feed(url)) }));
    return out.Item ? feedStateFromItem(out.Item) : undefined;
  }

  /** Saves a feed's state (overwrites; feed states carry no TTL). */
  async putFeedState(state: FeedState): Promise<void> {
    await this.client.send(new PutItemCommand({ TableName: this.tableName, Item: feedStateItem(state) }));
  }

  /** Every feed's state (one partition, read to the end). */
  async listFeedStates(): Promise<FeedState[]> {
    const items = await queryAll(this.client, { TableName: this.tableName, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': ATTR.pk }, ExpressionAttributeValues: { ':pk': { S: keys.feedsPartition } } });
    return items.map(feedStateFromItem);
  }

  /**
   * Claims (rule, story) for an alert: true when the caller is to publish it. The first claim is a
   * conditional put. Without `owner` a claim is first-time-only (false ever after). With `owner`
   * and `state: 'pending'` it is durable: the claim stays pending until markAlertSent, and a pending
   * claim is taken over (a conditional update) by the same owner at once (a retried Lambda, a rerun
   * after a crash) or by anyone once `leaseUntil` has passed; a sent claim is never claimed again.
   */
  async claimAlert(a: StoredAlert): Promise<boolean> {
    const createdAt = toInstant(a.createdAt) ?? this.now().toISOString();
    const alert: StoredAlert = { ...a, createdAt, storyKey: a.storyKey || a.articleId };
    if (this.sentClaims.has(claimId(alert.ruleId, alert.storyKey))) return false;
    await this.registerMonth(ALERT_MONTHS, createdAt.slice(0, 7));
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: alertItem(alert, ttlAfter(new Date(createdAt), this.retentionDays)),
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': ATTR.pk },
        }),
      );
      return true;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
    if (!alert.owner || alert.state !== 'pending') return false;
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: keyOf(keys.alertClaim(alert.ruleId, alert.storyKey)),
          UpdateExpression: 'SET #owner = :owner, #lease = :lease',
          ConditionExpression: '#state = :pending AND (#owner = :owner OR #lease < :now)',
          ExpressionAttributeNames: { '#owner': 'owner', '#lease': 'lease', '#state': 'state' },
          ExpressionAttributeValues: { ':owner': { S: alert.owner }, ':lease': { N: String(alert.leaseUntil ?? Date.now()) }, ':pending': { S: 'pending' }, ':now': { N: String(Date.now()) } },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  /** Marks a pending claim sent once its message is published (or held for the digest): it is never claimed again. */
  async markAlertSent(ruleId: string, storyKey: string, opts: { folded?: boolean } = {}): Promise<void> {
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: keyOf(keys.alertClaim(ruleId, storyKey)),
        UpdateExpression: opts.folded ? 'SET #state = :sent, #folded = :t REMOVE #lease' : 'SET #state = :sent REMOVE #lease',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#state': 'state', '#lease': 'lease', '#pk': ATTR.pk, ...(opts.folded ? { '#folded': 'folded' } : {}) },
        ExpressionAttributeValues: { ':sent': { S: 'sent' }, ...(opts.folded ? { ':t': { BOOL: true } } : {}) },
      }),
    ).then(
      () => {
        if (!this.singleWriter) return;
        if (this.sentClaims.size >= SENT_CLAIMS_KEPT) this.sentClaims.clear();
        this.sentClaims.add(claimId(ruleId, storyKey));
      },
      (err: unknown) => {
        // Released meanwhile (a failed publish elsewhere): nothing to mark.
        if (!(err instanceof ConditionalCheckFailedException)) throw err;
      },
    );
  }

  /** Gives a claim back (deletes it) after a failed publish, so that the retry can send the alert. */
  async releaseAlert(ruleId: string, storyKey: string): Promise<void> {
    this.sentClaims.delete(claimId(ruleId, storyKey));
    await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: keyOf(keys.alertClaim(ruleId, storyKey)) }));
  }

  /** Adds one to a rule's alert count for an hour (atomic ADD) and returns the new count. */
  async countAlert(ruleId: string, hourIso: string): Promise<number> {
    const hour = toInstant(hourIso.length === 13 ? `${hourIso}:00:00Z` : hourIso)?.slice(0, 13) ?? hourIso;
    const out = await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: keyOf(keys.alertCounter(ruleId, hour)),
        UpdateExpression: 'ADD #n :one SET #ttl = if_not_exists(#ttl, :ttl), #type = :type',
        ExpressionAttributeNames: { '#n': 'n', '#ttl': ATTR.ttl, '#type': ATTR.type },
        // Counters only matter for the hour they count: kept two days.
        ExpressionAttributeValues: { ':one': { N: '1' }, ':ttl': { N: String(ttlAfter(this.now(), 2)) }, ':type': { S: ITEM_TYPE.counter } },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.n?.N ?? '1');
  }

  /** Alerts newest first, by rule (byRule index) or of every rule (byTime index), within [since, until], optionally of one delivery. */
  async listAlerts(q: { ruleId?: string; since?: string; until?: string; delivery?: Delivery; limit?: number; cursor?: string }): Promise<{ items: StoredAlert[]; cursor: string | null }> {
    const since = q.since === undefined ? undefined : toInstant(q.since);
    const until = q.until === undefined ? undefined : toInstant(q.until);
    if (q.since !== undefined && !since) throw new StoreError(`since is not a date: "${q.since}"`);
    if (q.until !== undefined && !until) throw new StoreError(`until is not a date: "${q.until}"`);
    const limit = Math.min(100, Math.max(1, Math.floor(q.limit ?? 20)));
    // Bound to the filters but not to the time range: a relative range ("7d") moves a little between pages.
    const binding = JSON.stringify(['alerts', q.ruleId ?? null, q.delivery ?? null]);
    const start = q.cursor ? decodeCursor(q.cursor, binding, (_p, after) => ALERT_POSITION_PATTERN.test(after)) : undefined;
    const partitions = q.ruleId ? ['all'] : (await this.months(ALERT_MONTHS)).filter((m) => (!since || m >= since.slice(0, 7)) && (!until || m <= until.slice(0, 7)));
    const page = await walk<Item, StoredAlert>({
      partitions,
      start,
      limit,
      chunk: (need) => (q.delivery ? Math.max(50, need * 2) : need + 1),
      position: (i) => (q.ruleId ? i[ATTR.gsi2sk]?.S : i[ATTR.gsi1sk]?.S) ?? '',
      read: (month, after, max) => this.readAlerts(q.ruleId, month, { since, until, delivery: q.delivery }, after, max),
      load: async (entries) => {
        if (q.ruleId) return entries.map(alertFromItem);
        const full = await batchGet(this.client, this.tableName, entries.map((e) => ({ [ATTR.pk]: e[ATTR.pk]!, [ATTR.sk]: e[ATTR.sk]! })), this.retry);
        return full.map((i) => (i && (!q.delivery || i.delivery?.S === q.delivery) ? alertFromItem(i) : undefined));
      },
    });
    return { items: page.items, cursor: page.next ? encodeCursor(page.next, binding) : null };
  }

  private async readAlerts(ruleId: string | undefined, month: string, f: AlertFilter, after: string | undefined, max: number): Promise<BucketRead<Item>> {
    const out = await this.client.send(new QueryCommand(alertQuery(this.tableName, ruleId, month, f, after, max)));
    return { entries: out.Items ?? [], lastEvaluated: out.LastEvaluatedKey?.[ruleId ? ATTR.gsi2sk : ATTR.gsi1sk]?.S };
  }
}

