// Store benchmarks on dynalite: ingest rate (putArticles per feed, putArticle per article, one write
// per item) and query latency p50/p95 for each access pattern over a large stored set. dynalite runs in
// a child process, as it would beside the CLI, so the client and the server do not share one core.
import { spawn, type ChildProcess } from 'node:child_process';
import { BatchWriteItemCommand, ConditionalCheckFailedException, GetItemCommand, PutItemCommand, UpdateItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { localDynamoClient } from '../shared/clients/dynamo';
import type { Tag, TagKind, TaggedArticle } from '../shared/model';
import { queryArticles, type ArticleQuery, type TagResolver } from '../shared/query';
import { ArticleStore } from '../shared/store';
import { articleItem, indexedMarker, listingItems } from '../shared/store/article-items';
import { keys } from '../shared/store/keys';
import { listingPlace, storyItem } from '../shared/store/story-items';
import { clusterTerms } from '../shared/stories/assign';
import { joinProfile, newProfile, storyIdFor, type StoryProfile } from '../shared/stories/profile';
import { median, mulberry32, percentile, type BenchRow } from './harness';

export const TARGET_ARTICLES = 100_000;
const BUILD_BUDGET_MS = 85_000;
const INGEST_ARTICLES = 1_000;
/** Items a feed gives per poll in the ingest rows (the scale run's 20). */
const FEED_ITEMS = 20;
const RUNS = 30;

// Tag frequencies shaped like a geopolitics news mix; regions carry their roll-ups.
const ACTORS: [string, TagKind, number][] = [['RU', 'country', 0.45], ['UA', 'country', 0.4], ['US', 'country', 0.25], ['nato', 'organization', 0.18], ['un', 'organization', 0.08], ['TR', 'country', 0.07], ['GE', 'country', 0.05], ['mark-rutte', 'person', 0.03]];
const REGIONS: [string, TagKind, number, string[]][] = [['UA', 'country', 0.35, ['eastern-europe']], ['donetsk-oblast', 'region', 0.07, ['donbas', 'UA', 'eastern-europe']], ['black-sea', 'sea', 0.07, []], ['RU', 'country', 0.2, ['eastern-europe']], ['GE', 'country', 0.04, ['caucasus']], ['abkhazia', 'region', 0.01, ['GE', 'caucasus']], ['US', 'country', 0.15, []]];
const WORDS = 'ceasefire talks strike drone frigate sanctions summit election pipeline grain corridor shelling offensive negotiations aid package air defence missile port exercise'.split(' ');


const tag = (id: string, kind: TagKind, salient: boolean, via?: string[]): Tag => ({ id, name: id, kind, score: salient ? 3 : 0.6, salient, mentions: via ? [] : [{ text: id, start: 10, end: 10 + id.length }], ...(via ? { via } : {}) });

/** A deterministic article set spread over the year before `newest`. */
export function makeArticles(n: number, seed: number, opts: { rich?: boolean } = {}, newest = Date.UTC(2026, 10, 27)): TaggedArticle[] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const actors = ACTORS.filter(([, , p]) => r() < p).map(([id, kind]) => tag(id, kind, r() < 0.5));
    const regions: Tag[] = [];
    // Rich: cities and their macro-region roll-ups as the real tagger finds them (≈ 10 listings an article, as on the demo feeds).
    if (opts.rich) for (let k = 0; k < 3; k++) regions.push(tag(`city-${Math.floor(r() * 60)}-${k}`, 'city', false), tag(`macro-${k}`, 'macro-region', false, ['city']));
    for (const [id, kind, p, ups] of REGIONS) {
      if (r() >= p) continue;
      if (!regions.some((t) => t.id === id)) regions.push(tag(id, kind, r() < 0.5));
      for (const up of ups) if (!regions.some((t) => t.id === up)) regions.push(tag(up, 'region', false, [id]));
    }
    const at = new Date(newest - Math.floor(r() * 365 * 86_400_000)).toISOString();
    const words = Array.from({ length: 60 }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
    const id = `s${seed}-${i}`;
    return { id, url: `https://bench.example/${id}`, title: `Bench article ${i}: ${words.slice(0, 60)}`, summary: words, publishedAt: at, fetchedAt: at, feedName: `Feed ${i % 40}`, feedUrl: `https://bench.example/feed${i % 40}.xml`, storyKey: `bench article ${i}`, actors, regions };
  });
}

/**
 * Puts the articles in stories as the clusterer would leave them: runs of articles next to each
 * other in time (half alone, the others 2–21 articles, about 4 an article on average), each
 * article's `story` set, and each story's profile with the place the listing would have given it
 * after its articles joined in time order.
 */
