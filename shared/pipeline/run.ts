import type { Config, RunSummary, TaggedArticle } from '../model';
// The alert modules one by one, not the barrel: the barrel carries the SNS publisher, whose SDK the
// local run and the ingest function never load.
import { compileRules } from '../alerts/compile';
import { alertOnArticle } from '../alerts/flow';
import type { Publisher } from '../alerts/publisher';
import type { ArticleStore } from '../store';
import { trendStoreOf } from '../store/counters';
import { countArticles } from '../trends/count';
import { addCount, emptyCount, judgeTrends } from '../trends/pass';
import { storyOf } from '../trends/scopes';
import { readAndTag, storeFeed, type IngestOutcome } from './ingest';
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
  /** Called when the pass first finished alerts an interrupted pass had left pending. */
  onResumed?: (articles: number, alerts: { sent: number; suppressed: number }) => void;
}

/**
 * One local pass: first the alerts an interrupted pass left pending, then every feed read and
 * tagged with bounded concurrency, and stored — with alerts sent for the articles that are new —
 * one feed after another in the config's order, each article's story assigned in the feed's order.
 * The same feeds thus always form the same stories and the same article of each story alerts,
 * whichever feed answers first; a pass killed and run again sends what a clean pass sends. New articles
 * are recorded as alert-pending before they count as stored, and the record is deleted only once
 * their alerts are done, so a pass killed at any point loses no alert (docs/STORE.md, "Alerts").
 * The cloud does the same in three functions (dispatch, ingest, alert).
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
  // Trends (shared/trends): each batch is counted with its alerts, before its pending record is
  // closed (a killed pass loses no count); spike, watch and novelty rules are judged once at the end.
  // The embedded store (one writer) sums the counts in memory and commits them a batch of feeds at a
  // time, each with the deletion of those feeds' pending records (shared/store/trend-buffer.ts).
  await deps.store.recoverLocalWrites();
  const local = deps.store.localTrends();
  const trends = local ?? trendStoreOf(deps.store);
  const finish = async (key: string) => (local ? local.finishPendingAlerts(key) : deps.store.finishPendingAlerts(key));
  const counted = emptyCount();
  const alertAll = async (articles: TaggedArticle[]) => {
    const alerts = { sent: 0, suppressed: 0 };
    for (const article of articles) {
      const r = await alertOnArticle(article, { rules, store: deps.store, publisher: deps.publisher, now: deps.now?.() });
      alerts.sent += r.sent;
      alerts.suppressed += r.suppressed;
    }
    if (articles.length) {
      await local?.prefetchStories(articles.map(storyOf));
      addCount(counted, await countArticles(articles, rules, trends, deps.now?.() ?? new Date()));
    }
    return alerts;
  };
  const resumed = await resumePending(deps.store, alertAll, finish);
  if (resumed.articles) {
    summary.alerts.sent += resumed.alerts.sent;
    summary.alerts.suppressed += resumed.alerts.suppressed;
    deps.onResumed?.(resumed.articles, resumed.alerts);
  }
  try {
    const ingest = { store: deps.store, config, now: deps.now?.(), fetchImpl: deps.fetchImpl, holdAlerts: true, orderedStories: true };
    const turns = new Turns();
    await forEachLimit(
      config.feeds.map((feed, i) => [feed, i] as const),
      deps.concurrency ?? 32,
      async ([feed, i]) => {
        const read = await readAndTag(feed, ingest).catch((err: unknown) => ({ failed: err }));
        // Feeds are pulled in order, so every earlier feed is held by a worker that never waits on this one.
        await turns.wait(i);
        try {
          if ('failed' in read) throw read.failed;
          const outcome = await storeFeed(read, ingest);
          // In the feed's order, repaired articles (stored by a killed pass) among the new ones, as a clean pass sends them.
          const place = new Map(read.tagged.map((a, k) => [a.id, k]));
          const due = [...outcome.fresh, ...(outcome.resumed ?? [])].sort((x, y) => (place.get(x.id) ?? -1) - (place.get(y.id) ?? -1));
          const alerts = await alertAll(due);
          for (const key of outcome.pending ?? []) await finish(key);
          await local?.flushIfLarge();
          tally(summary, outcome, alerts);
          deps.onFeed?.(outcome, alerts);
        } finally {
          turns.done(i);
        }
      },
    );
    await local?.flush();
    summary.alerts.sent += (await judgeTrends(counted, { rules, trends, store: deps.store, publisher: deps.publisher, now: deps.now?.() ?? new Date() })).sent;
  } finally {
    // A pass that fails still commits what it counted, with the records those counts close.
    if (local?.writes.size) await local.flush().catch(() => undefined);
  }
  summary.durationMs = Math.round(performance.now() - started);
  return summary;
}

/** Lets step i run once steps 0 … i−1 are done (whatever order they became ready in). */
class Turns {
  private next = 0;
  private readonly waiting = new Map<number, () => void>();

  wait(i: number): Promise<void> {
    if (i === this.next) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(i, resolve));
  }

  done(i: number): void {
    if (i !== this.next) return;
    this.next++;
    const wake = this.waiting.get(this.next);
    if (wake) {
      this.waiting.delete(this.next);
      wake();
    }
  }
}

/** Sends the alerts of every pending record an interrupted pass left, then deletes the records. */
async function resumePending(store: ArticleStore, alertAll: (a: TaggedArticle[]) => Promise<{ sent: number; suppressed: number }>, finish: (key: string) => Promise<void>) {
  const total = { articles: 0, alerts: { sent: 0, suppressed: 0 } };
  for (const record of await store.pendingAlerts()) {
    const articles = (await store.getArticles(record.ids)).filter((a): a is TaggedArticle => a !== undefined);
    const r = await alertAll(articles);
    total.articles += articles.length;
    total.alerts.sent += r.sent;
    total.alerts.suppressed += r.suppressed;
    await finish(record.key);
  }
  return total;
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
