// The rule a page asks about: a rule id from the config, or a query typed in the box (or given to
// /rss?q=), compiled with the same code as `rules test`. The reasons of a match as one line.
import { compileQuery, compileRules, type CompiledRule } from '../alerts';
import type { Config } from '../model';
import { BadRequest } from './context';

/** Compiles a configured rule by id, else the text as a query; a bad query is a BadRequest naming the column. */
export function ruleFromInput(input: string, config: Config, field: string): CompiledRule {
  const configured = config.rules.find((r) => r.id === input);
  if (configured) {
    const { rules, errors } = compileRules([configured]);
    if (errors.length) throw new BadRequest(errors[0]!.message, { field });
    return rules[0]!;
  }
  try {
    return compileQuery({ id: 'query', name: 'query', query: input, severity: 'info' });
  } catch (err) {
    const e = err as { column?: number; reason?: string; message?: string };
    throw new BadRequest(`${field}: ${e.column ? `column ${e.column}: ` : ''}${e.reason ?? e.message ?? String(err)}`, { field, cause: err });
  }
}

export { matchReasons as reasons } from '../query/rule-test';
