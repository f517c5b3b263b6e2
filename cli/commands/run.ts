import type { Command } from 'commander';
import { runPass, type IngestOutcome } from '../../shared/pipeline';
import type { RunSummary } from '../../shared/model';
import { loadCliConfig } from '../config-path';
import { publisherFor, webhooksFor, withStore, DEFAULT_DATA_DIR } from '../context';
import { fanOut } from '../../shared/delivery';
import { CliError } from '../errors';

interface RunOptions {
  config?: string;
  dataDir: string;
  outbox?: string;
  json?: boolean;
  watch?: boolean;
  interval?: string;
  concurrency: string;
  quiet?: boolean;
  now?: string;
}

/** `news-monitor run`: one full pass (or repeated passes with --watch). */
export function register(program: Command): void {
  program
    .command('run')
    .description('fetch every feed, store new articles, send alerts (one pass, or repeated with --watch)')
    .option('--config <file>', 'config file (default: news-monitor.config.json, else examples/demo.config.json)')
    .option('--data-dir <dir>', 'folder of the embedded store and outbox', DEFAULT_DATA_DIR)
    .option('--outbox <file>', 'alerts outbox, JSON lines (default: <data-dir>/outbox.jsonl)')
    .option('--json', 'print one JSON summary object as the last line of stdout')
    .option('--watch', 'repeat the pass every --interval minutes until interrupted')
    .option('--interval <minutes>', 'minutes between passes with --watch (default: the config intervalMinutes)')
    .option('--concurrency <n>', 'feeds read at once', '32')
    .option('--quiet', 'no progress lines on stderr')
    .option('--now <instant>', 'run as if the current time were this ISO instant (replays: fetch times, alert times, hourly caps)')
    .action(async (opts: RunOptions) => {
      const { config, file } = loadCliConfig(opts.config);
      const now = opts.now === undefined ? undefined : replayClock(opts.now);
      const concurrency = positiveInt(opts.concurrency, '--concurrency');
      const intervalMin = opts.interval === undefined ? config.intervalMinutes : positiveNumber(opts.interval, '--interval');
      if (opts.interval !== undefined && !opts.watch) throw new CliError('--interval needs --watch');
      const outbox = publisherFor({ outbox: opts.outbox, dataDir: opts.dataDir, quiet: opts.quiet });
      // Webhooks after the outbox: each alert is in the outbox before it is queued for them.
      const webhooks = webhooksFor(config, opts.dataDir);
      const publisher = webhooks ? fanOut(outbox, webhooks) : outbox;
      await withStore({ dataDir: opts.dataDir, retentionDays: config.retentionDays }, async ({ store, where }) => {
        if (!opts.quiet) process.stderr.write(`news-monitor: ${config.feeds.length} feeds from ${file}, ${where}\n`);
        const stop = stopSignal();
        for (;;) {
          await webhooks?.resumePending();
          const summary = await runPass(config, { store, publisher, concurrency, now, onFeed: opts.quiet ? undefined : progress, onResumed: opts.quiet ? undefined : resumedLine });
          if (webhooks) summary.webhooks = await webhooks.drain();
          report(summary, opts.json);
          if (!opts.watch || stop.requested) break;
          if (!opts.quiet) process.stderr.write(`news-monitor: next pass in ${intervalMin} min (Ctrl-C to stop)\n`);
          await stop.sleep(intervalMin * 60_000);
          if (stop.requested) break;
        }
        stop.dispose();
      });
    });
}

function progress(o: IngestOutcome, alerts: { sent: number }): void {
  const name = o.feed.name;
  const line =
    o.status === 'ok'
      ? `  ok      ${name}: ${o.fresh.length} new, ${o.duplicates} already stored${alerts.sent ? `, ${alerts.sent} alert${alerts.sent > 1 ? 's' : ''}` : ''}`
      : o.status === 'not-modified'
        ? `  same    ${name}: not modified since last pass`
        : o.status === 'skipped'
          ? `  later   ${name}: ${o.error ?? 'not due yet'}`
          : `  FAILED  ${name}: ${o.error ?? 'failed'}`;
  process.stderr.write(`${line}\n`);
  for (const w of o.warnings) process.stderr.write(`          note: ${w}\n`);
  if (o.pausedNow) process.stderr.write(`          paused: failing too long; tried once a day until it works (news-monitor feeds)\n`);
}

function resumedLine(articles: number, alerts: { sent: number; suppressed: number }): void {
  process.stderr.write(`  resumed ${articles} article${articles === 1 ? '' : 's'} an interrupted run left with alerts pending: ${alerts.sent} sent, ${alerts.suppressed} already sent or held\n`);
}

/**
 * The clock of `run --now T`: T when the pass starts, moving on with real time from there (so the
 * alerts of one pass keep their order). Only an ISO date or instant is accepted.
 */
export function replayClock(value: string, started = Date.now()): () => Date {
  const t = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim()) ? Date.parse(value.trim()) : NaN;
  if (Number.isNaN(t)) throw new CliError(`--now must be an ISO date or instant such as 2026-10-01T06:00:00Z, got "${value}"`);
  return () => new Date(t + (Date.now() - started));
}

function report(s: RunSummary, json?: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(s)}\n`);
    return;
  }
  const f = s.feeds;
  process.stdout.write(
    `${f.total} feeds: ${f.ok} read, ${f.notModified} not modified, ${f.skipped} not due, ${f.failed} failed; ` +
      `${s.articles.new} new articles, ${s.articles.duplicate} already stored; ` +
      `${s.alerts.sent} alerts sent, ${s.alerts.suppressed} suppressed (${(s.durationMs / 1000).toFixed(1)} s)\n`,
  );
  if (s.webhooks) {
    const w = s.webhooks;
    process.stdout.write(`webhooks: ${w.delivered} delivered, ${w.pending} pending for the next run${w.dropped ? `, ${w.dropped} dropped` : ''}\n`);
  }
  if (s.articles.new > 0) {
    process.stdout.write('next: npx news-monitor query --actor NATO   (or --region "Black Sea", --text ceasefire, --since 7d)\n');
    process.stdout.write('      npx news-monitor show <id>   ·   npx news-monitor rules test \'region:UA AND attack*\'\n');
  }
}

/** Ctrl-C during --watch ends the current pass cleanly instead of killing it mid-write. */
function stopSignal() {
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const state = {
    requested: false,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, ms);
      }),
    dispose: () => process.off('SIGINT', onSigint),
  };
  const onSigint = () => {
    state.requested = true;
    if (timer) clearTimeout(timer);
    wake?.();
  };
  process.on('SIGINT', onSigint);
  return state;
}

function positiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new CliError(`${flag} must be a whole number from 1 to 1000, got "${v}"`);
  return n;
}

function positiveNumber(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`${flag} must be a positive number of minutes, got "${v}"`);
  return n;
}
