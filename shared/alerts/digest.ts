// Digests: one message per rule listing the alerts of a period, for subscribers who asked for
// delivery=digest (and for the alerts the hourly cap held back).
import type { AlertMessage, Severity } from '../model';
import type { ArticleStore, StoredAlert } from '../store';
import { formatSms, SUBJECT_MAX } from './format';
import type { Publisher } from './publisher';
import { DEFAULT_MAX_PER_HOUR, type CompiledRule } from './rules';
import { SEVERITIES } from './subscriptions';
import { oneLine, truncate, utcMinute } from './text';

/** Alerts listed one by one in a digest email; the rest are counted. */
const LISTED_MAX = 100;
const MAX_ATTRIBUTE_IDS = 50;

type RuleInfo = Pick<CompiledRule, 'id' | 'name' | 'severity'> & { maxPerHour?: number };

/**
 * The digest of one rule's alerts (any order; listed by publication time, oldest first), or
 * undefined when there are none. Alerts beyond the hourly cap (those the instant channel held back) are marked.
 */
export function buildDigest(ruleId: string, alerts: StoredAlert[], opts: { rule?: RuleInfo; since?: string; until?: string } = {}): AlertMessage | undefined {
  const byAlertTime = alerts.filter((a) => a.ruleId === ruleId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (byAlertTime.length === 0) return undefined;
  const rule: RuleInfo = opts.rule ?? { id: ruleId, name: ruleId, severity: highest(byAlertTime.map((a) => a.severity)) };
  const held = heldBack(byAlertTime, rule.maxPerHour ?? DEFAULT_MAX_PER_HOUR);
  // Listed in the order the stories were published, which is how a reader follows them.
  const mine = [...byAlertTime].sort((a, b) => a.message.article.publishedAt.localeCompare(b.message.article.publishedAt) || a.createdAt.localeCompare(b.createdAt));
  const newest = mine[mine.length - 1]!;
  const period = `${opts.since ? `from ${utcMinute(opts.since)} ` : ''}to ${utcMinute(opts.until ?? byAlertTime[byAlertTime.length - 1]!.createdAt)}`;
  const count = `${mine.length} alert${mine.length === 1 ? '' : 's'}`;
  const lines = [
    `Digest: ${rule.name} (rule ${rule.id}, ${rule.severity})`,
    `${count} ${period}${held.size ? `; ${held.size} of them held back by the hourly cap (not sent one by one)` : ''}.`,
    '',
  ];
  mine.slice(0, LISTED_MAX).forEach((a, i) => {
    const m = a.message.article;
    lines.push(
      `${i + 1}. ${oneLine(m.title)}${held.has(a) ? '  [held back]' : ''}`,
      `   ${[m.feedName, utcMinute(m.publishedAt)].filter(Boolean).join(' · ')}`,
      `   ${m.url || '(no link)'}`,
    );
  });
  if (mine.length > LISTED_MAX) lines.push('', `…and ${mine.length - LISTED_MAX} more (news-monitor rules test ${rule.id} lists them all).`);
  lines.push('', '-- ', `news-monitor digest ${rule.id}`);
  return {
    ruleId: rule.id,
    severity: rule.severity,
    delivery: 'digest',
    article: newest.message.article,
    actors: union(mine.map((a) => a.message.actors)),
    regions: union(mine.map((a) => a.message.regions)),
    email: { subject: truncate(`[digest] ${rule.name}: ${count}`, SUBJECT_MAX), body: lines.join('\n') },
    sms: formatSms(`[DIGEST] ${rule.id}: ${count}. Latest: `, oneLine(newest.message.article.title), newest.message.article.url),
  };
}

/**
 * Alerts a rule's cap held back: marked `folded` (durable claims record it), or, for claims stored
 * before claims had a state, beyond the first `cap` of their hour.
 */
function heldBack(sorted: StoredAlert[], cap: number): Set<StoredAlert> {
  const perHour = new Map<string, number>();
  const held = new Set<StoredAlert>();
  for (const a of sorted) {
    const hour = a.createdAt.slice(0, 13);
    const n = (perHour.get(hour) ?? 0) + 1;
    perHour.set(hour, n);
    if (a.folded || (a.state === undefined && n > cap)) held.add(a);
  }
  return held;
}

function highest(list: Severity[]): Severity {
  return list.reduce<Severity>((top, s) => (SEVERITIES.indexOf(s) > SEVERITIES.indexOf(top) ? s : top), 'info');
}

function union(lists: string[][]): string[] {
  return [...new Set(lists.flat())].slice(0, MAX_ATTRIBUTE_IDS);
}

/** Every alert of one rule in [since, until], read page by page. */
export async function alertsOfRule(store: Pick<ArticleStore, 'listAlerts'>, ruleId: string, since: string, until?: string): Promise<StoredAlert[]> {
  const out: StoredAlert[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listAlerts({ ruleId, since, until, limit: 100, cursor });
    out.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return out;
}

/** Builds and publishes the digest of every rule with alerts in [since, until]. */
export async function sendDigests(deps: {
  rules: Pick<CompiledRule, 'id' | 'name' | 'severity' | 'maxPerHour'>[];
  store: Pick<ArticleStore, 'listAlerts'>;
  publisher: Publisher;
  since: string;
  until?: string;
}): Promise<{ digests: number; alerts: number; rules: { ruleId: string; alerts: number }[] }> {
  const result = { digests: 0, alerts: 0, rules: [] as { ruleId: string; alerts: number }[] };
  for (const rule of deps.rules) {
    const alerts = await alertsOfRule(deps.store, rule.id, deps.since, deps.until);
    const digest = buildDigest(rule.id, alerts, { rule, since: deps.since, until: deps.until });
    if (!digest) continue;
    await deps.publisher.publish(digest);
    result.digests++;
    result.alerts += alerts.length;
    result.rules.push({ ruleId: rule.id, alerts: alerts.length });
  }
  return result;
}

const HOUR = 3_600_000;
const UNITS: Record<string, number> = { minute: 60_000, minutes: 60_000, hour: HOUR, hours: HOUR, day: 24 * HOUR, days: 24 * HOUR };

/**
 * The period a digest covers, from the EventBridge Scheduler expression that triggers it: exact for
 * rate(...); for cron(...), hourly when the hour is '*', weekly when one weekday is named, else daily.
 */
export function digestPeriodMs(expression: string): number {
  const rate = /^rate\(\s*(\d+)\s+(minutes?|hours?|days?)\s*\)$/i.exec(expression.trim());
  if (rate) return Number(rate[1]) * UNITS[rate[2]!.toLowerCase()]!;
  const cron = /^cron\((.*)\)$/i.exec(expression.trim());
  if (cron) {
    const [, hour, , , dow] = cron[1]!.trim().split(/\s+/);
    if (hour === '*') return HOUR;
    if (dow && /^([1-7]|[A-Za-z]{3})$/.test(dow)) return 7 * 24 * HOUR;
  }
  return 24 * HOUR;
}

/**
 * The window a digest covers, from the invoke's payload: `since`/`until` (a manual resend), else the
 * period ending at `scheduledTime` (EventBridge Scheduler's <aws.scheduler.scheduled-time>, the same
 * on a retry, so consecutive digests neither overlap nor leave gaps), else the period ending now.
 */
export function digestWindow(event: unknown, periodMs: number, now: Date): { since: string; until: string } {
  const e = (event && typeof event === 'object' ? event : {}) as { since?: unknown; until?: unknown; scheduledTime?: unknown };
  const until = instant(e.until, 'until') ?? instant(e.scheduledTime, 'scheduledTime') ?? now.toISOString();
  const since = instant(e.since, 'since') ?? new Date(Date.parse(until) - periodMs).toISOString();
  if (since > until) throw new RangeError(`digest window: since ${since} is after until ${until}`);
  return { since, until };
}

function instant(v: unknown, name: string): string | undefined {
  if (v === undefined) return undefined;
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) throw new RangeError(`digest window: ${name} is not a date: ${JSON.stringify(v)}`);
  return new Date(t).toISOString();
}
