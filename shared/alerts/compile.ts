// Rule compilation: parse each query and resolve its tag terms through the gazetteer (shared/tagging),
// collecting every problem with its rule and column. The CLI, the config check at synth and the query
// API compile here; the Lambda functions get rules already compiled at synth.
import type { RuleConfig } from '../model';
import type { RuleNode } from './ast';
import { QuerySyntaxError, RuleError } from './errors';
import { parseQuery } from './parser';
import { gazetteerLookup, resolveTerms, type TagLookup } from './resolve';
import { DEFAULT_MAX_PER_HOUR, type CompiledRule } from './rules';

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

/** Compiles rules that were already validated (a Lambda's bundled config): any error is a build mistake and throws. */
export function compileRulesStrict(configs: RuleConfig[]): CompiledRule[] {
  const { rules, errors } = compileRules(configs);
  if (errors.length) throw new AggregateError(errors, `rules do not compile: ${errors.map((e) => e.message).join('; ')}`);
  return rules;
}
