// Stories against a real dynalite: articles stored through the store join or found stories, and the
// story reads (store, query module, query API) list them newest first, filter by tag, page without
// repeats and give one story with its articles.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import type { Tag, TaggedArticle } from '../../../shared/model';
import { storiesFor } from '../../../shared/pipeline';
import { createApiHandler, queryStories, storyDetail, type StoryItem } from '../../../shared/query';
import { ArticleStore } from '../../../shared/store';

const tag = (id: string): Tag => ({ id, name: id, kind: 'country', score: 3, salient: true, mentions: [{ text: id, start: 0, end: id.length, field: 'title' }] });
let n = 0;
const article = (title: string, host: string, publishedAt: string, regions: Tag[] = []): TaggedArticle => {
  n++;
  return { id: `st-${n}`, url: `https://${host}/news/${n}`, title, summary: '', publishedAt, fetchedAt: publishedAt, feedName: host, feedUrl: `https://${host}/rss`, storyKey: '', actors: [], regions };
};

// Nine headlines of one story from nine outlets, then three other stories.
const GOX = Array.from({ length: 9 }, (_, i) => article(['Mt. Gox bitcoin exchange files for bankruptcy protection', 'Bitcoin exchange Mt. Gox seeks bankruptcy protection in Tokyo', 'Mt. Gox files for bankruptcy after losing bitcoins'][i % 3]!, `outlet${i}.example`, `2026-11-27T0${i}:00:00.000Z`, [tag('JP')]));
const OTHERS = [
  article('Chiquita and Fyffes agree banana merger', 'a.example', '2026-11-27T10:00:00.000Z', [tag('IE')]),
  article('Twitter outage leaves millions unable to tweet', 'b.example', '2026-11-27T11:00:00.000Z'),
  article('Sbarro pizza chain closes a hundred restaurants', 'c.example', '2026-11-27T12:00:00.000Z'),
];

describe('stories against a real dynalite', () => {
  let dynamo: LocalDynamo;
  let store: ArticleStore;

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'stories-test', now: () => new Date('2026-11-28T00:00:00Z') });
    await store.ensureTable();
    storiesFor(store);
    // One feed at a time, the way ingest stores them (several articles per call).
    for (let i = 0; i < GOX.length; i += 3) await store.putArticles(GOX.slice(i, i + 3));
    await store.putArticles(OTHERS);
  });

  afterAll(async () => dynamo?.close());

  it('gives every article of the story one story id, founded by the first', async () => {
    const stored = await store.getArticles(GOX.map((a) => a.id));
    expect(new Set(stored.map((a) => a!.story)).size).toBe(1);
    expect(stored.map((a) => Boolean(a!.storyNew))).toEqual([true, false, false, false, false, false, false, false, false]);
    const others = await store.getArticles(OTHERS.map((a) => a.id));
    expect(new Set([...others.map((a) => a!.story), stored[0]!.story]).size).toBe(4);
  });

  it('lists stories newest first with their span, articles, sources and tags, each once across pages', async () => {
    const seen: StoryItem[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await queryStories(store, { limit: 1, cursor }, { now: new Date('2026-11-28T00:00:00Z') });
      seen.push(...page.items);
      if (!page.cursor) break;
      cursor = page.cursor;
    }
    expect(seen.map((s) => s.title)).toEqual(['Sbarro pizza chain closes a hundred restaurants', 'Twitter outage leaves millions unable to tweet', 'Chiquita and Fyffes agree banana merger', GOX[0]!.title]);
    expect(seen[3]).toMatchObject({ firstSeen: '2026-11-27T00:00:00.000Z', lastSeen: '2026-11-27T08:00:00.000Z', articles: 9, sources: 9, actors: [], regions: ['JP'] });
  });

  it('keeps the stories about a tag', async () => {
    const resolver = { resolve: (name: string) => ({ id: name.toUpperCase(), name, kind: 'country' as const }), suggest: () => [] };
    const page = await queryStories(store, { regions: ['JP'] }, { resolver });
    expect(page.items.map((s) => s.articles)).toEqual([9]);
  });

  it('gives one story with its articles, newest first, past the ones its profile lists', async () => {
    const id = (await store.getArticle(GOX[0]!.id))!.story!;
    const detail = await storyDetail(store, id);
    expect(detail!.items.map((a) => a.id)).toEqual([...GOX].reverse().map((a) => a.id));
    expect(await storyDetail(store, 'no-such-story')).toBeUndefined();
  });

  it('serves /stories and /stories/{id} from the query API', async () => {
    const api = createApiHandler({ store, now: () => new Date('2026-11-28T00:00:00Z') });
    const get = async (rawPath: string, q: Record<string, string> = {}) => {
      const res = await api({ rawPath, queryStringParameters: q, requestContext: { http: { method: 'GET' } } } as unknown as APIGatewayProxyEventV2);
      return { status: res.statusCode, body: JSON.parse(String(res.body)) };
    };
    const list = await get('/stories', { limit: '2' });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(typeof list.body.cursor).toBe('string');
    const id = (await store.getArticle(GOX[0]!.id))!.story!;
    const one = await get(`/stories/${id}`);
    expect(one.body).toMatchObject({ id, articles: 9 });
    expect(one.body.items).toHaveLength(9);
    expect((await get('/stories/nope')).status).toBe(404);
    expect((await get('/stories', { cursor: 'forged' })).status).toBe(400);
  });
});