export function makeStories(set: TaggedArticle[], seed: number): { profile: StoryProfile; listedAt?: string }[] {
  const r = mulberry32(seed * 7 + 3);
  const byTime = [...set].sort((x, y) => (x.publishedAt < y.publishedAt ? -1 : 1));
  const out: { profile: StoryProfile; listedAt?: string }[] = [];
  for (let i = 0; i < byTime.length; ) {
    const size = r() < 0.5 ? 1 : 2 + Math.floor(r() * r() * 20);
    const members = byTime.slice(i, i + size);
    i += size;
    const founder = members[0]!;
    const id = storyIdFor(founder.id);
    let profile = newProfile(id, founder, clusterTerms(founder), founder.publishedAt, []);
    let listedAt = listingPlace(profile, undefined);
    for (const a of members.slice(1)) {
      profile = joinProfile(profile, a, clusterTerms(a), a.publishedAt);
      listedAt = listingPlace(profile, listedAt);
    }
    for (const a of members) Object.assign(a, { story: id, storyNew: a === founder });
    out.push({ profile, listedAt });
  }
  return out;
}

/** dynalite in its own process, in memory. */
export async function childDynamo(): Promise<{ endpoint: string; proc: ChildProcess }> {
  const code = `const s=require('dynalite')({createTableMs:0});s.listen(0,'127.0.0.1',()=>console.log(s.address().port))`;
  const proc = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    proc.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
    proc.once('exit', (c) => reject(new Error(`dynalite exited with ${c}`)));
  });
  return { endpoint: `http://127.0.0.1:${port}`, proc };
}

async function pool<T>(xs: T[], n: number, fn: (x: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (i < xs.length) await fn(xs[i++]!);
  }));
}

/** putArticle's sequence with every listing item as its own PutItem: the baseline batching is measured against. */
async function putOneByOne(client: DynamoDBClient, table: string, a: TaggedArticle, now: Date): Promise<void> {
  const ttl = Math.floor(now.getTime() / 1000) + 365 * 86_400;
  const marker = await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: keys.indexed(a.id).pk }, sk: { S: 'INDEXED' } } }));
  if (marker.Item) return;
  try {
    await client.send(new PutItemCommand({ TableName: table, Item: articleItem(a, { ttl, now }), ConditionExpression: 'attribute_not_exists(pk)' }));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return;
    throw err;
  }
  const listings = listingItems(a, { ttl, now });
  for (const Item of listings) await client.send(new PutItemCommand({ TableName: table, Item }));
  await client.send(new PutItemCommand({ TableName: table, Item: indexedMarker(a.id, ttl, listings.length) }));
}

