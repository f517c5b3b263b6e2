// Rules compiled once (parsed, tag terms resolved) and matched against articles many times.
import type { RuleConfig, Severity, TaggedArticle } from '../model';
import type { RuleNode } from './ast';
import { articleText } from './article-text';
import { QuerySyntaxError, RuleError } from './errors';
import { evaluate, type Evidence } from './evaluate';
import { parseQuery } from './parser';
import { gazetteerLookup, resolveTerms, type TagLookup } from './resolve';

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

/** Compiles one query (a rule's, or one typed on the command line); throws RuleError. */
export function compileQuery(rule: Pick<RuleConfig, 'id' | 'query'> & Partial<RuleConfig>, lookup: TagLookup = gazetteerLookup): CompiledRule {
  const { rules, errors } = compileRules([{ name: rule.id, severity: 'info', ...rule } as RuleConfig], { lookup });
  if (errors.length) throw errors[0]!;
  return rules[0]!;
}

/**
 * Compiles every rule and collects every problem (syntax errors, then each unknown tag) instead of
 * stopping at the first. Rules with errors are left out of `rules`.
 */
export function compileRules(configs: RuleConfig[], opts: { lookup?: TagLookup } = {}): { rules: CompiledRule[]; errors: RuleError[] } {
  const lookup = opts.lookup ?? gazetteerLookup;
  const rules: CompiledRule[] = [];
  const errors: RuleError[] = [];
  for (const c of configs) {
    let ast: RuleNode;
    try {
      ast = parseQuery(c.query ?? '');
    } catch (err) {
      if (!(err instanceof QuerySyntaxError)) throw err;
      errors.push(new RuleError(err.message, c.id, err.column, { cause: err }));
      continue;
    }
    const unknown = resolveTerms(ast, lookup);
    for (const e of unknown) errors.push(new RuleError(e.message, c.id, e.column, { cause: e }));
    if (unknown.length) continue;
    rules.push({ id: c.id, name: c.name ?? c.id, query: c.query, severity: c.severity ?? 'info', maxPerHour: c.maxPerHour ?? DEFAULT_MAX_PER_HOUR, ast });
  }
  return { rules, errors };
}

/** Matches one compiled rule against an article: why it matched, or null. */
export function matchRule(rule: CompiledRule, article: TaggedArticle): RuleMatch | null {
  const ev: Evidence = { words: [], tags: [], feeds: [] };
  if (!evaluate(rule.ast, articleText(article), ev)) return null;
  return { ruleId: rule.id, words: ev.words, tags: [...new Set(ev.tags)], feeds: [...new Set(ev.feeds)] };
}

/** Compiles rules that were already validated (a Lambda's bundled config): any error is a build mistake and throws. */
export function compileRulesStrict(configs: RuleConfig[]): CompiledRule[] {
  const { rules, errors } = compileRules(configs);
  if (errors.length) throw new AggregateError(errors, `rules do not compile: ${errors.map((e) => e.message).join('; ')}`);
  return rules;
}
