// Bounds on every feed read. Chosen so that ten hostile feeds in one pass end well under the 180 s
// budget (each is cut at its own deadline) and a pass of 16 concurrent feeds stays far below 1 GB:
// at most 16 × (5 MB raw + 20 MB decompressed text) in flight. docs/FEEDS.md explains each one.

/** Defaults for ReadFeedOptions. */
export const DEFAULT_LIMITS = {
  /** No byte for this long (connecting, waiting for headers, or between chunks): give up. */
  timeoutMs: 10_000,
  /** Whole read of one feed, redirects included. */
  deadlineMs: 20_000,
  /** Bytes on the wire (compressed as sent). */
  maxBytes: 5 * 1024 * 1024,
  /** Bytes after gzip/deflate/brotli: the cap that stops a decompression bomb. */
  maxDecodedBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  /** Items kept from one document; a feed with more is read up to this many, with a warning. */
  maxItems: 5000,
  pauseAfterHours: 72,
} as const;

/** Backoff after failures: BASE × 2^(failures−1), at most MAX. */
export const BACKOFF = {
  baseMs: 5 * 60_000,
  maxMs: 6 * 3_600_000,
  /** A paused feed is still tried this often, so it resumes on its own once it works again. */
  pausedRetryMs: 24 * 3_600_000,
  /** Longest Retry-After honoured: a server cannot silence a feed for longer than this. */
  maxRetryAfterMs: 7 * 24 * 3_600_000,
} as const;

/** Names the product to servers, as the issue asks (and as polite crawlers do). */
export const USER_AGENT = 'news-monitor/0.1 (+https://github.com/news-monitor/news-monitor)';

/** What we accept, most specific first. */
export const ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';
