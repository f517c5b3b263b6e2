// The newest matching articles, several pages at once, for the pages that summarise a listing
// (map, trends, stories) until the store keeps counts of its own. Bounded: never more than `max`.
import type { TaggedArticle } from '../model';
import type { ArticleStore } from '../store';
import { queryArticles, type ArticleQuery, type QueryDeps } from './articles';

/** What a sample read: the articles (newest first) and whether older matches were left out. */
export interface ArticleSample {
  items: TaggedArticle[];
  /** True when `max` stopped the walk before the oldest match. */
  capped: boolean;
}

/** Reads up to `max` of the newest articles matching `q` (pages of 100), validated as queryArticles does. */
export async function sampleArticles(store: Pick<ArticleStore, 'listArticles'>, q: Omit<ArticleQuery, 'limit' | 'cursor'>, max: number, deps: QueryDeps = {}): Promise<ArticleSample> {
  const items: TaggedArticle[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryArticles(store, { ...q, limit: Math.min(100, max - items.length), cursor }, deps);
    items.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor && items.length < max);
  return { items, capped: Boolean(cursor) };
}

/** The story an article belongs to: its `story` id when the pipeline gave one, else its story key. */
export function storyOf(a: TaggedArticle): string {
  return (a as TaggedArticle & { story?: string }).story || a.storyKey || a.id;
}
