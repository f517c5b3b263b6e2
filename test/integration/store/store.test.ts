import { BatchWriteItemCommand, DeleteItemCommand, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import type { TaggedArticle } from '../../../shared/model';
import { QueryError, queryArticles, queryAlerts, type ArticleQuery } from '../../../shared/query';
import { ArticleStore, type StoredAlert } from '../../../shared/store';
import { expectedIds, makeArticles, resolver } from './articles';

const NOW = new Date(Date.UTC(2026, 10, 28, 0, 0));

describe('ArticleStore and queryArticles against a real dynalite', () => {
  let dynamo: LocalDynamo;
  let store: ArticleStore;
  const articles = makeArticles(150);
  const client = () => store.client;

  /** Every page of a query, following cursors; fails on a loop. */
  async function allPages(q: ArticleQuery): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 1; pages < 200; pages++) {
      const page = await queryArticles(store, { ...q, cursor }, { resolver, now: NOW });
      ids.push(...page.items.map((a) => a.id));
      if (!page.cursor) return { ids, pages };
      cursor = page.cursor;
    }
    throw new Error('paging did not end');
  }

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'store-test', retentionDays: 30, now: () => NOW });
    await store.ensureTable();
    await store.ensureTable(); // a second call finds the table and returns
    const verdicts = await Promise.all(articles.map((a) => store.putArticle(a)));
    expect(verdicts.every((v) => v === 'new')).toBe(true);
  });

  afterAll(async () => {
    await dynamo?.close();
  });

  it('stores nothing new when the same articles are put again', async () => {
    const again = await Promise.all(articles.map((a) => store.putArticle(a)));
    expect(again.filter((v) => v === 'new')).toEqual([]);
  });

  it('treats the same id from another feed as the same article', async () => {
    expect(await store.putArticle({ ...articles[3]!, feedName: 'Another feed', feedUrl: 'https://other.example/rss' })).toBe('duplicate');
    expect((await store.getArticle(articles[3]!.id))?.feedName).toBe(articles[3]!.feedName);
  });

  it('pages through every article newest first with no overlap or gap', async () => {
    const { ids, pages } = await allPages({ limit: 13 });
    expect(pages).toBeGreaterThan(10);
    expect(ids).toEqual(expectedIds(articles, {}));
  });

  it('finds articles by actor, by region (roll-ups included) and by both', async () => {
    // UA is actor and region of some articles (listed once, on the region side), RU only an actor.
    for (const q of [{ actors: ['NATO'] }, { regions: ['UA'] }, { regions: ['eastern-europe'] }, { actors: ['nato'], regions: ['Black Sea'] }, { actors: ['RU', 'UA'], regions: ['donbas'] }, { actors: ['UA'] }, { actors: ['RU'] }, { actors: ['UA'], regions: ['UA'] }]) {
      const { ids } = await allPages({ ...q, limit: 9 });
      const want = expectedIds(articles, { actors: q.actors?.map((n) => resolver.resolve(n)!.id), regions: q.regions?.map((n) => resolver.resolve(n)!.id) });
      expect(want.length).toBeGreaterThan(0);
      expect(ids, JSON.stringify(q)).toEqual(want);
    }
  });

  it('lists an article with a tag on both sides once, and finds it once when an older version listed it on both', async () => {
    const both = articles.filter((a) => a.actors.some((t) => t.id === 'UA') && a.regions.some((t) => t.id === 'UA'));
    expect(both.length).toBeGreaterThan(3);
    const a = both[0]!;
    const month = a.publishedAt.slice(0, 7);
    const own = await client().send(new GetItemCommand({ TableName: 'store-test', Key: { pk: { S: `TAG#a:UA#${month}` }, sk: { S: `${a.publishedAt}#${a.id}` } } }));
    expect(own.Item).toBeUndefined();
    // The items an earlier version wrote for some of them: a listing under the actor as well.
    const legacy = both.slice(0, 3).map((x) => ({ PutRequest: { Item: { pk: { S: `TAG#a:UA#${x.publishedAt.slice(0, 7)}` }, sk: { S: `${x.publishedAt}#${x.id}` }, type: { S: 'tag-listing' }, tags: { SS: ['a:UA', 'r:UA'] } } } }));
    await client().send(new BatchWriteItemCommand({ RequestItems: { 'store-test': legacy } }));
    for (const limit of [1, 4, 50]) {
      const { ids } = await allPages({ actors: ['UA'], limit });
      expect(ids, `limit ${limit}`).toEqual(expectedIds(articles, { actors: ['UA'] }));
    }
  });

  it('keeps only articles about the tag with salient', async () => {
    const { ids } = await allPages({ regions: ['Black Sea'], salient: true, limit: 20 });
    const all = expectedIds(articles, { regions: ['black-sea'] });
    const about = expectedIds(articles, { regions: ['black-sea'], salient: true });
    expect(ids).toEqual(about);
    expect(about.length).toBeLessThan(all.length);
  });

  it('limits by time range, with bare dates covering whole days', async () => {
    const q = { since: '2026-11-01', until: '2026-11-10' };
    const { ids } = await allPages({ ...q, limit: 7 });
    expect(ids).toEqual(expectedIds(articles, { since: '2026-11-01T00:00:00.000Z', until: '2026-11-10T23:59:59.999Z' }));
    const recent = await allPages({ actors: ['NATO'], since: '72h', limit: 5 });
    expect(recent.ids).toEqual(expectedIds(articles, { actors: ['nato'], since: new Date(NOW.getTime() - 72 * 3_600_000).toISOString() }));
  });

  it('filters on words and phrases in the title and summary within a listing', async () => {
    const { ids } = await allPages({ text: 'ceasefire "talks stall"', limit: 4 });
    expect(ids).toEqual(expectedIds(articles, { text: /talks stall/ }));
    const within = await allPages({ regions: ['Black Sea'], text: 'stoltenb*', limit: 4 });
    expect(within.ids).toEqual(expectedIds(articles, { regions: ['black-sea'], text: /Stoltenberg/ }));
    expect(within.ids.length).toBeGreaterThan(0);
  });

  it('returns one article with all its tags, scores and evidence', async () => {
    const a = articles[2]!;
    expect(await store.getArticle(a.id)).toEqual(a);
    expect(await store.getArticle('no-such-id')).toBeUndefined();
  });

  it('rejects a forged, altered or foreign cursor with a QueryError', async () => {
    const forged = queryArticles(store, { cursor: 'eyJub3QiOiJhIGN1cnNvciJ9' }, { resolver });
    await expect(forged).rejects.toThrow(QueryError);
    await expect(forged).rejects.toThrow(/^invalid cursor/);
    const page = await queryArticles(store, { actors: ['NATO'], limit: 2 }, { resolver });
    await expect(queryArticles(store, { actors: ['RU'], limit: 2, cursor: page.cursor! }, { resolver })).rejects.toThrow(/not issued for this query/);
    const [body, mac] = page.cursor!.split('.');
    const edited = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), a: '2026-01-01T00:00:00.000Z#x' })).toString('base64url');
    await expect(queryArticles(store, { actors: ['NATO'], limit: 2, cursor: `${edited}.${mac}` }, { resolver })).rejects.toThrow(/invalid cursor/);
    // The same query spelled differently shares the cursor.
    const next = await queryArticles(store, { actors: ['nato'], limit: 2, cursor: page.cursor! }, { resolver });
    expect(next.items[0]!.id).not.toBe(page.items[0]!.id);
  });

  it('names near tags for an unknown actor', async () => {
    await expect(queryArticles(store, { actors: ['Narnia'] }, { resolver })).rejects.toThrow(/unknown actor "Narnia"; did you mean "NATO"/);
  });

  it('sets the TTL from retentionDays on every item of an article, and not on feed states', async () => {
    const expected = Math.floor(NOW.getTime() / 1000) + 30 * 86_400;
    const a = articles[1]!;
    const items = await client().send(new QueryCommand({ TableName: 'store-test', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: `ARTICLE#${a.id}` } } }));
    expect(items.Items?.length).toBe(2);
    const month = a.publishedAt.slice(0, 7);
    const listing = await client().send(new GetItemCommand({ TableName: 'store-test', Key: { pk: { S: `TAG#r:UA#${month}` }, sk: { S: `${a.publishedAt}#${a.id}` } } }));
    for (const item of [...items.Items!, listing.Item!]) expect(Number(item.ttl?.N)).toBe(expected);
    await store.putFeedState({ url: 'https://feed.example/rss', name: 'Feed', consecutiveFailures: 0 });
    const feed = await client().send(new GetItemCommand({ TableName: 'store-test', Key: { pk: { S: 'FEEDS' }, sk: { S: 'FEED#https://feed.example/rss' } } }));
    expect(feed.Item?.ttl).toBeUndefined();
  });

  it('repairs a put that crashed between the main item and the listing items', async () => {
    const [a] = makeArticles(1, Date.UTC(2026, 10, 20, 9));
    const crashed: TaggedArticle = { ...a!, id: 'crashed1', title: 'NATO ships in the Black Sea: crash test' };
    expect(await store.putArticle(crashed)).toBe('new');
    // Simulate the crash: drop the listing items and the marker, keep the main item.
    const listings = await client().send(new QueryCommand({ TableName: 'store-test', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: `TAG#a:nato#2026-11` } } }));
    const mine = (listings.Items ?? []).filter((i) => i.sk?.S?.endsWith('#crashed1'));
    expect(mine).toHaveLength(1);
    await client().send(new DeleteItemCommand({ TableName: 'store-test', Key: { pk: mine[0]!.pk!, sk: mine[0]!.sk! } }));
    await client().send(new DeleteItemCommand({ TableName: 'store-test', Key: { pk: { S: 'ARTICLE#crashed1' }, sk: { S: 'INDEXED' } } }));
    expect((await allPages({ actors: ['NATO'], limit: 100 })).ids).not.toContain('crashed1');
    // The re-run sees a duplicate (no second alert) and restores the listings.
    expect(await store.putArticle(crashed)).toBe('duplicate');
    expect((await allPages({ actors: ['NATO'], limit: 100 })).ids).toContain('crashed1');
    expect((await allPages({ actors: ['NATO'], regions: ['Black Sea'], limit: 100 })).ids).toContain('crashed1');
  });

  it('keeps feed states and lists them all', async () => {
    const states = Array.from({ length: 5 }, (_, i) => ({ url: `https://feeds.example/${i}.xml`, name: `Feed ${i}`, etag: `"e${i}"`, consecutiveFailures: i, ...(i === 3 ? { contentHash: 'sha256-abc' } : {}), ...(i === 4 ? { paused: true, lastError: 'HTTP 500' } : {}) }));
    for (const s of states) await store.putFeedState(s);
    expect(await store.getFeedState(states[4]!.url)).toEqual(states[4]);
    expect(await store.getFeedState(states[3]!.url)).toEqual(states[3]);
    expect(await store.getFeedState('https://unknown.example/')).toBeUndefined();
    const listed = await store.listFeedStates();
    for (const s of states) expect(listed).toContainEqual(s);
  });

  it('claims an alert once per rule and story, counts per hour, and lists alerts by rule and time', async () => {
    const message = { ruleId: 'r', severity: 'warning' as const, delivery: 'instant' as const, article: { id: 'a', url: 'u', title: 't', publishedAt: 'p' }, actors: [], regions: [], email: { subject: 's', body: 'b' }, sms: 's' };
    const claims: StoredAlert[] = [];
    for (let i = 0; i < 12; i++) {
      const ruleId = i % 3 === 0 ? 'black-sea' : 'ru-ua';
      const claim = { ruleId, storyKey: `story ${i}`, articleId: `art${i}`, createdAt: new Date(Date.UTC(2026, 9 + (i % 2), 1 + i, 8)).toISOString(), severity: 'warning' as const, delivery: i % 4 === 0 ? ('digest' as const) : ('instant' as const), message: { ...message, ruleId } };
      expect(await store.claimAlert(claim)).toBe(true);
      expect(await store.claimAlert({ ...claim, articleId: 'other' })).toBe(false);
      claims.push(claim);
    }
    await store.releaseAlert(claims[0]!.ruleId, claims[0]!.storyKey);
    expect(await store.claimAlert(claims[0]!)).toBe(true);
    expect(await store.countAlert('ru-ua', '2026-11-27T10')).toBe(1);
    expect(await store.countAlert('ru-ua', '2026-11-27T10')).toBe(2);
    expect(await store.countAlert('ru-ua', '2026-11-27T11')).toBe(1);
    const newest = (xs: typeof claims) => xs.sort((x, y) => (x.createdAt < y.createdAt ? 1 : -1)).map((c) => c.storyKey);
    const pageAll = async (q: Parameters<typeof queryAlerts>[1]) => {
      const out: string[] = [];
      let cursor: string | undefined;
      let page = 0;
      do {
        // The clock moves between pages, as it does for a user paging with a relative since.
        const p = await queryAlerts(store, { ...q, limit: 2, cursor }, { now: new Date(NOW.getTime() + page++ * 1000) });
        out.push(...p.items.map((a) => a.storyKey));
        cursor = p.cursor ?? undefined;
      } while (cursor);
      return out;
    };
    expect(await pageAll({})).toEqual(newest([...claims]));
    expect(await pageAll({ rule: 'ru-ua' })).toEqual(newest(claims.filter((c) => c.ruleId === 'ru-ua')));
    expect(await pageAll({ rule: 'black-sea', delivery: 'digest' })).toEqual(newest(claims.filter((c) => c.ruleId === 'black-sea' && c.delivery === 'digest')));
    expect(await pageAll({ since: '60d', rule: 'ru-ua' })).toEqual(newest(claims.filter((c) => c.ruleId === 'ru-ua' && c.createdAt >= '2026-09-29')));
    expect(await pageAll({ since: '2026-11-01', delivery: 'instant' })).toEqual(newest(claims.filter((c) => c.createdAt >= '2026-11' && c.delivery === 'instant')));
    expect((await store.listAlerts({ ruleId: 'ru-ua', limit: 1 })).items[0]).toMatchObject({ ruleId: 'ru-ua', message: { ruleId: 'ru-ua' } });
    await expect(queryAlerts(store, { rule: 'ru-ua', cursor: 'eyJub3QiOiJhIGN1cnNvciJ9' })).rejects.toThrow(QueryError);
  });

  it('retries unprocessed batch writes until every listing item is stored', async () => {
    const flaky = localDynamoClient(dynamo.endpoint);
    const real = flaky.send.bind(flaky);
    let dropped = 0;
    // Answer the first batch of each article as if DynamoDB had throttled half of it.
    flaky.send = (async (cmd: unknown) => {
      if (cmd instanceof BatchWriteItemCommand && dropped < 3) {
        const reqs = cmd.input.RequestItems!['store-test']!;
        const keep = reqs.slice(0, Math.ceil(reqs.length / 2));
        dropped++;
        await real(new BatchWriteItemCommand({ RequestItems: { 'store-test': keep } }));
        return { UnprocessedItems: { 'store-test': reqs.slice(keep.length) } };
      }
      return real(cmd as never);
    }) as typeof flaky.send;
    const s2 = new ArticleStore({ client: flaky, tableName: 'store-test', now: () => NOW, retry: { attempts: 5, baseMs: 1, maxMs: 5 } });
    const a = { ...makeArticles(2)[1]!, id: 'throttled1' };
    expect(await s2.putArticle(a)).toBe('new');
    expect(dropped).toBeGreaterThan(0);
    const { ids } = await allPages({ actors: ['RU', 'UA'], regions: ['donetsk'], limit: 100 });
    expect(ids).toContain('throttled1');
  });
});
