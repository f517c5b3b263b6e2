import type { Command } from 'commander';
import { feedStatuses, type FeedStatus } from '../../shared/feeds';
import { loadCliConfig } from '../config-path';
import { withStore, DEFAULT_DATA_DIR } from '../context';

interface FeedsOptions {
  config?: string;
  dataDir: string;
  json?: boolean;
}

/** `news-monitor feeds`: every configured feed with its health (last success, errors, backoff, paused). */
export function register(program: Command): void {
  program
    .command('feeds')
    .description('list every configured feed with its state: last success, last error, failures, next attempt, paused')
    .option('--config <file>', 'config file (default: news-monitor.config.json, else examples/demo.config.json)')
    .option('--data-dir <dir>', 'folder of the embedded store', DEFAULT_DATA_DIR)
    .option('--json', 'print {"feeds":[…]} as one JSON object')
    .action(async (opts: FeedsOptions) => {
      const { config } = loadCliConfig(opts.config);
      const states = await withStore({ dataDir: opts.dataDir, retentionDays: config.retentionDays }, ({ store }) => store.listFeedStates());
      const rows = feedStatuses(config.feeds, states);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ feeds: rows })}\n`);
        return;
      }
      process.stdout.write(render(rows));
    });
}

const LABEL: Record<FeedStatus['status'], string> = { ok: 'ok', failing: 'FAILING', paused: 'PAUSED', 'never-read': 'not read' };

function render(rows: FeedStatus[]): string {
  const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '-');
  const width = Math.min(40, Math.max(4, ...rows.map((r) => r.name.length)));
  const cut = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));
  const header = `${'STATUS'.padEnd(9)} ${cut('FEED')}  ${'LAST SUCCESS (UTC)'.padEnd(18)}  ${'FAILURES'.padEnd(8)}  NEXT ATTEMPT (UTC)`;
  const lines = rows.map((r) => {
    const next = r.status === 'ok' || r.status === 'never-read' ? '-' : when(r.nextAttemptAt);
    const line = `${LABEL[r.status].padEnd(9)} ${cut(r.name)}  ${when(r.lastSuccessAt).padEnd(18)}  ${String(r.consecutiveFailures).padEnd(8)}  ${next}`;
    return r.lastError ? `${line}\n${' '.repeat(10)}${r.lastError}` : line;
  });
  const count = (s: FeedStatus['status']) => rows.filter((r) => r.status === s).length;
  const summary = `${rows.length} feeds: ${count('ok')} ok, ${count('failing')} failing, ${count('paused')} paused, ${count('never-read')} not read yet`;
  return `${header}\n${lines.join('\n')}\n${summary}\n`;
}
