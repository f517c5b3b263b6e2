// Counting new articles into the trend counters: per tag and per rule, distinct stories and
// articles per hour. Runs once per pass (or stream batch) over its new articles, so the counter
// writes are summed per (scope, day) before they go out (docs/STORE.md "Trend counters").
import { matchRule, type CompiledRule } from '../alerts/rules';
import type { Tag, TaggedArticle } from '../model';
import { hourOf, type CounterIncrement, type TrendStore } from '../store/counters';
import { eachLimit } from '../store/pool';
import { noveltyScope, ruleScope, storyOf, tagScopes } from './scopes';

/** Story-scopes updates in flight at once. */
const UPDATES_IN_FLIGHT = 8;

/** A scope that received a new story in this batch, with what is needed to judge a surge in it. */
export interface TouchedScope {
  scope: string;
  /** For a tag scope: the tag as the newest article carried it (its name and kind). */
  tag?: Tag;
  side?: 'actor' | 'region';
}

/** What a batch of new articles added: the scopes with new stories, and the stories new to each novelty rule. */
export interface CountResult {
  touched: Map<string, TouchedScope>;
  /** Per novelty rule id: the new articles that first brought their story to the rule. */
  novelCandidates: Map<string, TaggedArticle[]>;
  /** Counter items written (one per scope and day). */
  counterWrites: number;
}

/**
 * Counts new articles. Each article costs one story-scopes update (a story counts once per scope
 * however many feeds carry it) and its share of one counter update per (scope, day) in the batch.
 * An article dated in the future counts in the current hour.
 */
export async function countArticles(articles: readonly TaggedArticle[], rules: readonly CompiledRule[], trends: TrendStore, now: Date): Promise<CountResult> {
  const increments: CounterIncrement[] = [];
  const touched = new Map<string, TouchedScope>();
  const novelCandidates = new Map<string, TaggedArticle[]>();
  // One story-scopes update per article, a few in flight (ADD is atomic, so two articles of one
  // story in the same batch still count it once).
  await eachLimit(articles, UPDATES_IN_FLIGHT, async (a) => {
    const tags = tagScopes(a);
    const scopes = [...tags.map((t) => t.scope)];
    // Watch rules follow tags (their counters above); every other rule is counted on its own.
    const matched = rules.filter((r) => !r.watch && matchRule(r, a));
    scopes.push(...matched.map((r) => ruleScope(r.id)));
    scopes.push(...matched.filter((r) => r.novel).map((r) => noveltyScope(r.id)));
    if (!scopes.length) return;
    const fresh = new Set(await trends.claimStoryScopes(storyOf(a), scopes, now));
    const published = Math.min(Date.parse(a.publishedAt) || now.getTime(), now.getTime());
    const hour = hourOf(published);
    const newest = { id: a.id, publishedAt: new Date(published).toISOString() };
    for (const scope of scopes) {
      if (scope.startsWith('novel:')) continue;
      const isNew = fresh.has(scope);
      increments.push({ scope, hour, stories: isNew ? 1 : 0, articles: 1, ...(isNew ? { newest } : {}) });
      if (isNew) {
        const t = tags.find((x) => x.scope === scope);
        touched.set(scope, { scope, ...(t ? { tag: t.tag, side: t.side } : {}) });
      }
    }
    for (const r of matched) {
      if (!r.novel || !fresh.has(noveltyScope(r.id))) continue;
      const list = novelCandidates.get(r.id) ?? [];
      list.push(a);
      novelCandidates.set(r.id, list);
    }
  });
  const counterWrites = await trends.addCounts(increments, now);
  return { touched, novelCandidates, counterWrites };
}
