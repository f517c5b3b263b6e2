// testRule: what a rule (or a bare query) would have matched among stored articles, and why. Shared
// by `news-monitor rules test`, the web interface's rule box and its /rss feed of a rule query.
import { matchRule, requiredTag, scoreLine, type CompiledRule, type RuleMatch } from '../alerts';
import type { TaggedArticle } from '../model';
import type { ArticleStore, CursorPosition, TagFilter } from '../store';

/** The outcome of trying a rule on stored articles. */
export interface RuleTestResult {
  examined: number;
  /** True when maxArticles (or stopAfter) stopped the walk before the oldest article. */
  capped: boolean;
  /** The tag listing walked instead of every article, when the rule requires a tag. */
  walked?: TagFilter;
  matches: { article: TaggedArticle; why: RuleMatch; duplicateOf?: string }[];
  /** Where a walk that stopped early would go on (`start` of the next call), or null at the end. */
  next: CursorPosition | null;
}

/**
 * Walks stored articles newest first and matches each; a story seen already is marked as a
 * duplicate (it would not alert again). When the rule requires a tag, only that tag's listing is
 * walked, so a narrow rule reads a few articles however large the store. `stopAfter` ends the walk
 * after the page (of at most 100) in which that many matches were found; `start` continues a walk
 * where an earlier one stopped (its `next`).
 */
export async function testRule(rule: CompiledRule, store: Pick<ArticleStore, 'listArticles'>, opts: { since?: string; maxArticles: number; stopAfter?: number; start?: CursorPosition }): Promise<RuleTestResult> {
  const result: RuleTestResult = { examined: 0, capped: false, matches: [], next: null };
  const via = requiredTag(rule.ast);
  if (via) result.walked = via;
  const seen = new Map<string, string>();
  const found: RuleTestResult['matches'] = [];
  const enough = () => opts.stopAfter !== undefined && found.length >= opts.stopAfter;
  let start = opts.start;
  do {
    const page = await store.listArticles({ via, since: opts.since, limit: Math.min(100, opts.maxArticles - result.examined), start });
    // A page is always matched whole (enough matches or not), so `next` continues after it.
    for (const article of page.items) {
      result.examined++;
      const why = matchRule(rule, article);
      if (why) found.push({ article, why });
    }
    start = page.next ?? undefined;
    if (start && (result.examined >= opts.maxArticles || enough())) result.capped = true;
  } while (start && !result.capped);
  // Oldest first decides which copy of a story would have alerted; shown newest first.
  for (const m of [...found].reverse()) {
    const key = m.article.storyKey || m.article.id;
    const first = seen.get(key);
    if (first) m.duplicateOf = first;
    else seen.set(key, m.article.id);
  }
  result.matches = found;
  result.next = result.capped ? (start ?? null) : null;
  return result;
}

/** "words "attack"; tags Russia (RU), Ukraine (UA); feed Eastern Wire" */
export function matchReasons(m: RuleMatch, a: TaggedArticle): string {
  const parts: string[] = [];
  if (m.words.length) parts.push(`words ${m.words.map((w) => `"${w}"`).join(', ')}`);
  if (m.tags.length) {
    const all = [...(a.actors ?? []), ...(a.regions ?? [])];
    parts.push(`tags ${m.tags.map((id) => `${all.find((t) => t.id === id)?.name ?? id} (${id})`).join(', ')}`);
  }
  if (m.feeds.length) parts.push(`feed ${m.feeds.join(', ')}`);
  if (m.fired?.length) parts.push(`operators ${m.fired.join(', ')}`);
  if (m.score) parts.push(`score ${scoreLine(m.score)}`);
  return parts.join('; ') || 'no positive term (the rule matches by exclusion)';
}
