// queryArticles: the one query behind `news-monitor query` and GET /articles.
import type { TaggedArticle } from '../model';
import { decodeCursor, encodeCursor, InvalidCursorError, isArticlePosition, type ArticleStore } from '../store';
import { QueryError } from './errors';
import { defaultResolver, mostSelective, resolveNames, type TagResolver } from './names';
import { parseLimit } from './params';
import { matchesText, parseText, textKey } from './text';
import { parseTimeBound } from './time';

/** What a user asks for. Names resolve through the gazetteer; every given tag must be on the article. */
export interface ArticleQuery {
  actors?: string[];
  regions?: string[];
  /** Keep only articles about the given tags (each tag salient on the article). */
  salient?: boolean;
  /** Words and "quoted phrases" that must all appear in the title or summary. */
  text?: string;
  since?: string;
  until?: string;
  /** 1–100, default 20. */
  limit?: number | string;
  cursor?: string;
}

/** One page: newest first, and the cursor of the next page (null at the end). */
export interface ArticlePage {
  items: TaggedArticle[];
  cursor: string | null;
}

/** Seams for tests: the gazetteer and the clock (relative since/until). */
export interface QueryDeps {
  resolver?: TagResolver;
  now?: Date;
}

/** Runs an article query: validates it (QueryError for anything wrong), then reads one page from the store. */
export async function queryArticles(store: Pick<ArticleStore, 'listArticles'>, q: ArticleQuery, deps: QueryDeps = {}): Promise<ArticlePage> {
  const now = deps.now ?? new Date();
  const limit = parseLimit(q.limit);
  const since = q.since === undefined || q.since === '' ? undefined : parseTimeBound(q.since, 'since', now);
  const until = q.until === undefined || q.until === '' ? undefined : parseTimeBound(q.until, 'until', now);
  if (since && until && since > until) throw new QueryError(`since (${since}) is after until (${until})`, { field: 'since' });
  const terms = q.text?.trim() ? parseText(q.text) : undefined;
  const names = [...(q.actors ?? []), ...(q.regions ?? [])];
  const resolver = names.length ? (deps.resolver ?? (await defaultResolver())) : undefined;
  const tags = resolver ? [...resolveNames(q.actors ?? [], 'actor', resolver), ...resolveNames(q.regions ?? [], 'region', resolver)] : [];
  if (q.salient && !tags.length) throw new QueryError('salient needs at least one actor or region (it keeps the articles that are about them)', { field: 'salient' });
  const via = mostSelective(tags);
  const others = tags.filter((t) => t !== via);
  // The cursor is bound to the query as resolved ("NATO" and "nato" share cursors) and to the raw times.
  const binding = JSON.stringify(['articles', tags.map((t) => `${t.side}:${t.id}`).sort(), Boolean(q.salient), terms ? textKey(terms) : null, q.since ?? null, q.until ?? null]);
  let start;
  if (q.cursor) {
    try {
      start = decodeCursor(q.cursor, binding, isArticlePosition);
    } catch (err) {
      if (err instanceof InvalidCursorError) throw new QueryError(err.message, { field: 'cursor', cause: err });
      throw err;
    }
  }
  const page = await store.listArticles({
    via: via && { side: via.side, id: via.id, kind: via.kind },
    alsoTagged: others.map((t) => ({ side: t.side, id: t.id })),
    salient: q.salient ? tags.map((t) => ({ side: t.side, id: t.id })) : undefined,
    since,
    until,
    limit,
    start,
    accept: terms ? (a) => matchesText(a, terms) : undefined,
  });
  return { items: page.items, cursor: page.next ? encodeCursor(page.next, binding) : null };
}
