// Compiled rules (compile.ts makes them) matched against articles. Nothing here needs the gazetteer:
// a compiled rule carries its tag ids, so the alert and digest functions take rules compiled at synth
// (functions/lib/config.ts bundledRules) and leave the tagger out of their bundles.
import type { NovelConfig, Severity, TagKind, TaggedArticle, WatchConfig } from '../model';
import type { RuleNode } from './ast';
import { articleText } from './article-text';
import { evaluate, noEvidence, type Evidence } from './evaluate';

/** Alerts per rule per hour before the overflow is folded (RuleConfig.maxPerHour overrides it). */
export const DEFAULT_MAX_PER_HOUR = 20;

/** One weighted term of a rule: its text as configured, its weight, its syntax tree. */
export interface WeightedTerm {
  term: string;
  weight: number;
  ast: RuleNode;
}

/** A spike rule's numbers, durations in milliseconds. */
export interface CompiledSpike {
  windowMs: number;
  baselineMs: number;
  factor: number;
  min: number;
}

/** A rule ready to match: its config and its resolved syntax tree. */
export interface CompiledRule {
  id: string;
  name: string;
  /** The query as written ('' when the rule has only terms, or is a watch rule). */
  query: string;
  severity: Severity;
  maxPerHour: number;
  /** The query's tree; a rule without a query has an empty AND, which matches every article. */
  ast: RuleNode;
  terms?: WeightedTerm[];
  threshold?: number;
  spike?: CompiledSpike;
  watch?: WatchConfig;
  novel?: NovelConfig;
}

/** Why an article matched a rule: the words as written in the article, the tag ids, the feed. */
export interface RuleMatch {
  ruleId: string;
  words: string[];
  tags: string[];
  feeds: string[];
  /** Operators beyond plain terms that held, as written in the query with what they found. */
  fired: string[];
  /** For a rule with weighted terms: the terms found, their weights and the total against the threshold. */
  score?: { total: number; threshold: number; terms: { term: string; weight: number }[] };
}

/** Whether a rule alerts story by story (spike, watch and novelty rules are shared/trends' to send). */
export function alertsPerStory(rule: Pick<CompiledRule, 'spike' | 'watch' | 'novel'>): boolean {
  return !rule.spike && !rule.watch && !rule.novel;
}

/** Matches one compiled rule against an article: why it matched, or null. */
export function matchRule(rule: CompiledRule, article: TaggedArticle): RuleMatch | null {
  const ev: Evidence = noEvidence();
  const text = articleText(article);
  if (!evaluate(rule.ast, text, ev)) return null;
  let score: RuleMatch['score'];
  if (rule.terms) {
    const found: { term: string; weight: number }[] = [];
    let total = 0;
    for (const t of rule.terms) {
      const own = noEvidence();
      if (!evaluate(t.ast, text, own)) continue;
      total += t.weight;
      found.push({ term: t.term, weight: t.weight });
      // Only terms that raise the score are reasons; a negative one that was found is shown in the score.
      if (t.weight > 0) {
        for (const w of own.words) if (!ev.words.some((x) => x.toLowerCase() === w.toLowerCase())) ev.words.push(w);
        ev.tags.push(...own.tags);
        ev.fired.push(...own.fired);
      }
    }
    const threshold = rule.threshold ?? 1;
    if (total < threshold) return null;
    score = { total, threshold, terms: found };
  }
  return {
    ruleId: rule.id,
    words: ev.words,
    tags: [...new Set(ev.tags)],
    feeds: [...new Set(ev.feeds)],
    fired: [...new Set(ev.fired)],
    ...(score ? { score } : {}),
  };
}

/**
 * A tag every match must carry (a top-level term, or one of a top-level AND): a listing to walk
 * instead of every article. Its kind tells the store whether an actor is a country (whose articles
 * are listed on the region side too) or reads its own listing alone.
 */
export function requiredTag(node: RuleNode): { side: 'actor' | 'region'; id: string; kind?: TagKind } | undefined {
  const terms = node.type === 'and' ? node.children : [node];
  for (const t of terms) if (t.type === 'tag' && t.id && t.side !== 'any' && !t.salient) return { side: t.side, id: t.id, ...(t.kind ? { kind: t.kind } : {}) };
  return undefined;
}