async function ingestRows(client: DynamoDBClient, endpoint: string): Promise<BenchRow[]> {
  const now = new Date();
  const batched = new ArticleStore({ client, tableName: 'ingest-batched' });
  const single = new ArticleStore({ client, tableName: 'ingest-single' });
  const perFeed = new ArticleStore({ client, tableName: 'ingest-feed' });
  await batched.ensureTable();
  await single.ensureTable();
  await perFeed.ensureTable();
  const set = makeArticles(INGEST_ARTICLES, 7, { rich: true });
  const items = set.reduce((s, a) => s + listingItems(a, { ttl: 1, now }).length + 2, 0) / set.length;
  let calls = 0;
  client.middlewareStack.add((next) => (args) => {
    calls++;
    return next(args);
  }, { step: 'initialize', name: 'countCalls' });
  const perArticle: number[] = [];
  const rate = async (fn: (a: TaggedArticle) => Promise<unknown>) => {
    calls = 0;
    const t0 = performance.now();
    await pool(set, 8, async (a) => void (await fn(a)));
    const secs = (performance.now() - t0) / 1000;
    perArticle.push(calls / set.length);
    return set.length / secs;
  };
  // As ingestFeed does it: one putArticles call per feed of 20 items, 8 feeds at a time.
  const feedsOf = (xs: TaggedArticle[]) => Array.from({ length: Math.ceil(xs.length / FEED_ITEMS) }, (_, i) => xs.slice(i * FEED_ITEMS, (i + 1) * FEED_ITEMS));
  const feedRate = async (store: ArticleStore, xs: TaggedArticle[]) => {
    calls = 0;
    const t0 = performance.now();
    await pool(feedsOf(xs), 8, async (feed) => void (await store.putArticles(feed)));
    const secs = (performance.now() - t0) / 1000;
    return { rate: xs.length / secs, requests: calls / xs.length };
  };
  const how = `${INGEST_ARTICLES} generated articles (${items.toFixed(1)} items each), 8 at a time, after a 300-article warm-up of both paths; dynalite in memory in a child process (loopback: round trips are nearly free here, unlike in AWS)`;
  const warm = makeArticles(300, 8, { rich: true });
  await pool(warm, 8, async (a) => void (await batched.putArticle(a)));
  await pool(warm, 8, (a) => putOneByOne(client, 'ingest-single', a, now));
  await feedRate(perFeed, warm);
  const f = await feedRate(perFeed, set);
  const b = await rate((a) => batched.putArticle(a));
  const s = await rate((a) => putOneByOne(client, 'ingest-single', a, now));
  const dup = await rate((a) => batched.putArticle(a));
  const fDup = await feedRate(perFeed, set);
  // The same two paths with a 5 ms round trip added to every call, as from a Lambda to DynamoDB in its region.
  const slow = localDynamoClient(endpoint);
  slow.middlewareStack.add((next) => async (args) => {
    await new Promise((r) => setTimeout(r, 5));
    return next(args);
  }, { step: 'finalizeRequest', name: 'simulatedRoundTrip' });
  const slowBatched = new ArticleStore({ client: slow, tableName: 'ingest-batched' });
  const slowFeed = new ArticleStore({ client: slow, tableName: 'ingest-feed' });
  const few = makeArticles(300, 9, { rich: true });
  const rateOf = async (fn: (a: TaggedArticle) => Promise<unknown>) => {
    const t0 = performance.now();
    await pool(few, 8, async (a) => void (await fn(a)));
    return few.length / ((performance.now() - t0) / 1000);
  };
  const t0 = performance.now();
  await pool(feedsOf(makeArticles(300, 10, { rich: true })), 8, async (feed) => void (await slowFeed.putArticles(feed)));
  const fSlow = 300 / ((performance.now() - t0) / 1000);
  const bSlow = await rateOf((a) => slowBatched.putArticle(a));
  const sSlow = await rateOf((a) => putOneByOne(slow, 'ingest-single', a, now));
  const howSlow = `300 generated articles, 8 at a time (putArticles: 8 feeds of 20 at a time), every call delayed 5 ms (a simulated in-region round trip) on top of dynalite`;
  const howFeed = `the same ${INGEST_ARTICLES} articles as ${INGEST_ARTICLES / FEED_ITEMS} feeds of ${FEED_ITEMS}, one putArticles call per feed, 8 feeds at a time (as ingestFeed does); dynalite in memory in a child process`;
  return [
    { name: 'store: ingest, putArticles per feed of 20 (markers by BatchGetItem, listings and markers by BatchWriteItem)', value: f.rate, unit: 'articles/s', how: howFeed },
    { name: 'store: ingest, putArticle (listing items by BatchWriteItem)', value: b, unit: 'articles/s', how },
    { name: 'store: ingest, one PutItem per item', value: s, unit: 'articles/s', how },
    { name: 'store: ingest with 5 ms round trips, putArticles per feed of 20', value: fSlow, unit: 'articles/s', how: howSlow },
    { name: 'store: ingest with 5 ms round trips, putArticle (batched)', value: bSlow, unit: 'articles/s', how: howSlow },
    { name: 'store: ingest with 5 ms round trips, one PutItem per item', value: sSlow, unit: 'articles/s', how: howSlow },
    { name: 'store: re-put of stored articles, putArticles per feed (one BatchGetItem of markers)', value: fDup.rate, unit: 'articles/s', how: `the same ${INGEST_ARTICLES} again, 20 a call: every answer 'duplicate'` },
    { name: 'store: re-put of stored articles, putArticle (marker read only)', value: dup, unit: 'articles/s', how: `the same ${INGEST_ARTICLES} again: every answer 'duplicate'` },
    { name: 'store: DynamoDB requests per new article, putArticles per feed of 20', value: f.requests, unit: 'requests', how: 'counted by client middleware: 1/20 BatchGetItem, the conditional put, the listings 25 a BatchWriteItem across the feed, 1/20 BatchWriteItem of markers (+ the month registry once a call)' },
    { name: 'store: DynamoDB requests per new article, putArticle (batched)', value: perArticle[0]!, unit: 'requests', how: 'counted by client middleware: marker read, conditional put, BatchWriteItem per 25 listings, marker (+ the month registry once)' },
    { name: 'store: DynamoDB requests per new article, one PutItem per item', value: perArticle[1]!, unit: 'requests', how: 'counted by client middleware' },
    { name: 'store: DynamoDB requests per stored article put again, putArticle', value: perArticle[2]!, unit: 'requests', how: 'counted by client middleware: the marker read' },
    { name: 'store: DynamoDB requests per stored article put again, putArticles per feed of 20', value: fDup.requests, unit: 'requests', how: 'counted by client middleware: one BatchGetItem a feed' },
  ];
}

