// testRule: what a rule (or a bare query) would have matched among stored articles, and why. Shared
// by `news-monitor rules test`, the web interface's rule box and its /rss feed of a rule query.
import { matchRule, type CompiledRule, type RuleMatch, type RuleNode } from '../alerts';
import type { TaggedArticle } from '../model';
import type { ArticleStore, TagFilter } from '../store';

/** The outcome of trying a rule on stored articles. */
export interface RuleTestResult {
  examined: number;
  /** True when maxArticles (or stopAfter) stopped the walk before the oldest article. */
  capped: boolean;
  /** The tag listing walked instead of every article, when the rule requires a tag. */
  walked?: TagFilter;
  matches: { article: TaggedArticle; why: RuleMatch; duplicateOf?: string }[];
}

/**
 * Walks stored articles newest first and matches each; a story seen already is marked as a
 * duplicate (it would not alert again). When the rule requires a tag, only that tag's listing is
 * walked, so a narrow rule reads a few articles however large the store. `stopAfter` ends the walk
 * once that many matches are found (a feed of the newest matches needs no more).
 */
export async function testRule(rule: CompiledRule, store: Pick<ArticleStore, 'listArticles'>, opts: { since?: string; maxArticles: number; stopAfter?: number }): Promise<RuleTestResult> {
  const result: RuleTestResult = { examined: 0, capped: false, matches: [] };
  const via = requiredTag(rule.ast);
  if (via) result.walked = via;
  const seen = new Map<string, string>();
  const found: RuleTestResult['matches'] = [];
  const enough = () => opts.stopAfter !== undefined && found.length >= opts.stopAfter;
  let start;
  do {
    const page = await store.listArticles({ via, since: opts.since, limit: Math.min(100, opts.maxArticles - result.examined), start });
    for (const article of page.items) {
      result.examined++;
      const why = matchRule(rule, article);
      if (why) found.push({ article, why });
      if (enough()) break;
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
  return result;
}

/** A tag every match must carry (a top-level term, or one of a top-level AND), for the listing to walk. */
function requiredTag(node: RuleNode): TagFilter | undefined {
  const terms = node.type === 'and' ? node.children : [node];
  for (const t of terms) if (t.type === 'tag' && t.id && t.side !== 'any' && !t.salient) return { side: t.side, id: t.id };
  return undefined;
}
