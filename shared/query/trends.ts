// Trend series (DESIGN.md §5 "Trends"): stories and articles per hour or per day for one tag or one
// rule, read from the trend counters (shared/store/counters.ts), or counted from stored articles
// for a query that no rule counts. The CLI `trends` command and the API's /trends route call this.
import type { CompiledRule } from '../alerts/rules';
import { matchRule, requiredTag } from '../alerts/rules';
import type { ArticleStore } from '../store';
import type { TrendStore } from '../store/counters';
import { ruleScope, storyOf, tagScope } from '../trends/scopes';
import { QueryError } from './errors';
import { defaultResolver, resolveNames, type TagResolver } from './names';
import { parseTimeBound } from './time';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The most buckets one series returns (31 days by the hour, a year by the day). */
const MAX_BUCKETS = { '1h': 31 * 24, '1d': 366 } as const;
/** Stored articles a query without counters may walk. */
const MAX_WALK = 20_000;

export type Bucket = '1h' | '1d';

/** What to chart: exactly one of actor, region, rule (a rule id whose matches are counted) or query. */
export interface TrendQuery {
  actor?: string;
  region?: string;
  rule?: string;
  /** A compiled query no rule counts: its series is counted from the stored articles. */
  query?: CompiledRule;
  since?: string;
  until?: string;
  bucket?: string;
}

/** One bucket of a series (DESIGN.md: `{"start","stories","articles"}`). */
export interface TrendBucket {
  start: string;
  stories: number;
  articles: number;
}

/** A series and what it is of. */
export interface TrendSeries {
  buckets: TrendBucket[];
  /** What was counted, for a heading: `region:MD (Moldova)`, `rule md-surge`. */
  label: string;
  bucket: Bucket;
  /** True when the series came from walking stored articles and stopped at the walk limit. */
  capped?: boolean;
}

/** What the trend query needs. */
export interface TrendDeps {
  trends: TrendStore;
  store?: Pick<ArticleStore, 'listArticles'>;
  resolver?: TagResolver;
  /** Rule ids that are counted (the config's rules), when known: another id is an error. */
  ruleIds?: readonly string[];
  now: Date;
}

/** A trend series; bad parameters are QueryErrors naming the field. */
export async function queryTrends(q: TrendQuery, deps: TrendDeps): Promise<TrendSeries> {
  const given = (['actor', 'region', 'rule', 'query'] as const).filter((k) => q[k] !== undefined);
  if (given.length !== 1) throw new QueryError(given.length ? `give one of actor, region or query, not ${given.join(' and ')}` : 'give an actor, a region or a query to chart', { field: given[1] ?? 'actor' });
  const until = Date.parse(q.until ? parseTimeBound(q.until, 'until', deps.now) : deps.now.toISOString()) + 1;
  const since = Date.parse(q.since ? parseTimeBound(q.since, 'since', deps.now) : new Date(deps.now.getTime() - 7 * DAY_MS).toISOString());
  if (since >= until) throw new QueryError('since must be before until', { field: 'since' });
  const bucket = bucketOf(q.bucket, until - since);
  const size = bucket === '1h' ? HOUR_MS : DAY_MS;
  const from = Math.floor(since / size) * size;
  const to = Math.ceil(until / size) * size;
  if ((to - from) / size > MAX_BUCKETS[bucket]) throw new QueryError(`at most ${MAX_BUCKETS[bucket]} buckets of ${bucket}: shorten the period or use --bucket 1d`, { field: 'since' });
  if (q.query) return walkQuery(q.query, deps, from, to, size, bucket);
  let scope: string;
  let label: string;
  if (q.rule !== undefined) {
    if (deps.ruleIds && !deps.ruleIds.includes(q.rule)) throw new QueryError(`no rule "${q.rule}" is counted (rules of the config: ${deps.ruleIds?.join(', ') || 'none'})`, { field: 'rule' });
    scope = ruleScope(q.rule);
    label = `rule ${q.rule}`;
  } else {
    const side = q.actor !== undefined ? 'actor' : 'region';
    const [tag] = resolveNames([(q.actor ?? q.region)!], side, deps.resolver ?? (await defaultResolver()));
    scope = tagScope(side, tag!.id);
    label = `${side}:${tag!.id} (${tag!.name})`;
  }
  const cells = await deps.trends.readHours(scope, from, to);
  const buckets = new Map<number, TrendBucket>();
  for (let t = from; t < to; t += size) buckets.set(t, { start: new Date(t).toISOString(), stories: 0, articles: 0 });
  for (const c of cells) {
    const t = Math.floor(Date.parse(`${c.hour}:00:00.000Z`) / size) * size;
    const b = buckets.get(t);
    if (b) (b.stories += c.stories), (b.articles += c.articles);
  }
  return { buckets: [...buckets.values()], label, bucket };
}

function bucketOf(v: string | undefined, spanMs: number): Bucket {
  if (v === undefined) return spanMs <= 3 * DAY_MS ? '1h' : '1d';
  if (v === '1h' || v === '1d') return v;
  throw new QueryError(`bucket must be 1h or 1d, got "${v}"`, { field: 'bucket' });
}

/** A query no counter follows: stored articles in the period, matched, each story counted in the bucket of its first article. */
async function walkQuery(rule: CompiledRule, deps: TrendDeps, from: number, to: number, size: number, bucket: Bucket): Promise<TrendSeries> {
  if (!deps.store) throw new QueryError('a query is charted from stored articles, and there is no store here', { field: 'query' });
  const buckets = new Map<number, TrendBucket>();
  for (let t = from; t < to; t += size) buckets.set(t, { start: new Date(t).toISOString(), stories: 0, articles: 0 });
  const firstOfStory = new Map<string, number>();
  const via = requiredTag(rule.ast);
  let examined = 0;
  let start;
  let capped = false;
  do {
    const page = await deps.store.listArticles({ via, since: new Date(from).toISOString(), until: new Date(to - 1).toISOString(), limit: 100, start });
    for (const a of page.items) {
      examined++;
      if (!matchRule(rule, a)) continue;
      const t = Math.floor(Date.parse(a.publishedAt) / size) * size;
      const b = buckets.get(t);
      if (!b) continue;
      b.articles++;
      const story = storyOf(a);
      // Newest first: the last one seen is the story's first article.
      firstOfStory.set(story, t);
    }
    start = page.next ?? undefined;
    if (start && examined >= MAX_WALK) capped = true;
  } while (start && !capped);
  for (const t of firstOfStory.values()) buckets.get(t)!.stories++;
  return { buckets: [...buckets.values()], label: `query ${rule.query}`, bucket, ...(capped ? { capped } : {}) };
}
