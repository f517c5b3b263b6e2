import fs from 'node:fs';
import type { Command } from 'commander';
import { compileQuery, compileRules, RuleError, scoreLine, type CompiledRule, type RuleMatch } from '../../shared/alerts';
import type { Config, TaggedArticle } from '../../shared/model';
import { parseTimeBound, QueryError } from '../../shared/query';
import { testRule, type RuleTestResult } from '../../shared/query/rule-test';
import { DEFAULT_CONFIGS, loadCliConfig } from '../config-path';
import { DEFAULT_DATA_DIR, withStore } from '../context';
import { CliError } from '../errors';

interface TestOptions {
  since?: string;
  config?: string;
  dataDir: string;
  json?: boolean;
  limit: string;
  maxArticles: string;
}

/** `news-monitor rules check` and `news-monitor rules test`. */
export function register(program: Command): void {
  const rules = program.command('rules').description('check the rules of a config, or try a rule or query on stored articles');
  rules
    .command('check')
    .description('validate the config and every rule; exit 1 naming the field, the rule and the position of each problem')
    .option('--config <file>', `config file (default: ${DEFAULT_CONFIGS.join(', else ')})`)
    .action((opts: { config?: string }) => {
      const { config, file } = loadCliConfig(opts.config);
      process.stdout.write(`${file}: OK — ${plural(config.feeds.length, 'feed')}, ${plural(config.rules.length, 'rule')}, ${plural(config.subscriptions.length, 'subscription')}\n`);
      for (const r of config.rules) process.stdout.write(`  ${r.id} [${r.severity}] ${describeRule(r)}\n`);
    });
  rules
    .command('test')
    .description('show which stored articles a rule (by id) or a query would have matched, and why')
    .argument('<rule-or-query>', 'a rule id from the config, or a query such as \'actor:RU AND region:UA AND attack\'')
    .option('--since <time>', 'only articles published since then: ISO date or time, or 30m, 24h, 7d, 2w')
    .option('--config <file>', 'config file that holds the rule (default: the usual config, when there is one)')
    .option('--data-dir <dir>', 'folder of the embedded store', DEFAULT_DATA_DIR)
    .option('--limit <n>', 'matches to show (all are counted)', '20')
    .option('--max-articles <n>', 'stored articles to look at, newest first', '5000')
    .option('--json', 'print one JSON object')
    .action(async (target: string, opts: TestOptions) => {
      const limit = wholeNumber(opts.limit, '--limit');
      const maxArticles = wholeNumber(opts.maxArticles, '--max-articles');
      const since = opts.since === undefined ? undefined : timeBound(opts.since);
      const { rule, source } = ruleFor(target, configIfAny(opts.config));
      await withStore({ dataDir: opts.dataDir }, async ({ store, where }) => {
        const result = await testRule(rule, store, { since, maxArticles });
        if (opts.json) process.stdout.write(`${JSON.stringify(toJson(rule, result, limit))}\n`);
        else printResult(rule, source, where, result, limit, since);
      });
    });
}

// testRule moved to shared/query/rule-test.ts (the web interface uses it too); re-exported for callers of this module.
export { testRule, type RuleTestResult };

function ruleFor(target: string, loaded: { config: Config; file: string } | undefined): { rule: CompiledRule; source: string } {
  const configured = loaded?.config.rules.find((r) => r.id === target);
  if (configured) {
    const { rules, errors } = compileRules([configured]);
    if (errors.length) throw new CliError(errors[0]!.message);
    return { rule: rules[0]!, source: `rule ${configured.id} from ${loaded!.file}` };
  }
  try {
    return { rule: compileQuery({ id: 'query', name: 'query', query: target, severity: 'info' }), source: loaded ? `query (no rule "${target}" in ${loaded.file})` : 'query' };
  } catch (err) {
    if (err instanceof RuleError) throw new CliError(`query, column ${err.column}: ${err.reason}`, 1, { cause: err });
    throw err;
  }
}

