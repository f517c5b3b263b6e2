// Feed health between runs: success resets, failure backs off exponentially (or as Retry-After
// asks), and a feed failing for longer than pauseAfterHours is paused: tried once a day, reported,
// and resumed by its first success.
import type { FeedConfig, FeedState } from '../model';
import { BACKOFF } from './limits';

/** The state to start from: the previous one (renamed if the config renamed the feed) or a fresh one. */
export function baseState(feed: FeedConfig, previous: FeedState | undefined): FeedState {
  return previous ? { ...previous, url: feed.url, name: feed.name } : { url: feed.url, name: feed.name, consecutiveFailures: 0 };
}

/** Why the feed must not be polled at `now`, or undefined when it is due. */
export function notDueReason(state: FeedState, now: Date): string | undefined {
  if (!state.nextAttemptAt) return undefined;
  const next = Date.parse(state.nextAttemptAt);
  if (Number.isNaN(next) || next <= now.getTime()) return undefined;
  const when = `${state.nextAttemptAt.slice(0, 16).replace('T', ' ')} UTC`;
  const last = state.lastError ? ` (last error: ${state.lastError})` : '';
  if (state.paused) return `paused: failing since ${state.failingSince?.slice(0, 16).replace('T', ' ') ?? '?'} UTC; next try ${when}${last}`;
  return `not due until ${when} after ${state.consecutiveFailures} failure${state.consecutiveFailures === 1 ? '' : 's'}${last}`;
}

/** State after a successful read (200 or 304). */
export function succeeded(state: FeedState, now: Date, validators: { etag?: string; lastModified?: string; contentHash?: string }): FeedState {
  const at = now.toISOString();
  const next: FeedState = { url: state.url, name: state.name, consecutiveFailures: 0, lastSuccessAt: at, lastAttemptAt: at };
  if (validators.etag) next.etag = validators.etag;
  if (validators.lastModified) next.lastModified = validators.lastModified;
  if (validators.contentHash) next.contentHash = validators.contentHash;
  return next;
}

/** State after a failed read: error recorded, next attempt pushed back, paused when failing too long. */
export function failed(state: FeedState, now: Date, error: string, opts: { retryAfterMs?: number; pauseAfterHours: number }): FeedState {
  const at = now.toISOString();
  const failures = state.consecutiveFailures + 1;
  const failingSince = state.failingSince ?? at;
  const paused = now.getTime() - Date.parse(failingSince) >= opts.pauseAfterHours * 3_600_000;
  const backoff = paused ? BACKOFF.pausedRetryMs : Math.min(BACKOFF.baseMs * 2 ** (failures - 1), BACKOFF.maxMs);
  const retryAfter = Math.min(opts.retryAfterMs ?? 0, BACKOFF.maxRetryAfterMs);
  const next: FeedState = {
    ...state,
    lastAttemptAt: at,
    lastError: error,
    consecutiveFailures: failures,
    failingSince,
    nextAttemptAt: new Date(now.getTime() + Math.max(backoff, retryAfter)).toISOString(),
  };
  if (paused) next.paused = true;
  else delete next.paused;
  return next;
}
