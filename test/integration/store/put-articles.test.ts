import { DeleteItemCommand, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import type { TaggedArticle } from '../../../shared/model';
import { queryArticles } from '../../../shared/query';
import { ArticleStore } from '../../../shared/store';
import { listingItems } from '../../../shared/store/article-items';
import { expectedIds, makeArticles, resolver } from './articles';

const NOW = new Date(Date.UTC(2026, 10, 28, 0, 0));
const TABLE = 'put-articles-test';

describe('ArticleStore.putArticles against a real dynalite', () => {
  let dynamo: LocalDynamo;
  let store: ArticleStore;
  /** DynamoDB operations sent by the store's client since the last reset, by name ("PutItem"…). */
  let sent: string[] = [];

  /** A fresh batch of articles with ids of their own, so tests do not see each other's writes. */
  const fresh = (prefix: string, n: number, newest = Date.UTC(2026, 10, 20, 12)): TaggedArticle[] => makeArticles(n, newest).map((a) => ({ ...a, id: `${prefix}-${a.id}` }));
  const count = (op: string) => sent.filter((s) => s === op).length;
  const idsUnder = async (q: { actors?: string[]; regions?: string[] }) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryArticles(store, { ...q, limit: 100, cursor }, { resolver, now: NOW });
      ids.push(...page.items.map((a) => a.id));
      cursor = page.cursor ?? undefined;
    } while (cursor);
    return ids;
  };

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    const client = localDynamoClient(dynamo.endpoint);
    client.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(String(context.commandName).replace(/Command$/, ''));
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
    store = new ArticleStore({ client, tableName: TABLE, now: () => NOW, clusterStories: false }); // counts the article write path alone; stories: test/integration/stories
    await store.ensureTable();
  });

  beforeEach(() => {
    sent = [];
  });

  afterAll(async () => {
    await dynamo?.close();
  });

  it('stores 20 new articles with one marker read, one conditional put each and batched listings and markers', async () => {
    const articles = fresh('count', 20, Date.UTC(2026, 10, 3, 12)); // spans October and November
    const listings = articles.reduce((n, a) => n + listingItems(a, { ttl: 1, now: NOW }).length, 0);
    const months = new Set(articles.map((a) => a.publishedAt.slice(0, 7))).size;
    expect(await store.putArticles(articles)).toEqual(articles.map(() => 'new'));
    expect(count('BatchGetItem')).toBe(1);
    expect(count('PutItem')).toBe(20);
    expect(count('UpdateItem')).toBe(1); // the month registry, once for the call
    expect(count('BatchWriteItem')).toBe(Math.ceil(listings / 25) + 1);
    expect(sent).toHaveLength(1 + 1 + 20 + Math.ceil(listings / 25) + 1);
    expect(months).toBeGreaterThan(1);
    for (const a of articles) expect(await store.getArticle(a.id)).toEqual(a);
  });

  it('answers a call of stored articles with one BatchGetItem and no write', async () => {
    const articles = fresh('again', 30);
    await store.putArticles(articles);
    sent = [];
    expect(await store.putArticles(articles)).toEqual(articles.map(() => 'duplicate'));
    expect(sent).toEqual(['BatchGetItem']);
  });

  it('answers a mix of new and stored articles in input order', async () => {
    const articles = fresh('mixed', 12);
    const stored = articles.filter((_, i) => i % 3 === 0);
    await store.putArticles(stored);
    sent = [];
    const verdicts = await store.putArticles(articles);
    expect(verdicts).toEqual(articles.map((_, i) => (i % 3 === 0 ? 'duplicate' : 'new')));
    expect(count('PutItem')).toBe(8);
  });

  it('stores an article repeated within one call once, answering "duplicate" for the repeat', async () => {
    const [a, b] = fresh('twice', 2);
    const verdicts = await store.putArticles([a!, b!, { ...a!, feedName: 'Another feed' }, a!]);
    expect(verdicts).toEqual(['new', 'new', 'duplicate', 'duplicate']);
    expect(count('PutItem')).toBe(2);
    expect((await store.getArticle(a!.id))?.feedName).toBe(a!.feedName);
  });

  it('reads markers 100 keys a request', async () => {
    const articles = fresh('many', 230);
    await store.putArticles(articles);
    expect(count('BatchGetItem')).toBe(3);
    sent = [];
    expect((await store.putArticles(articles)).every((v) => v === 'duplicate')).toBe(true);
    expect(sent).toEqual(['BatchGetItem', 'BatchGetItem', 'BatchGetItem']);
  });

  it('repairs articles whose earlier put crashed after the main item, in a later call', async () => {
    const articles = fresh('crash', 6, Date.UTC(2026, 10, 26, 12));
    expect((await store.putArticles(articles)).every((v) => v === 'new')).toBe(true);
    // Simulate a crash after the main puts of articles 0 and 1: drop their listing items and markers.
    for (const a of articles.slice(0, 2)) {
      for (const item of listingItems(a, { ttl: 1, now: NOW })) await store.client.send(new DeleteItemCommand({ TableName: TABLE, Key: { pk: item.pk!, sk: item.sk! } }));
      await store.client.send(new DeleteItemCommand({ TableName: TABLE, Key: { pk: { S: `ARTICLE#${a.id}` }, sk: { S: 'INDEXED' } } }));
    }
    const crashed = articles.slice(0, 2).map((a) => a.id);
    const ua = articles.filter((a) => a.regions.some((t) => t.id === 'UA')).map((a) => a.id);
    expect(await idsUnder({ regions: ['eastern-europe'] })).not.toEqual(expect.arrayContaining(crashed));
    // The re-run: the crashed ones are duplicates (no second alert), and every listing is back.
    const later = new ArticleStore({ client: store.client, tableName: TABLE, now: () => new Date(NOW.getTime() + 3_600_000), clusterStories: false });
    expect(await later.putArticles([...articles, ...fresh('after-crash', 1)])).toEqual([...articles.map(() => 'duplicate'), 'new']);
    const eastern = await idsUnder({ regions: ['eastern-europe'] });
    expect(eastern).toEqual(expect.arrayContaining(crashed));
    expect(await idsUnder({ regions: ['UA'] })).toEqual(expect.arrayContaining(ua));
    // Rewritten as first stored (TTL from the stored item), and marked complete.
    const marker = await store.client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: `ARTICLE#${crashed[0]}` }, sk: { S: 'INDEXED' } } }));
    const main = await store.client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: `ARTICLE#${crashed[0]}` }, sk: { S: 'ARTICLE' } } }));
    expect(marker.Item?.ttl).toEqual(main.Item?.ttl);
    expect(Number(marker.Item?.listings?.N)).toBe(listingItems(articles[0]!, { ttl: 1, now: NOW }).length);
    // Nothing left to repair: the next call is one read.
    sent = [];
    expect(await store.putArticles(articles.slice(0, 2))).toEqual(['duplicate', 'duplicate']);
    expect(sent).toEqual(['BatchGetItem']);
  });

  it('lists every stored article under each of its tags', async () => {
    const articles = fresh('listed', 40, Date.UTC(2025, 5, 20, 12));
    await store.putArticles(articles);
    const byMonth = await store.client.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: 'TAG#a:nato#2025-06' } } }));
    const want = expectedIds(articles, { actors: ['nato'] }).filter((id) => articles.find((a) => a.id === id)!.publishedAt.startsWith('2025-06'));
    expect((byMonth.Items ?? []).map((i) => i.sk!.S!.split('#')[1]).sort()).toEqual(want.sort());
    expect(want.length).toBeGreaterThan(3);
  });
});