/** One line for `rules check`: the query, and what the rule adds to it. */
function describeRule(r: Config['rules'][number]): string {
  const parts = [r.query ?? ''];
  if (r.terms) parts.push(`terms ${Object.keys(r.terms).length} (threshold ${r.threshold})`);
  if (r.watch) parts.push(`watch ${r.watch.side}${r.watch.kinds ? ` ${r.watch.kinds.join('/')}` : ''}`);
  if (r.spike) parts.push(`spike ${r.spike.window} vs ${r.spike.baseline}, ×${r.spike.factor}, min ${r.spike.min}`);
  if (r.novel) parts.push(`novel actor+region after ${r.novel.quietDays}d`);
  return parts.filter(Boolean).join('; ');
}

function configIfAny(file: string | undefined): { config: Config; file: string } | undefined {
  if (file === undefined && !DEFAULT_CONFIGS.some((f) => fs.existsSync(f))) return undefined;
  return loadCliConfig(file);
}

function printResult(rule: CompiledRule, source: string, where: string, r: RuleTestResult, limit: number, since: string | undefined): void {
  const alerts = r.matches.filter((m) => !m.duplicateOf).length;
  const out: string[] = [
    `${source}: ${rule.query}`,
    `${plural(r.examined, 'stored article')}${r.walked ? ` tagged ${r.walked.side}:${r.walked.id}` : ''}${since ? ` since ${since}` : ''} in the ${where}${r.capped ? ' (stopped at --max-articles)' : ''}: ` +
      `${plural(r.matches.length, 'match', 'matches')}, ${plural(alerts, 'alert')} (one per story)`,
  ];
  for (const m of r.matches.slice(0, limit)) {
    const a = m.article;
    out.push('', `${a.publishedAt.slice(0, 16).replace('T', ' ')} UTC  ${a.feedName}  ${a.title}`, `  ${a.url || '(no link)'}`, `  why: ${why(m.why, a)}`);
    if (m.duplicateOf) out.push(`  (same story as article ${m.duplicateOf}: no second alert)`);
  }
  if (r.matches.length > limit) out.push('', `… ${r.matches.length - limit} more (--limit to see them)`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function why(m: RuleMatch, a: TaggedArticle): string {
  const parts: string[] = [];
  if (m.words.length) parts.push(`words ${m.words.map((w) => `"${w}"`).join(', ')}`);
  if (m.tags.length) {
    const all = [...(a.actors ?? []), ...(a.regions ?? [])];
    parts.push(`tags ${m.tags.map((id) => `${all.find((t) => t.id === id)?.name ?? id} (${id})`).join(', ')}`);
  }
  if (m.feeds.length) parts.push(`feed ${m.feeds.join(', ')}`);
  if (m.fired.length) parts.push(`operators ${m.fired.join(', ')}`);
  if (m.score) parts.push(`score ${scoreLine(m.score)}`);
  return parts.join('; ') || 'no positive term (the rule matches by exclusion)';
}

function toJson(rule: CompiledRule, r: RuleTestResult, limit: number) {
  return {
    rule: { id: rule.id, query: rule.query, severity: rule.severity },
    examined: r.examined,
    ...(r.walked ? { walked: r.walked } : {}),
    capped: r.capped,
    matched: r.matches.length,
    alerts: r.matches.filter((m) => !m.duplicateOf).length,
    items: r.matches.slice(0, limit).map((m) => ({
      article: { id: m.article.id, url: m.article.url, title: m.article.title, publishedAt: m.article.publishedAt, feedName: m.article.feedName },
      why: { words: m.why.words, tags: m.why.tags, feeds: m.why.feeds, operators: m.why.fired, ...(m.why.score ? { score: m.why.score } : {}) },
      ...(m.duplicateOf ? { duplicateOf: m.duplicateOf } : {}),
    })),
  };
}

function timeBound(v: string): string {
  try {
    return parseTimeBound(v, 'since', new Date());
  } catch (err) {
    if (err instanceof QueryError) throw new CliError(err.message, 1, { cause: err });
    throw err;
  }
}

function wholeNumber(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new CliError(`${flag} must be a whole number from 1 to 1000000, got "${v}"`);
  return n;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
