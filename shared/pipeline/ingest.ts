import type { Config, FeedConfig, FeedState, TaggedArticle } from '../model';
import { readFeed } from '../feeds';
import { tagText } from '../tagging';
import type { ArticleStore } from '../store';
import { storiesFor } from './stories';

/** What happened to one feed in one pass. */
export interface IngestOutcome {
  feed: FeedConfig;
  status: 'ok' | 'not-modified' | 'skipped' | 'failed';
  /**
   * Articles stored for the first time by this pass (alerts follow from these). Each carries
   * `story` and `storyNew` (true when it founded its story: count distinct stories by it).
   */
  fresh: TaggedArticle[];
  /** Articles an earlier, interrupted pass stored without completing: their alerts may not have gone out. */
  resumed?: TaggedArticle[];
  /** With holdAlerts: the pending-alert records to finish (store.finishPendingAlerts) once the alerts are done. */
  pending?: string[];
  duplicates: number;
  /** One line in words, for `failed` (and the reason for `skipped`). */
  error?: string;
  /** What the reader repaired or noticed in a feed it could read (a guessed charset, a moved feed…). */
  warnings: string[];
  /** True when this pass paused the feed (failing for longer than pauseFailingFeedAfterHours). */
  pausedNow: boolean;
  /** Time spent per stage, for the latency report. */
  timings: { readMs: number; tagMs: number; storeMs: number };
}

export interface IngestDeps {
  store: ArticleStore;
  config: Pick<Config, 'allowPrivateNetworks' | 'pauseFailingFeedAfterHours'>;
  now?: Date;
  fetchImpl?: typeof fetch;
  /** Conditional puts in flight within one feed (default 8). */
  writeConcurrency?: number;
  /** Local runs: record new articles as alert-pending before they count as stored (see IngestOutcome.pending). */
  holdAlerts?: boolean;
  /** Local runs: stories assigned one article after another, in feed order (see PutOptions.orderedStories). */
  orderedStories?: boolean;
}

/** A feed read and its articles tagged, not stored yet (ingestFeed's first half). */
export interface ReadFeed {
  outcome: IngestOutcome;
  tagged: TaggedArticle[];
  state: FeedState;
}

/** Articles tagged and stored per putArticles call. */
const STORE_CHUNK = 100;

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
  return storeFeed(await readAndTag(feed, deps), deps);
}

/** Reads a feed and tags its articles; nothing is stored (the feed's state included). */
export async function readAndTag(feed: FeedConfig, deps: IngestDeps): Promise<ReadFeed> {
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
  const outcome: IngestOutcome = {
    feed,
    status: result.status,
    fresh: [],
    resumed: [],
    pending: [],
    duplicates: 0,
    timings,
    warnings: result.status === 'ok' ? result.warnings : [],
    pausedNow: Boolean(result.state.paused && !previous?.paused),
  };
  if (result.status === 'failed') outcome.error = result.error;
  if (result.status === 'skipped') outcome.error = result.reason;
  const t1 = performance.now();
  const tagged: TaggedArticle[] = result.status === 'ok' ? result.articles.map((a) => tagArticle(a)) : [];
  timings.tagMs += performance.now() - t1;
  return { outcome, tagged, state: result.state };
}

/** Stores a read feed's articles, then its state (ingestFeed's second half). */
export async function storeFeed(read: ReadFeed, deps: IngestDeps): Promise<IngestOutcome> {
  const { store } = deps;
  const { outcome, tagged } = read;
  storiesFor(store);
  // Stored in chunks, each through one putArticles call: a few requests per chunk instead of
  // several per article.
  for (let i = 0; i < tagged.length; i += STORE_CHUNK) {
    const t2 = performance.now();
    const chunk = tagged.slice(i, i + STORE_CHUNK);
    const { verdicts, repaired, pending } = await store.storeArticles(chunk, { concurrency: deps.writeConcurrency, holdAlerts: deps.holdAlerts, orderedStories: deps.orderedStories });
    outcome.timings.storeMs += performance.now() - t2;
    chunk.forEach((a, k) => {
      if (verdicts[k] === 'new') outcome.fresh.push(a);
      else outcome.duplicates++;
    });
    outcome.resumed!.push(...repaired);
    if (pending) outcome.pending!.push(pending);
  }
  // Saved after the articles, so a crash before this point re-reads the feed next time (and the
  // conditional writes make that harmless) rather than skipping items behind a new ETag.
  await store.putFeedState(read.state);
  return outcome;
}
