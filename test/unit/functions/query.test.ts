import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TaggedArticle } from '../../../shared/model';
import { createApiHandler, type TagResolver } from '../../../shared/query';
import type { ArticleStore } from '../../../shared/store';
import { articleItem } from '../../../shared/store/article-items';

const article: TaggedArticle = {
  id: 'abc', url: 'https://news.example/a', title: 'NATO in the Black Sea', summary: 'Frigates.', publishedAt: '2026-11-27T10:00:00.000Z', fetchedAt: '2026-11-27T10:00:00.000Z',
  feedName: 'Wire', feedUrl: 'https://news.example/rss', storyKey: 'nato in the black sea',
  actors: [{ id: 'nato', name: 'NATO', kind: 'organization', score: 3, salient: true, mentions: [{ text: 'NATO', start: 0, end: 4, field: 'title' }] }], regions: [],
};
const resolver: TagResolver = {
  resolve: (n) => (n.toLowerCase() === 'nato' ? { id: 'nato', name: 'NATO', kind: 'organization' } : undefined),
  suggest: () => ['NATO'],
};

/** A store stand-in with the calls the API makes; listArticles answers one page. */
function fakeStore(over: Partial<Record<'getArticle' | 'listArticles' | 'listAlerts', (...a: never[]) => unknown>> = {}) {
  return {
    getArticle: vi.fn(async (id: string) => (id === 'abc' ? article : undefined)),
    listArticles: vi.fn(async () => ({ items: [article], next: null })),
    listAlerts: vi.fn(async () => ({ items: [], cursor: null })),
    ...over,
  } as unknown as ArticleStore & { listArticles: ReturnType<typeof vi.fn>; listAlerts: ReturnType<typeof vi.fn> };
}

function event(path: string, query: Record<string, string> = {}, method = 'GET', stage = '$default'): APIGatewayProxyEventV2 {
  return { rawPath: path, queryStringParameters: query, requestContext: { http: { method }, stage, requestId: 'req-1' } } as unknown as APIGatewayProxyEventV2;
}

const body = (r: { body?: string }) => JSON.parse(r.body ?? 'null');

describe('query API handler', () => {
  it('answers GET /articles with a page in the contract shape, names resolved', async () => {
    const store = fakeStore();
    const res = await createApiHandler({ store, resolver })(event('/articles', { actor: 'NATO', limit: '5', since: '7d', salient: 'true' }));
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toMatch(/^application\/json/);
    expect(body(res)).toEqual({ items: [article], cursor: null });
    expect(store.listArticles).toHaveBeenCalledWith(expect.objectContaining({ via: { side: 'actor', id: 'nato', kind: 'organization' }, limit: 5, salient: [{ side: 'actor', id: 'nato' }] }));
  });

  it('splits comma-joined repeated parameters', async () => {
    const store = fakeStore();
    const res = await createApiHandler({ store, resolver })(event('/articles', { actor: 'NATO,nato' }));
    expect(res.statusCode).toBe(200);
  });

  it('answers GET /articles/{id} with the whole article, and 404 for an unknown or malformed id', async () => {
    const api = createApiHandler({ store: fakeStore(), resolver });
    const ok = await api(event('/articles/abc'));
    expect(ok.statusCode).toBe(200);
    expect(body(ok)).toEqual(article);
    expect((await api(event('/articles/nope'))).statusCode).toBe(404);
    expect(body(await api(event('/articles/%2E%2E'))).message).toMatch(/^no article with id/);
  });

  it('gives 400 with a one-line message naming the parameter for bad input', async () => {
    const api = createApiHandler({ store: fakeStore(), resolver });
    const cases: [Record<string, string>, RegExp, string][] = [
      [{ limit: '0' }, /^limit must be a whole number from 1 to 100/, 'limit'],
      [{ actor: 'Narnia' }, /^unknown actor "Narnia"; did you mean "NATO"\?$/, 'actor'],
      [{ since: 'yesterday' }, /^invalid since "yesterday"/, 'since'],
      [{ cursor: 'eyJub3QiOiJhIGN1cnNvciJ9' }, /^invalid cursor/, 'cursor'],
      [{ salient: 'true' }, /^salient needs at least one actor or region/, 'salient'],
      [{ text: 'a "b' }, /unclosed quote/, 'text'],
    ];
    for (const [q, message, field] of cases) {
      const res = await api(event('/articles', q));
      expect(res.statusCode, JSON.stringify(q)).toBe(400);
      expect(body(res).message).toMatch(message);
      expect(body(res).field).toBe(field);
    }
    expect((await api(event('/alerts', { delivery: 'pigeon' }))).statusCode).toBe(400);
    expect((await api(event('/tags'))).statusCode).toBe(400);
  });

  it('answers GET /alerts and GET /tags', async () => {
    const store = fakeStore();
    const api = createApiHandler({ store, resolver });
    const alerts = await api(event('/alerts', { rule: 'ru-ua', since: '2026-11-01' }));
    expect(alerts.statusCode).toBe(200);
    expect(store.listAlerts).toHaveBeenCalledWith(expect.objectContaining({ ruleId: 'ru-ua', since: '2026-11-01T00:00:00.000Z', limit: 20 }));
    const tags = await api(event('/tags', { q: 'nato' }));
    expect(body(tags)).toEqual({ query: 'nato', tag: { id: 'nato', name: 'NATO', kind: 'organization' }, suggestions: ['NATO'] });
  });

  it('gives 404 for an unknown route and 405 for a method other than GET', async () => {
    const api = createApiHandler({ store: fakeStore(), resolver });
    expect((await api(event('/feeds'))).statusCode).toBe(404);
    const post = await api(event('/articles', {}, 'POST'));
    expect(post.statusCode).toBe(405);
    expect(post.headers?.allow).toBe('GET');
  });

  it('routes under a named stage', async () => {
    const api = createApiHandler({ store: fakeStore(), resolver });
    expect((await api(event('/prod/articles/abc', {}, 'GET', 'prod'))).statusCode).toBe(200);
  });

  it('gives 500 without internals for a store failure, and logs the detail', async () => {
    const logError = vi.fn();
    const store = fakeStore({ getArticle: async () => { throw new Error('AccessDeniedException: arn:aws:dynamodb:eu-west-1:123456789012:table/secret'); } });
    const res = await createApiHandler({ store, resolver, logError })(event('/articles/abc'));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toMatch(/arn:|AccessDenied|123456789012/);
    expect(body(res)).toMatchObject({ requestId: 'req-1' });
    expect(logError).toHaveBeenCalledWith('query API request failed', expect.any(Error));
  });
});

describe('functions/query handler', () => {
  const ddb = mockClient(DynamoDBClient);
  afterEach(() => {
    ddb.reset();
    vi.unstubAllEnvs();
  });

  it('reads TABLE_NAME at load and serves GET /articles/{id} from that table', async () => {
    vi.stubEnv('TABLE_NAME', 'articles-table');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    ddb.on(GetItemCommand).resolves({ Item: articleItem(article, { ttl: 1, now: new Date() }) });
    const { handler } = await import('../../../functions/query');
    const res = await handler(event('/articles/abc'), { functionName: 'query', awsRequestId: 'r' } as Context);
    expect(res.statusCode).toBe(200);
    expect(body(res).id).toBe('abc');
    expect(ddb.commandCalls(GetItemCommand)[0]!.args[0].input).toMatchObject({ TableName: 'articles-table', Key: { pk: { S: 'ARTICLE#abc' }, sk: { S: 'ARTICLE' } } });
  });
});
