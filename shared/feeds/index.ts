// Feed ingestion: fetch (http(s) or file:) → decode → parse (RSS, Atom, RDF, CDF, JSON Feed) →
// normalise, with the feed's health.
// readFeed never throws for anything a feed or its server can do: every failure is a `failed`
// result with one line in words, and the state to save (backoff, Retry-After, pause).
import { createHash } from 'node:crypto';
import type { Article, FeedConfig, FeedState } from '../model';
import { describeError, FeedError } from './errors';
import { fetchFile } from './file';
import { fetchHttp, type FetchOutcome } from './http';
import { decodeBody } from './decode';
import { gunzipIfMagic } from './body';
import { parseFeed } from './parse';
import { toArticles } from './normalise';
import { baseState, failed, notDueReason, succeeded } from './health';
import { DEFAULT_LIMITS } from './limits';
import { fetchTransport, nodeTransport } from './transport';

export { canonicalUrl } from './canonical';
export { storyKey } from './story';
export { FeedError } from './errors';
export { DEFAULT_LIMITS } from './limits';

export interface ReadFeedOptions {
  /** Allow feeds on loopback, private and link-local addresses (tests, local setups). */
  allowPrivateNetworks: boolean;
  now?: Date;
  /** A feed failing this long is paused (default 72). */
  pauseAfterHours?: number;
  /** Use this fetch instead of Node's http(s) (its own DNS: the address check runs just before). */
  fetchImpl?: typeof fetch;
  /** Idle timeout: connecting, waiting for headers, or between body chunks (default 10 s). */
  timeoutMs?: number;
  /** Overall deadline for one feed, redirects included (default 20 s). */
  deadlineMs?: number;
  /** Cap on bytes on the wire (default 5 MB). */
  maxBytes?: number;
  /** Cap on bytes after decompression (default 20 MB). */
  maxDecodedBytes?: number;
}

export type FeedReadResult =
  | { status: 'ok'; articles: Article[]; state: FeedState; warnings: string[] }
  | { status: 'not-modified'; state: FeedState }
  | { status: 'skipped'; state: FeedState; reason: string }
  | { status: 'failed'; state: FeedState; error: string };

/** Reads one feed if it is due; never throws for bad input, bad servers or bad XML. */
export async function readFeed(feed: FeedConfig, previous: FeedState | undefined, opts: ReadFeedOptions): Promise<FeedReadResult> {
  const now = opts.now ?? new Date();
  const state = baseState(feed, previous);
  const notDue = notDueReason(state, now);
  if (notDue) return { status: 'skipped', state, reason: notDue };
  try {
    const fetched = await fetchAny(feed.url, state, opts, now);
    if (fetched.kind === 'not-modified') return { status: 'not-modified', state: succeeded(state, now, { ...fetched.validators, contentHash: state.contentHash }) };
    // The same bytes as last time are not modified, whatever the server said about validators.
    const contentHash = createHash('sha256').update(fetched.bytes).digest('base64url');
    if (contentHash === state.contentHash) return { status: 'not-modified', state: succeeded(state, now, { ...fetched.validators, contentHash }) };
    const maxDecoded = opts.maxDecodedBytes ?? DEFAULT_LIMITS.maxDecodedBytes;
    const decoded = decodeBody(gunzipIfMagic(fetched.bytes, maxDecoded), fetched.contentType);
    const raw = parseFeed(decoded.text);
    const { articles, warnings } = toArticles(raw, {
      feed,
      documentUrl: fetched.finalUrl,
      fetchedAt: now,
      maxItems: DEFAULT_LIMITS.maxItems,
    });
    const notes = [...raw.warnings, ...warnings];
    if (fetched.kind === 'body' && fetched.movedTo) notes.unshift(`the feed has moved permanently to ${fetched.movedTo}: update the config`);
    if (decoded.source === 'fallback') notes.unshift(`not valid UTF-8 and no usable charset declared: read as ${decoded.charset} (guessed from the bytes)`);
    return { status: 'ok', articles, state: succeeded(state, now, { ...fetched.validators, contentHash }), warnings: notes };
  } catch (err) {
    const error = describeError(err);
    const retryAfterMs = err instanceof FeedError ? err.retryAfterMs : undefined;
    return { status: 'failed', state: failed(state, now, error, { retryAfterMs, pauseAfterHours: opts.pauseAfterHours ?? DEFAULT_LIMITS.pauseAfterHours }), error };
  }
}

async function fetchAny(feedUrl: string, state: FeedState, opts: ReadFeedOptions, now: Date): Promise<FetchOutcome> {
  let url: URL;
  try {
    url = new URL(feedUrl);
  } catch (err) {
    throw new FeedError('http', `invalid feed URL "${feedUrl.slice(0, 100)}"`, { cause: err });
  }
  const validators = { etag: state.etag, lastModified: state.lastModified };
  const maxDecodedBytes = opts.maxDecodedBytes ?? DEFAULT_LIMITS.maxDecodedBytes;
  if (url.protocol === 'file:') return fetchFile(url, validators, maxDecodedBytes);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedError('http', `unsupported URL scheme "${url.protocol}" (use http, https or file)`);
  return fetchHttp(url, validators, {
    transport: opts.fetchImpl ? fetchTransport(opts.fetchImpl) : nodeTransport,
    allowPrivateNetworks: opts.allowPrivateNetworks,
    now,
    timeoutMs: opts.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
    deadlineMs: opts.deadlineMs ?? DEFAULT_LIMITS.deadlineMs,
    maxBytes: opts.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    maxDecodedBytes,
    maxRedirects: DEFAULT_LIMITS.maxRedirects,
  });
}
export { feedStatuses, type FeedStatus, type FeedHealth } from './status';
