import type { Config, FeedConfig, TaggedArticle } from '../model';
import { readFeed } from '../feeds';
import { tagText } from '../tagging';
import type { ArticleStore } from '../store';
import { forEachLimit } from './pool';

/** What happened to one feed in one pass. */
export interface IngestOutcome {
  feed: FeedConfig;
  status: 'ok' | 'not-modified' | 'skipped' | 'failed';
  /** Articles stored for the first time by this pass (alerts follow from these). */
  fresh: TaggedArticle[];
  duplicates: number;
  /** One line in words, for `failed` (and the reason for `skipped`). */
  error?: string;
  /** Time spent per stage, for the latency report. */
  timings: { readMs: number; tagMs: number; storeMs: number };
}

export interface IngestDeps {
  store: ArticleStore;
  config: Pick<Config, 'allowPrivateNetworks' | 'pauseFailingFeedAfterHours'>;
  now?: Date;
  fetchImpl?: typeof fetch;
  /** Concurrent store writes within one feed. */
  writeConcurrency?: number;
}

/** Tags a normalised article: title and summary, dated for time-aware office holders. */
export function tagArticle<A extends { title: string; summary: string; publishedAt: string }>(a: A): A & Pick<TaggedArticle, 'actors' | 'regions'> {
  const { actors, regions } = tagText({ title: a.title, text: a.summary, date: a.publishedAt });
  return { ...a, actors, regions };
}

/**
 * One feed through read → tag → store. Feed problems come back as a `failed` outcome in words and
 * the feed's state (ETag, health, backoff) is saved either way; only store failures throw.
 */
export async function ingestFeed(feed: FeedConfig, deps: IngestDeps): Promise<IngestOutcome> {
  const { store } = deps;
  const t0 = performance.now();
  const previous = await store.getFeedState(feed.url);
  const result = await readFeed(feed, previous, {
    allowPrivateNetworks: deps.config.allowPrivateNetworks,
    pauseAfterHours: deps.config.pauseFailingFeedAfterHours,
    now: deps.now,
    fetchImpl: deps.fetchImpl,
  });
  const timings = { readMs: performance.now() - t0, tagMs: 0, storeMs: 0 };
  const outcome: IngestOutcome = { feed, status: result.status, fresh: [], duplicates: 0, timings };
  if (result.status === 'failed') outcome.error = result.error;
  if (result.status === 'skipped') outcome.error = result.reason;
  if (result.status === 'ok') {
    await forEachLimit(result.articles, deps.writeConcurrency ?? 8, async (article) => {
      const t1 = performance.now();
      const tagged: TaggedArticle = tagArticle(article);
      const t2 = performance.now();
      const verdict = await store.putArticle(tagged);
      timings.tagMs += t2 - t1;
      timings.storeMs += performance.now() - t2;
      if (verdict === 'new') outcome.fresh.push(tagged);
      else outcome.duplicates++;
    });
  }
  // Saved after the articles, so a crash before this point re-reads the feed next time (and the
  // conditional writes make that harmless) rather than skipping items behind a new ETag.
  await store.putFeedState(result.state);
  return outcome;
}
