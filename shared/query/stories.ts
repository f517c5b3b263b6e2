// queryStories and storyDetail: the queries behind `news-monitor stories`, `show` (the other
// articles of a story) and GET /stories, /stories/{id}.
import type { TaggedArticle } from '../model';
import { decodeCursor, encodeCursor, InvalidCursorError, isArticlePosition, type ArticleStore, type StoryProfile } from '../store';
import { QueryError } from './errors';
import { defaultResolver, resolveNames, type TagResolver } from './names';
import { parseLimit } from './params';
import { parseTimeBound } from './time';

/** What a user asks for: stories carrying every given tag, by the time of their latest article. */
export interface StoryQuery {
  actors?: string[];
  regions?: string[];
  since?: string;
  until?: string;
  limit?: number | string;
  cursor?: string;
}

/** A story as the DESIGN.md section 5 contract shows it. */
export interface StoryItem {
  id: string;
  title: string;
  firstSeen: string;
  lastSeen: string;
  articles: number;
  sources: number;
  actors: string[];
  regions: string[];
}

/** One page of stories, newest first, and the cursor of the next page (null at the end). */
export interface StoryPage {
  items: StoryItem[];
  cursor: string | null;
}

/** The contract shape of a stored story. */
export function storyItem(p: StoryProfile): StoryItem {
  const side = (prefix: string) => p.tags.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length));
  return { id: p.id, title: p.title, firstSeen: p.firstSeen, lastSeen: p.lastSeen, articles: p.articles, sources: p.sources.length, actors: side('a:'), regions: side('r:') };
}

/** Runs a story query: validated (QueryError for anything wrong), then one page from the store. */
export async function queryStories(store: Pick<ArticleStore, 'listStories'>, q: StoryQuery, deps: { resolver?: TagResolver; now?: Date } = {}): Promise<StoryPage> {
  const now = deps.now ?? new Date();
  const limit = parseLimit(q.limit);
  const since = q.since === undefined || q.since === '' ? undefined : parseTimeBound(q.since, 'since', now);
  const until = q.until === undefined || q.until === '' ? undefined : parseTimeBound(q.until, 'until', now);
  if (since && until && since > until) throw new QueryError(`since (${since}) is after until (${until})`, { field: 'since' });
  const names = [...(q.actors ?? []), ...(q.regions ?? [])];
  const resolver = names.length ? (deps.resolver ?? (await defaultResolver())) : undefined;
  const tags = resolver ? [...resolveNames(q.actors ?? [], 'actor', resolver), ...resolveNames(q.regions ?? [], 'region', resolver)] : [];
  const binding = JSON.stringify(['stories', tags.map((t) => `${t.side}:${t.id}`).sort(), q.since ?? null, q.until ?? null]);
  let start;
  if (q.cursor) {
    try {
      start = decodeCursor(q.cursor, binding, isArticlePosition);
    } catch (err) {
      if (err instanceof InvalidCursorError) throw new QueryError(err.message, { field: 'cursor', cause: err });
      throw err;
    }
  }
  const page = await store.listStories({ tags: tags.map((t) => ({ side: t.side, id: t.id })), since, until, limit, start });
  return { items: page.items.map(storyItem), cursor: page.next ? encodeCursor(page.next, binding) : null };
}

/** A story with its articles (newest first, at most `limit`), or undefined for an unknown id. */
export async function storyDetail(store: Pick<ArticleStore, 'getStory' | 'storyArticles'>, id: string, limit = 100): Promise<(StoryItem & { items: TaggedArticle[] }) | undefined> {
  const p = await store.getStory(id);
  if (!p) return undefined;
  return { ...storyItem(p), items: await store.storyArticles(p.id, limit) };
}
