import type { Command } from 'commander';
import { DEFAULT_ASSUMPTIONS, estimateMonthlyCost, type CostEstimate } from '../../shared/cost';
import { CliError } from '../errors';

interface CostOptions {
  feeds: string;
  interval: string;
  itemsPerDay: string;
  smsPerDay?: string;
  emailsPerDay?: string;
  retentionDays: string;
  json?: boolean;
}

/** `news-monitor cost`: the monthly AWS bill of a deployment, with every assumption printed. */
export function register(program: Command): void {
  program
    .command('cost')
    .description('estimate the monthly AWS bill of a deployment (us-east-1 list prices)')
    .requiredOption('--feeds <n>', 'number of feeds')
    .option('--interval <minutes>', 'minutes between polls', '15')
    .requiredOption('--items-per-day <k>', 'new articles a day across all feeds')
    .option('--sms-per-day <s>', 'SMS alerts a day')
    .option('--emails-per-day <e>', 'email alerts a day (default: min(items, 20))')
    .option('--retention-days <d>', 'days an article is kept (config retentionDays)', '365')
    .option('--json', 'print the estimate as JSON')
    .action((o: CostOptions) => {
      const est = estimateMonthlyCost({
        feeds: count(o.feeds, '--feeds', 1),
        intervalMinutes: count(o.interval, '--interval', 1),
        itemsPerDay: count(o.itemsPerDay, '--items-per-day', 0),
        smsPerDay: o.smsPerDay === undefined ? undefined : count(o.smsPerDay, '--sms-per-day', 0),
        emailsPerDay: o.emailsPerDay === undefined ? undefined : count(o.emailsPerDay, '--emails-per-day', 0),
      }, { ...DEFAULT_ASSUMPTIONS, retentionDays: count(o.retentionDays, '--retention-days', 1) });
      process.stdout.write(o.json ? `${JSON.stringify(est)}\n` : render(est));
    });
}

function count(v: string, flag: string, min: number): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > 1e7) throw new CliError(`${flag} must be a number ≥ ${min}, got "${v}"`);
  return n;
}

const usd = (n: number) => (n < 0.01 && n > 0 ? '<$0.01' : `$${n.toFixed(2)}`);

function render(est: CostEstimate): string {
  const rows = est.lines.map((l) => [l.service, l.fixed ? `${l.item} (fixed)` : l.item, Math.round(l.quantity * 100) / 100 + ' ' + l.unit, usd(l.usd)]);
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const out = rows.map((r) => `  ${r[0]!.padEnd(w[0]!)}  ${r[1]!.padEnd(w[1]!)}  ${r[2]!.padStart(w[2]!)}  ${r[3]!.padStart(w[3]!)}`);
  return [
    'Monthly estimate',
    ...out,
    '',
    `  reading the feeds      ${usd(est.pipelineUsd)} a month`,
    `  fixed (key, alarms, dashboard, metrics) ${usd(est.fixedUsd)} a month`,
    `  total ${usd(est.totalUsd)} a month (${usd(est.totalBeforeSmsUsd)} before SMS; ${usd(est.totalAfterFreeTierUsd)} after the always-free tier of an otherwise empty account)`,
    '',
    'Assumptions',
    ...est.assumptions.map((a) => `  - ${a}`),
    '',
  ].join('\n');
}
