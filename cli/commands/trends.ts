import type { Command } from 'commander';
import { compileQuery, RuleError } from '../../shared/alerts';
import { QueryError, queryTrends, type TrendSeries } from '../../shared/query';
import { trendStoreOf } from '../../shared/store/counters';
import { DEFAULT_CONFIGS, loadCliConfig } from '../config-path';
import { DEFAULT_DATA_DIR, withStore } from '../context';
import { CliError } from '../errors';
import fs from 'node:fs';

interface TrendsOptions {
  actor?: string;
  region?: string;
  query?: string;
  since?: string;
  until?: string;
  bucket?: string;
  now?: string;
  config?: string;
  json?: boolean;
  dataDir: string;
}

const SPARKS = '▁▂▃▄▅▆▇█';
const BAR_WIDTH = 40;

/** `news-monitor trends`: stories per hour or day for a tag or a query, as a chart or JSON (DESIGN.md §5). */
export function register(program: Command): void {
  program
    .command('trends')
    .description('stories (and articles) per hour or day about an actor, a region or a query, with a terminal chart')
    .option('--actor <name>', 'an actor: tag id, ISO code or name ("NATO", "RU")')
    .option('--region <name>', 'a region: tag id, ISO code or name ("Moldova", "Black Sea")')
    .option('--query <rule-or-query>', "a rule id of the config (its counters), or any query ('region:MD AND protest*')")
    .option('--since <time>', 'from: ISO date/time or relative (24h, 7d, 2w); default 7d')
    .option('--until <time>', 'to (inclusive; a bare date includes that whole day); default now')
    .option('--bucket <size>', '1h or 1d (default 1h up to 3 days, else 1d)')
    .option('--now <instant>', 'as if the current time were this ISO instant (replays)')
    .option('--config <file>', 'config whose rule ids --query may name (default: the usual config, when there is one)')
    .option('--json', 'print {"buckets":[{"start","stories","articles"}]}')
    .option('--data-dir <dir>', 'folder of the embedded store', DEFAULT_DATA_DIR)
    .action(async (opts: TrendsOptions) => {
      const now = opts.now === undefined ? new Date() : instant(opts.now);
      const loaded = opts.config !== undefined || DEFAULT_CONFIGS.some((f) => fs.existsSync(f)) ? loadCliConfig(opts.config).config : undefined;
      const ruleIds = loaded?.rules.map((r) => r.id) ?? [];
      const byRule = opts.query !== undefined && ruleIds.includes(opts.query);
      const watch = byRule ? loaded!.rules.find((r) => r.id === opts.query)?.watch : undefined;
      if (watch) throw new CliError(`rule "${opts.query}" watches every ${watch.side} on its own: chart one with --${watch.side} X`);
      const query = opts.query !== undefined && !byRule ? compiled(opts.query) : undefined;
      await withStore({ dataDir: opts.dataDir }, async ({ store }) => {
        let series: TrendSeries;
        try {
          series = await queryTrends(
            { actor: opts.actor, region: opts.region, ...(byRule ? { rule: opts.query } : {}), ...(query ? { query } : {}), since: opts.since, until: opts.until, bucket: opts.bucket },
            { trends: trendStoreOf(store), store, ruleIds, now },
          );
        } catch (err) {
          if (err instanceof QueryError) throw new CliError(err.message, 1, { cause: err });
          throw err;
        }
        process.stdout.write(opts.json ? `${JSON.stringify({ buckets: series.buckets })}\n` : chart(series));
      });
    });
}

function compiled(q: string) {
  try {
    return compileQuery({ id: 'query', query: q });
  } catch (err) {
    if (err instanceof RuleError) throw new CliError(`query, column ${err.column}: ${err.reason}`, 1, { cause: err });
    throw err;
  }
}

function instant(v: string): Date {
  const t = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v.trim()) ? Date.parse(v.trim()) : NaN;
  if (Number.isNaN(t)) throw new CliError(`--now must be an ISO date or instant such as 2026-10-01T06:00:00Z, got "${v}"`);
  return new Date(t);
}

/** The terminal chart: a one-line sparkline of the whole series, then one bar per bucket (the last 48). */
export function chart(s: TrendSeries): string {
  const b = s.buckets;
  const stories = b.reduce((n, x) => n + x.stories, 0);
  const articles = b.reduce((n, x) => n + x.articles, 0);
  const peak = b.reduce((m, x) => (x.stories > m.stories ? x : m), b[0]!);
  const max = Math.max(1, peak.stories);
  const label = (iso: string) => (s.bucket === '1h' ? iso.slice(5, 13).replace('T', ' ') + 'h' : iso.slice(0, 10));
  const spark = b.map((x) => (x.stories === 0 ? ' ' : SPARKS[Math.max(0, Math.ceil((x.stories / max) * SPARKS.length) - 1)]!)).join('');
  const lines = [
    `${s.label}: stories per ${s.bucket === '1h' ? 'hour' : 'day'}, ${label(b[0]!.start)} to ${label(b[b.length - 1]!.start)}`,
    `  ${spark}|`,
    `  ${stories} ${stories === 1 ? 'story' : 'stories'}, ${articles} ${articles === 1 ? 'article' : 'articles'}${peak.stories ? `; peak ${peak.stories} at ${label(peak.start)}` : ''}${s.capped ? ' (stopped at 20000 stored articles)' : ''}`,
    '',
  ];
  const shown = b.slice(-48);
  if (shown.length < b.length) lines.push(`  (the last ${shown.length} of ${b.length} buckets)`);
  lines.push(`  ${(s.bucket === '1h' ? 'hour' : 'day').padEnd(13)} ${''.padEnd(BAR_WIDTH)} stories articles`);
  for (const x of shown) lines.push(`  ${label(x.start).padEnd(13)} ${'█'.repeat(Math.round((x.stories / max) * BAR_WIDTH)).padEnd(BAR_WIDTH)} ${String(x.stories).padStart(7)} ${String(x.articles).padStart(8)}`);
  return `${lines.join('\n')}\n`;
}
