// The rule a page asks about: a rule id from the config, or a query typed in the box (or given to
// /rss?q=), compiled with the same code as `rules test`. The reasons of a match as one line.
import { compileQuery, compileRules, scoreLine, type CompiledRule, type RuleMatch } from '../alerts';
import type { Config, TaggedArticle } from '../model';
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

/** "words "attack"; tags Russia (RU), Ukraine (UA); feed Eastern Wire" */
export function reasons(m: RuleMatch, a: TaggedArticle): string {
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
