import type { Command } from 'commander';
import { assumptionsFor, estimateMonthlyCost, type CostEstimate, type CostInput, type CostProfile } from '../../shared/cost';
import { CliError } from '../errors';

interface CostOptions {
  feeds: string;
  interval: string;
  itemsPerDay: string;
  smsPerDay?: string;
  emailsPerDay?: string;
  retentionDays: string;
  webhooks: string;
  profile?: string;
  json?: boolean;
}

const PROFILES: CostProfile[] = ['standard', 'lean'];

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
    .option('--webhooks <w>', 'webhook subscriptions', '0')
    .option('--profile <p>', 'only this deployment profile: standard or lean (default: both, side by side)')
    .option('--json', 'print the estimate as JSON (the chosen profile, default standard, with both under "profiles")')
    .action((o: CostOptions) => {
      if (o.profile !== undefined && !PROFILES.includes(o.profile as CostProfile)) throw new CliError(`--profile must be standard or lean, got "${o.profile}"`);
      const input: CostInput = {
        feeds: count(o.feeds, '--feeds', 1),
        intervalMinutes: count(o.interval, '--interval', 1),
        itemsPerDay: count(o.itemsPerDay, '--items-per-day', 0),
        smsPerDay: o.smsPerDay === undefined ? undefined : count(o.smsPerDay, '--sms-per-day', 0),
        emailsPerDay: o.emailsPerDay === undefined ? undefined : count(o.emailsPerDay, '--emails-per-day', 0),
        webhooks: count(o.webhooks, '--webhooks', 0),
      };
      const retentionDays = count(o.retentionDays, '--retention-days', 1);
      const profiles = Object.fromEntries(PROFILES.map((p) => [p, estimateMonthlyCost(input, assumptionsFor(p, { retentionDays }))])) as Record<CostProfile, CostEstimate>;
      const chosen = (o.profile as CostProfile | undefined) ?? 'standard';
      if (o.json) process.stdout.write(`${JSON.stringify({ ...profiles[chosen], profile: chosen, profiles })}\n`);
      else process.stdout.write(render(o.profile ? { [chosen]: profiles[chosen] } : profiles));
    });
}

function count(v: string, flag: string, min: number): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > 1e7) throw new CliError(`${flag} must be a number ≥ ${min}, got "${v}"`);
  return n;
}

const usd = (n: number) => (n < 0.01 && n > 0 ? '<$0.01' : `$${n.toFixed(2)}`);

/** The itemised estimate, one price column per profile (`-c profile=…` of the CDK app). */
function render(profiles: Partial<Record<CostProfile, CostEstimate>>): string {
  const names = Object.keys(profiles) as CostProfile[];
  const ests = names.map((n) => profiles[n]!);
  const first = ests[0]!;
  // The lines are the same in every profile; the fixed ones differ in quantity, so each column has its own.
  const table = [
    ['', '', ...names],
    ...first.lines.map((l, i) => [l.service, l.fixed ? `${l.item} (fixed)` : l.item, ...ests.map((e) => `${fmtQty(e.lines[i]!.quantity)} ${e.lines[i]!.unit}  ${usd(e.lines[i]!.usd)}`)]),
  ];
  const w = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const out = table.map((r) => `  ${r.map((cell, c) => (c < 2 ? cell.padEnd(w[c]!) : cell.padStart(w[c]!))).join('  ')}`.trimEnd());
  const sum = (label: string, f: (e: CostEstimate) => string) => `  ${label.padEnd(w[0]! + w[1]! + 2)}  ${ests.map((e, c) => f(e).padStart(w[c + 2]!)).join('  ')}`;
  return [
    `Monthly estimate, by deployment profile (cdk deploy -c profile=${names.join('|')})`,
    ...out,
    '',
    sum('reading the feeds', (e) => `${usd(e.pipelineUsd)}/month`),
    sum('fixed (key, alarms, dashboard, metrics)', (e) => `${usd(e.fixedUsd)}/month`),
    sum('total, list prices', (e) => `${usd(e.totalUsd)}/month`),
    sum('total before SMS', (e) => `${usd(e.totalBeforeSmsUsd)}/month`),
    sum('after the always-free tier (empty account)', (e) => `${usd(e.totalAfterFreeTierUsd)}/month`),
    '',
    'Profiles',
    '  standard: dashboard, every alarm (errors and throttles of each function), 10 application metrics and cold starts, a KMS key for topics and log groups',
    '  lean:     only the alarms that mean data is lost (dead letters, failed alert batches and publishes, paused feeds, failed webhooks); no dashboard, no KMS key',
    '',
    'Assumptions',
    ...first.assumptions.map((a) => `  - ${a}`),
    ...(ests.length > 1 ? [`  - lean: ${ests[1]!.assumptions.find((a) => a.includes('custom metrics'))}`] : []),
    '',
  ].join('\n');
}

function fmtQty(n: number): string {
  return String(Math.round(n * 100) / 100);
}
