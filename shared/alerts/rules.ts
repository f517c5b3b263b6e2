// Compiled rules (compile.ts makes them) matched against articles. Nothing here needs the gazetteer:
// a compiled rule carries its tag ids, so the alert and digest functions take rules compiled at synth
// (functions/lib/config.ts bundledRules) and leave the tagger out of their bundles.
import type { Severity, TaggedArticle } from '../model';
import type { RuleNode } from './ast';
import { articleText } from './article-text';
import { evaluate, type Evidence } from './evaluate';

/** Alerts per rule per hour before the overflow is folded (RuleConfig.maxPerHour overrides it). */
export const DEFAULT_MAX_PER_HOUR = 20;

/** A rule ready to match: its config and its resolved syntax tree. */
export interface CompiledRule {
  id: string;
  name: string;
  query: string;
  severity: Severity;
  maxPerHour: number;
  ast: RuleNode;
}

/** Why an article matched a rule: the words as written in the article, the tag ids, the feed. */
export interface RuleMatch {
  ruleId: string;
  words: string[];
  tags: string[];
  feeds: string[];
}

/** Matches one compiled rule against an article: why it matched, or null. */
export function matchRule(rule: CompiledRule, article: TaggedArticle): RuleMatch | null {
  const ev: Evidence = { words: [], tags: [], feeds: [] };
  if (!evaluate(rule.ast, articleText(article), ev)) return null;
  return { ruleId: rule.id, words: ev.words, tags: [...new Set(ev.tags)], feeds: [...new Set(ev.feeds)] };
}
