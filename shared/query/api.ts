// The query API (API Gateway HTTP API, payload 2.0): routes to the query module, and maps every
// error to a status in one place — 400 for a bad parameter, 404 for an unknown id or route, 405 for
// another method, 500 (logged, never shown) for anything else.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ArticleStore } from '../store';
import { queryAlerts } from './alerts';
import { queryArticles } from './articles';
import { QueryError } from './errors';
import type { TagResolver } from './names';
import { parseFlag } from './params';
import { queryStories, storyDetail } from './stories';
import { lookupTags } from './tags';
import { queryTrends } from './trends';
import { trendStoreOf } from '../store/counters';

/** What the API handler needs: the store, and optionally the gazetteer, a clock and an error log. */
export interface ApiDeps {
  store: ArticleStore;
  resolver?: TagResolver;
  now?: () => Date;
  /** Where the detail of a 500 goes (the Lambda passes its Powertools logger). */
  logError?: (message: string, err: unknown) => void;
}

class NotFound extends Error {
  override name = 'NotFound';
}

type Params = Record<string, string | undefined>;
type Route = (params: Params, path: string[]) => Promise<unknown>;

const ID = /^[A-Za-z0-9_-]{1,200}$/;

/** Builds the handler; the Lambda gives it the store made at module load, tests give theirs. */
export function createApiHandler(deps: ApiDeps): (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2> {
  const now = () => deps.now?.() ?? new Date();
  const routes: { pattern: RegExp; run: Route }[] = [
    {
      pattern: /^\/articles$/,
      run: (p) =>
        queryArticles(deps.store, { actors: list(p.actor), regions: list(p.region), text: p.text, since: p.since, until: p.until, limit: p.limit, cursor: p.cursor, salient: parseFlag(p.salient, 'salient') }, { resolver: deps.resolver, now: now() }),
    },
    {
      pattern: /^\/articles\/([^/]+)$/,
      run: async (_p, [id]) => {
        const article = ID.test(id!) ? await deps.store.getArticle(id!) : undefined;
        if (!article) throw new NotFound(`no article with id "${id}"`);
        return article;
      },
    },
    { pattern: /^\/alerts$/, run: (p) => queryAlerts(deps.store, { rule: p.rule, since: p.since, until: p.until, delivery: p.delivery, limit: p.limit, cursor: p.cursor }, { now: now() }) },
    { pattern: /^\/tags$/, run: (p) => lookupTags(p.q, { resolver: deps.resolver }) },
    {
      pattern: /^\/stories$/,
      run: (p) => queryStories(deps.store, { actors: list(p.actor), regions: list(p.region), since: p.since, until: p.until, limit: p.limit, cursor: p.cursor }, { resolver: deps.resolver, now: now() }),
    },
    {
      pattern: /^\/stories\/([^/]+)$/,
      run: async (_p, [id]) => {
        const story = ID.test(id!) ? await storyDetail(deps.store, id!) : undefined;
        if (!story) throw new NotFound(`no story with id "${id}"`);
        return story;
      },
    },
    {
      pattern: /^\/trends$/,
      run: async (p) => {
        if (p.q !== undefined) throw new QueryError('/trends charts an actor, a region or a rule (rule=<id>); a free query is charted by `news-monitor trends --query`', { field: 'q' });
        const s = await queryTrends({ actor: p.actor, region: p.region, rule: p.rule, since: p.since, until: p.until, bucket: p.bucket }, { trends: trendStoreOf(deps.store), resolver: deps.resolver, now: now() });
        return { buckets: s.buckets, of: s.label, bucket: s.bucket };
      },
    },
  ];

  return async (event) => {
    const method = event.requestContext?.http?.method ?? 'GET';
    const path = routePath(event);
    const route = routes.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
    if (!route) return json(404, { message: `no such route: ${path}` });
    if (method !== 'GET' && method !== 'HEAD') return json(405, { message: `${method} is not allowed here; use GET` }, { allow: 'GET' });
    try {
      const params: Params = { ...(event.queryStringParameters ?? {}) };
      const segments = route.m!.slice(1).map((s) => safeDecode(s!));
      return json(200, await route.r.run(params, segments));
    } catch (err) {
      if (err instanceof QueryError) return json(400, { message: err.message, ...(err.field ? { field: err.field } : {}) });
      if (err instanceof NotFound) return json(404, { message: err.message });
      deps.logError?.('query API request failed', err);
      return json(500, { message: 'internal error; the details are in the function log', requestId: event.requestContext?.requestId });
    }
  };
}

// HTTP API joins a repeated parameter with commas (actor=NATO&actor=RU → "NATO,RU").
function list(v: string | undefined): string[] {
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

// rawPath carries the stage name for a named stage ("/prod/articles"); routes are matched without it.
function routePath(event: APIGatewayProxyEventV2): string {
  let path = event.rawPath || '/';
  const stage = event.requestContext?.stage;
  if (stage && stage !== '$default' && (path === `/${stage}` || path.startsWith(`/${stage}/`))) path = path.slice(stage.length + 1) || '/';
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}