/** Writes the query data set straight through the item builders (no marker: queries never read it) until the target or the time budget. */
export async function buildDataset(client: DynamoDBClient, table: string, budgetMs = BUILD_BUDGET_MS): Promise<number> {
  const now = new Date();
  const started = performance.now();
  const months = new Set<string>();
  let stored = 0;
  const chunk = 2_000;
  for (let seed = 1; stored < TARGET_ARTICLES && performance.now() - started < budgetMs; seed++) {
    const set = makeArticles(chunk, 1000 + seed);
    const stories = makeStories(set, 1000 + seed);
    const items = [
      ...set.flatMap((a) => {
        months.add(a.publishedAt.slice(0, 7));
        return [articleItem(a, { ttl: 1, now }), ...listingItems(a, { ttl: 1, now })];
      }),
      ...stories.map(({ profile, listedAt }) => storyItem(profile, 1, listedAt)),
    ];
    const batches: typeof items[] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    await pool(batches, 12, async (b) => {
      let pending: WriteRequest[] = b.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length) pending = (await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }))).UnprocessedItems?.[table] ?? [];
    });
    stored += set.length;
  }
  await client.send(new UpdateItemCommand({ TableName: table, Key: { pk: { S: keys.months().pk }, sk: { S: keys.months().sk } }, UpdateExpression: 'ADD articles :m', ExpressionAttributeValues: { ':m': { SS: [...months] } } }));
  return stored;
}

/** Names of the generated tags (their ids) for the query module. */
export const resolver: TagResolver = {
  resolve: (n) => {
    const a = ACTORS.find(([id]) => id.toLowerCase() === n.toLowerCase());
    const r = REGIONS.find(([id]) => id.toLowerCase() === n.toLowerCase());
    const hit = a ?? r;
    return hit ? { id: hit[0], name: hit[0], kind: hit[1] } : n === 'eastern-europe' ? { id: n, name: n, kind: 'macro-region' } : undefined;
  },
  suggest: () => [],
};

async function queryRows(store: ArticleStore, size: number): Promise<BenchRow[]> {
  const now = new Date(Date.UTC(2026, 10, 27));
  const first = await queryArticles(store, { limit: 20 }, { resolver, now });
  const patterns: [string, ArticleQuery][] = [
    ['newest overall', {}],
    ['newest overall, page 2 (cursor)', { cursor: first.cursor ?? undefined }],
    ['time range (a week, 3 months back)', { since: '2026-08-01', until: '2026-08-07' }],
    ['by actor (nato)', { actors: ['nato'] }],
    ['by region with roll-ups (eastern-europe)', { regions: ['eastern-europe'] }],
    ['by actor AND region (nato + black-sea)', { actors: ['nato'], regions: ['black-sea'] }],
    ['by actor, last 30 days (RU, since 30d)', { actors: ['RU'], since: '30d' }],
    ['salient only (GE, about)', { regions: ['GE'], salient: true }],
    ['words within a region (UA, "ceasefire talks")', { regions: ['UA'], text: '"ceasefire talks"' }],
  ];
  const rows: BenchRow[] = [];
  for (const [name, q] of patterns) {
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < RUNS + 3; i++) {
      const t0 = performance.now();
      const page = await queryArticles(store, { ...q, limit: 20 }, { resolver, now });
      if (i >= 3) times.push(performance.now() - t0);
      count = page.items.length;
    }
    const how = `${size.toLocaleString('en-US')} stored articles, limit 20 (${count} returned), ${RUNS} runs after 3 warm-up, dynalite in memory`;
    rows.push({ name: `store: query ${name}, p50`, value: median(times), unit: 'ms', how });
    rows.push({ name: `store: query ${name}, p95`, value: percentile(times, 95), unit: 'ms', how });
  }
  return rows;
}

/** The store's rows for `npm run bench`. */
export async function bench(): Promise<BenchRow[]> {
  const { endpoint, proc } = await childDynamo();
  try {
    const client = localDynamoClient(endpoint);
    const rows = await ingestRows(client, endpoint);
    const store = new ArticleStore({ client, tableName: 'query-bench' });
    await store.ensureTable();
    const t0 = performance.now();
    const size = await buildDataset(client, 'query-bench');
    const secs = (performance.now() - t0) / 1000;
    rows.push({ name: `store: bulk load of the query data set${size < TARGET_ARTICLES ? ` (stopped at ${size.toLocaleString('en-US')} of ${TARGET_ARTICLES.toLocaleString('en-US')}: time budget)` : ''}`, value: size / secs, unit: 'articles/s', how: `BatchWriteItem of main + listing items, 12 calls at a time, ${size.toLocaleString('en-US')} articles in ${secs.toFixed(0)} s` });
    rows.push(...(await queryRows(store, size)));
    return rows;
  } finally {
    proc.kill();
  }
}
