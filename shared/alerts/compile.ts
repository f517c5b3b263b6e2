// Rule compilation: parse each query and resolve its tag terms through the gazetteer (shared/tagging),
// collecting every problem with its rule and column. The CLI, the config check at synth and the query
// API compile here; the Lambda functions get rules already compiled at synth.
import type { RuleConfig } from '../model';
import { parseDuration } from '../trends/duration';
import type { RuleNode } from './ast';
import { QuerySyntaxError, RuleError } from './errors';
import { parseQuery } from './parser';
import { gazetteerLookup, resolveTerms, type TagLookup } from './resolve';
import { DEFAULT_MAX_PER_HOUR, type CompiledRule, type CompiledSpike, type WeightedTerm } from './rules';

/** A rule without a query matches every article (its terms, or its watch, decide). */
const EVERYTHING: RuleNode = { type: 'and', children: [] };

/** Compiles one query (a rule's, or one typed on the command line); throws RuleError. */
export function compileQuery(rule: Pick<RuleConfig, 'id'> & Partial<RuleConfig>, lookup: TagLookup = gazetteerLookup): CompiledRule {
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
    const before = errors.length;
    const query = c.query;
    if (query === undefined && !c.terms && !c.watch && !c.novel) errors.push(new RuleError('needs a query, weighted terms, a watch or a novel pair', c.id));
    const ast = query === undefined ? EVERYTHING : compileTree(query, lookup, errors, (reason, column) => new RuleError(reason, c.id, column));
    const terms = c.terms ? compileTerms(c, lookup, errors) : undefined;
    if (c.terms && c.threshold === undefined) errors.push(new RuleError('weighted terms need a "threshold" (the total weight an article must reach)', c.id));
    if (c.threshold !== undefined && !c.terms) errors.push(new RuleError('"threshold" needs weighted "terms" to add up', c.id));
    const spike = c.spike ? compileSpike(c, errors) : undefined;
    if (c.watch && !c.spike) errors.push(new RuleError('a watch rule needs "spike" numbers (window, baseline, factor, min)', c.id));
    if (c.watch && (query !== undefined || c.terms)) errors.push(new RuleError('a watch rule follows every tag of its kinds: it takes no query or terms', c.id));
    if (c.novel && (c.spike || c.watch)) errors.push(new RuleError('"novel" cannot be combined with "spike" or "watch"', c.id));
    if (errors.length > before || !ast) continue;
    rules.push({
      id: c.id,
      name: c.name ?? c.id,
      query: query ?? '',
      severity: c.severity ?? 'info',
      maxPerHour: c.maxPerHour ?? DEFAULT_MAX_PER_HOUR,
      ast,
      ...(terms ? { terms, threshold: c.threshold } : {}),
      ...(spike ? { spike } : {}),
      ...(c.watch ? { watch: c.watch } : {}),
      ...(c.novel ? { novel: c.novel } : {}),
    });
  }
  return { rules, errors };
}

/** Parses and resolves one query; pushes each problem through `error` and returns undefined on any. */
function compileTree(query: string, lookup: TagLookup, errors: RuleError[], error: (reason: string, column: number) => RuleError): RuleNode | undefined {
  let ast: RuleNode;
  try {
    ast = parseQuery(query);
  } catch (err) {
    if (!(err instanceof QuerySyntaxError)) throw err;
    const e = error(err.message, err.column);
    errors.push(Object.assign(e, { cause: err }));
    return undefined;
  }
  const unknown = resolveTerms(ast, lookup);
  for (const e of unknown) errors.push(Object.assign(error(e.message, e.column), { cause: e }));
  return unknown.length ? undefined : ast;
}

/**
 * `"terms": {"ceasefire": 2, "-football": -5}`: each key is a small query (a word, phrase, wildcard,
 * tag term…). A leading '-' marks a term that lowers the score; its weight must then be negative.
 */
function compileTerms(c: RuleConfig, lookup: TagLookup, errors: RuleError[]): WeightedTerm[] {
  const out: WeightedTerm[] = [];
  for (const [key, weight] of Object.entries(c.terms!)) {
    const negated = /^-\S/.test(key);
    const text = negated ? key.slice(1) : key;
    if (negated && weight > 0) {
      errors.push(new RuleError(`term "${key}" is written with "-" but has a positive weight ${weight} (give it a negative weight, such as -5)`, c.id));
      continue;
    }
    const ast = compileTree(text, lookup, errors, (reason, column) => new RuleError(`term "${key}", column ${column + (negated ? 1 : 0)}: ${reason}`, c.id));
    if (ast) out.push({ term: key, weight, ast });
  }
  return out;
}

function compileSpike(c: RuleConfig, errors: RuleError[]): CompiledSpike | undefined {
  const s = c.spike!;
  const windowMs = parseDuration(s.window);
  const baselineMs = parseDuration(s.baseline);
  const before = errors.length;
  if (windowMs === undefined) errors.push(new RuleError(`spike.window "${s.window}" is not a duration such as 30m, 6h or 14d`, c.id));
  if (baselineMs === undefined) errors.push(new RuleError(`spike.baseline "${s.baseline}" is not a duration such as 30m, 6h or 14d`, c.id));
  if (windowMs !== undefined && baselineMs !== undefined && baselineMs < 2 * windowMs) errors.push(new RuleError(`spike.baseline ${s.baseline} must be at least twice the window ${s.window}`, c.id));
  if (windowMs !== undefined && windowMs > 7 * 86_400_000) errors.push(new RuleError(`spike.window ${s.window} is longer than 7d`, c.id));
  if (baselineMs !== undefined && baselineMs > 90 * 86_400_000) errors.push(new RuleError(`spike.baseline ${s.baseline} is longer than 90d`, c.id));
  if (errors.length > before) return undefined;
  return { windowMs: windowMs!, baselineMs: baselineMs!, factor: s.factor, min: s.min };
}

/** Compiles rules that were already validated (a Lambda's bundled config): any error is a build mistake and throws. */
export function compileRulesStrict(configs: RuleConfig[]): CompiledRule[] {
  const { rules, errors } = compileRules(configs);
  if (errors.length) throw new AggregateError(errors, `rules do not compile: ${errors.map((e) => e.message).join('; ')}`);
  return rules;
}
