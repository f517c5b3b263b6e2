import type { Command } from 'commander';
import { compileRulesStrict, digestPeriodMs, sendDigests } from '../../shared/alerts';
import { parseTimeBound, QueryError } from '../../shared/query';
import { DEFAULT_CONFIGS, loadCliConfig } from '../config-path';
import { DEFAULT_DATA_DIR, publisherFor, webhooksFor, withStore } from '../context';
import { fanOut } from '../../shared/delivery';
import { CliError } from '../errors';

interface DigestOptions {
  since?: string;
  until?: string;
  config?: string;
  dataDir: string;
  outbox?: string;
  json?: boolean;
  quiet?: boolean;
}

/** `news-monitor digest`: the digests the scheduled function would send, written to the outbox (or SNS when NEWS_MONITOR_TOPIC_ARN is set). */
export function register(program: Command): void {
  program
    .command('digest')
    .description('send one digest per rule of the alerts of a period (default: the digest schedule\'s period up to now)')
    .option('--since <time>', 'start of the period: ISO date or time, or 24h, 7d… (default: one digestSchedule period ago)')
    .option('--until <time>', 'end of the period (default: now)')
    .option('--config <file>', `config file (default: ${DEFAULT_CONFIGS.join(', else ')})`)
    .option('--data-dir <dir>', 'folder of the embedded store and outbox', DEFAULT_DATA_DIR)
    .option('--outbox <file>', 'outbox, JSON lines (default: <data-dir>/outbox.jsonl)')
    .option('--json', 'print one JSON summary object')
    .option('--quiet', 'no line per digest on stderr')
    .action(async (opts: DigestOptions) => {
      const { config } = loadCliConfig(opts.config);
      const now = new Date();
      const until = opts.until === undefined ? now.toISOString() : bound(opts.until, 'until', now);
      const since = opts.since === undefined ? new Date(Date.parse(until) - digestPeriodMs(config.digestSchedule)).toISOString() : bound(opts.since, 'since', now);
      if (since > until) throw new CliError(`--since ${since} is after --until ${until}`);
      const outbox = publisherFor({ outbox: opts.outbox, dataDir: opts.dataDir, quiet: opts.quiet });
      // Webhook subscriptions with "delivery": "digest" get the digests too (their filter decides).
      const webhooks = webhooksFor(config, opts.dataDir);
      const publisher = webhooks ? fanOut(outbox, webhooks) : outbox;
      const rules = compileRulesStrict(config.rules);
      const r = await withStore({ dataDir: opts.dataDir, retentionDays: config.retentionDays }, ({ store }) => sendDigests({ rules, store, publisher, since, until }));
      if (webhooks) await webhooks.drain();
      if (opts.json) process.stdout.write(`${JSON.stringify({ since, until, ...r })}\n`);
      else process.stdout.write(`${r.digests} digest${r.digests === 1 ? '' : 's'} (${r.alerts} alert${r.alerts === 1 ? '' : 's'}) from ${since} to ${until}${r.digests ? '' : ': no rule had alerts in that period'}\n`);
    });
}

function bound(v: string, field: 'since' | 'until', now: Date): string {
  try {
    return parseTimeBound(v, field, now);
  } catch (err) {
    if (err instanceof QueryError) throw new CliError(err.message.replace(/^invalid (since|until)/, 'invalid --$1'), 1, { cause: err });
    throw err;
  }
}
