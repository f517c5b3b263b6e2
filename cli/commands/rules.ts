import fs from 'node:fs';
import type { Command } from 'commander';
import { compileQuery, compileRules, requiredTag, RuleError, type CompiledRule } from '../../shared/alerts';
import { utcMinute } from '../../shared/alerts/text';
import type { Config, TaggedArticle } from '../../shared/model';
import { parseTimeBound, QueryError } from '../../shared/query';
import { matchReasons, testRule, type RuleTestResult } from '../../shared/query/rule-test';
import type { ArticleStore } from '../../shared/store';
import { formatDuration, replaySpikes, type ReplayedSpike } from '../../shared/trends';
import { DEFAULT_CONFIGS, loadCliConfig } from '../config-path';
import { DEFAULT_DATA_DIR, withStore } from '../context';
import { CliError } from '../errors';

interface TestOptions {
  since?: string;
  now?: string;
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
    .option('--now <instant>', 'as if the current time were this ISO instant (the end of a spike replay)')
    .action(async (target: string, opts: TestOptions) => {
      const limit = wholeNumber(opts.limit, '--limit');
      const maxArticles = wholeNumber(opts.maxArticles, '--max-articles');
      const now = opts.now === undefined ? new Date() : new Date(timeBound(opts.now));
      const since = opts.since === undefined ? undefined : timeBound(opts.since, now);
      const { rule, source } = ruleFor(target, configIfAny(opts.config));
      if (rule.spike) {
        // A spike or watch rule alerts on surges: replay the period pass by pass instead of listing matches.
        await withStore({ dataDir: opts.dataDir }, async ({ store, where }) => {
          const replay = await replayRule(rule, store, { since: since ?? new Date(now.getTime() - 7 * 86_400_000).toISOString(), now, maxArticles });
          if (opts.json) process.stdout.write(`${JSON.stringify(replayJson(rule, replay, limit))}\n`);
          else printReplay(rule, source, where, replay, limit);
        });
        return;
      }
      await withStore({ dataDir: opts.dataDir }, async ({ store, where }) => {
        const result = await testRule(rule, store, { since, maxArticles });
        if (opts.json) process.stdout.write(`${JSON.stringify(toJson(rule, result, limit))}\n`);
        else printResult(rule, source, where, result, limit, since);
      });
    });
}

// testRule moved to shared/query/rule-test.ts (the web interface uses it too); re-exported for callers of this module.
export { testRule, type RuleTestResult };

/** A spike rule replayed over stored articles: the surges it would have alerted on. */
export interface RuleReplay {
  examined: number;
  capped: boolean;
  from: string;
  to: string;
  spikes: ReplayedSpike[];
}

/**
 * Replays a spike or watch rule from `since` to `now`: the stored articles from a baseline before
 * `since` (the counts the first passes compare with), judged at every hour as the live pass would.
 */
export async function replayRule(rule: CompiledRule, store: Pick<ArticleStore, 'listArticles'>, opts: { since: string; now: Date; maxArticles: number }): Promise<RuleReplay> {
  const spike = rule.spike!;
  const from = Date.parse(opts.since);
  const articles: TaggedArticle[] = [];
  const via = rule.watch ? undefined : requiredTag(rule.ast);
  let capped = false;
  let start;
  do {
    const page = await store.listArticles({ via, since: new Date(from - spike.baselineMs - spike.windowMs).toISOString(), until: opts.now.toISOString(), limit: Math.min(100, opts.maxArticles - articles.length), start });
    articles.push(...page.items);
    start = page.next ?? undefined;
    if (start && articles.length >= opts.maxArticles) capped = true;
  } while (start && !capped);
  return { examined: articles.length, capped, from: new Date(from).toISOString(), to: opts.now.toISOString(), spikes: replaySpikes(rule, articles, from, opts.now.getTime()) };
}

function printReplay(rule: CompiledRule, source: string, where: string, r: RuleReplay, limit: number): void {
  const s = rule.spike!;
  const out = [
    `${source}: ${rule.query || `watch every ${rule.watch!.side}${rule.watch!.kinds ? ` of kind ${rule.watch!.kinds.join(', ')}` : ''}`}; spike: at least ${s.min} stories in ${formatDuration(s.windowMs)} and ${s.factor} × the mean of the previous ${formatDuration(s.baselineMs)}`,
    `replayed hour by hour from ${utcMinute(r.from)} to ${utcMinute(r.to)} over ${plural(r.examined, 'stored article')} in the ${where}${r.capped ? ' (stopped at --max-articles)' : ''}: ${plural(r.spikes.length, 'surge alert')}`,
  ];
  for (const x of r.spikes.slice(0, limit))
    out.push(`  ${utcMinute(x.at)}  ${x.name ? `${x.name}: ` : ''}${plural(x.stories, 'story', 'stories')} in ${formatDuration(s.windowMs)}, ${x.expected} expected (threshold ${Math.round(x.threshold * 100) / 100})`);
  if (r.spikes.length > limit) out.push(`  … ${r.spikes.length - limit} more (--limit to see them)`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function replayJson(rule: CompiledRule, r: RuleReplay, limit: number) {
  return {
    rule: { id: rule.id, query: rule.query, severity: rule.severity },
    examined: r.examined,
    capped: r.capped,
    replay: { from: r.from, to: r.to },
    spikes: r.spikes.slice(0, limit).map((x) => ({ at: x.at, scope: x.scope, ...(x.name ? { name: x.name } : {}), stories: x.stories, expected: x.expected, threshold: x.threshold, window: x.window })),
  };
}

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
    out.push('', `${a.publishedAt.slice(0, 16).replace('T', ' ')} UTC  ${a.feedName}  ${a.title}`, `  ${a.url || '(no link)'}`, `  why: ${matchReasons(m.why, a)}`);
    if (m.duplicateOf) out.push(`  (same story as article ${m.duplicateOf}: no second alert)`);
  }
  if (r.matches.length > limit) out.push('', `… ${r.matches.length - limit} more (--limit to see them)`);
  process.stdout.write(`${out.join('\n')}\n`);
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

function timeBound(v: string, now = new Date()): string {
  try {
    return parseTimeBound(v, 'since', now);
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
