import type { Config, RunSummary, TaggedArticle } from '../model';
import { alertOnArticle, compileRules, type Publisher } from '../alerts';
import type { ArticleStore } from '../store';
import { trendStoreOf } from '../store/counters';
import { trendPass } from '../trends/pass';
import { ingestFeed, type IngestOutcome } from './ingest';
import { forEachLimit } from './pool';

export interface RunDeps {
  store: ArticleStore;
  publisher: Publisher;
  /** Feeds read at once (default 32). */
  concurrency?: number;
  fetchImpl?: typeof fetch;
  now?: () => Date;
  /** Called once per feed as soon as it is done (progress on a terminal). */
  onFeed?: (outcome: IngestOutcome, alerts: { sent: number; suppressed: number }) => void;
}

/**
 * One local pass: every feed read, tagged and stored with bounded concurrency, and alerts sent for
 * the articles that are new. The cloud does the same in three functions (dispatch, ingest, alert).
 * A feed that fails is reported in the summary; a store that fails ends the pass (it throws).
 */
export async function runPass(config: Config, deps: RunDeps): Promise<RunSummary> {
  const started = performance.now();
  const { rules } = compileRules(config.rules);
  const summary: RunSummary = {
    feeds: { total: config.feeds.length, ok: 0, notModified: 0, failed: 0, skipped: 0 },
    articles: { new: 0, duplicate: 0 },
    alerts: { sent: 0, suppressed: 0 },
    errors: [],
    durationMs: 0,
  };
  const freshInPass: TaggedArticle[] = [];
  await forEachLimit(config.feeds, deps.concurrency ?? 32, async (feed) => {
    const outcome = await ingestFeed(feed, { store: deps.store, config, now: deps.now?.(), fetchImpl: deps.fetchImpl });
    freshInPass.push(...outcome.fresh);
    const alerts = { sent: 0, suppressed: 0 };
    for (const article of outcome.fresh) {
      const r = await alertOnArticle(article, { rules, store: deps.store, publisher: deps.publisher, now: deps.now?.() });
      alerts.sent += r.sent;
      alerts.suppressed += r.suppressed;
    }
    tally(summary, outcome, alerts);
    deps.onFeed?.(outcome, alerts);
  });
  // Trends (shared/trends): count the pass's new articles, then judge spike, watch and novelty rules.
  const trends = await trendPass(freshInPass, { rules, trends: trendStoreOf(deps.store), store: deps.store, publisher: deps.publisher, now: deps.now?.() ?? new Date() });
  summary.alerts.sent += trends.sent;
  summary.durationMs = Math.round(performance.now() - started);
  return summary;
}

function tally(s: RunSummary, o: IngestOutcome, alerts: { sent: number; suppressed: number }): void {
  if (o.status === 'ok') s.feeds.ok++;
  else if (o.status === 'not-modified') s.feeds.notModified++;
  else if (o.status === 'skipped') s.feeds.skipped++;
  else {
    s.feeds.failed++;
    s.errors.push({ feed: o.feed.url, message: `${o.feed.name}: ${o.error ?? 'failed'}` });
  }
  s.articles.new += o.fresh.length;
  s.articles.duplicate += o.duplicates;
  s.alerts.sent += alerts.sent;
  s.alerts.suppressed += alerts.suppressed;
}
