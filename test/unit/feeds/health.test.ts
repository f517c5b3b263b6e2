import { describe, expect, it } from 'vitest';
import { baseState, failed, notDueReason, succeeded } from '../../../shared/feeds/health';
import { BACKOFF } from '../../../shared/feeds/limits';

const feed = { url: 'https://wire.example/rss', name: 'Wire' };
const t0 = new Date('2024-03-01T12:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const H = 3_600_000;

describe('feed health', () => {
  it('backs off exponentially after consecutive failures', () => {
    let s = baseState(feed, undefined);
    const delays: number[] = [];
    let now = t0;
    for (let i = 0; i < 4; i++) {
      s = failed(s, now, 'HTTP 500', { pauseAfterHours: 72 });
      delays.push(Date.parse(s.nextAttemptAt!) - now.getTime());
      now = new Date(Date.parse(s.nextAttemptAt!));
    }
    expect(delays).toEqual([1, 2, 4, 8].map((k) => k * BACKOFF.baseMs));
    expect(s).toMatchObject({ consecutiveFailures: 4, lastError: 'HTTP 500', failingSince: t0.toISOString() });
  });
  it('caps the backoff', () => {
    let s = baseState(feed, undefined);
    for (let i = 0; i < 20; i++) s = failed(s, t0, 'x', { pauseAfterHours: 1e6 });
    expect(Date.parse(s.nextAttemptAt!) - t0.getTime()).toBe(BACKOFF.maxMs);
  });
  it('honours Retry-After when it asks for longer than the backoff', () => {
    const s = failed(baseState(feed, undefined), t0, 'HTTP 429', { retryAfterMs: 2 * H, pauseAfterHours: 72 });
    expect(s.nextAttemptAt).toBe(at(2 * H).toISOString());
  });
  it('does not let Retry-After silence a feed for more than a week', () => {
    const s = failed(baseState(feed, undefined), t0, 'HTTP 503', { retryAfterMs: 365 * 24 * H, pauseAfterHours: 72 });
    expect(s.nextAttemptAt).toBe(at(BACKOFF.maxRetryAfterMs).toISOString());
  });
  it('is skipped, with the reason in words, until the next attempt is due', () => {
    const s = failed(baseState(feed, undefined), t0, 'HTTP 500', { pauseAfterHours: 72 });
    expect(notDueReason(s, at(60_000))).toMatch(/^not due until 2024-03-01 12:05 UTC after 1 failure \(last error: HTTP 500\)$/);
    expect(notDueReason(s, at(BACKOFF.baseMs))).toBeUndefined();
  });
  it('pauses a feed failing longer than pauseAfterHours and retries it daily', () => {
    let s = failed(baseState(feed, undefined), t0, 'gone', { pauseAfterHours: 24 });
    s = failed(s, at(25 * H), 'gone', { pauseAfterHours: 24 });
    expect(s.paused).toBe(true);
    expect(s.nextAttemptAt).toBe(at(49 * H).toISOString());
    expect(notDueReason(s, at(26 * H))).toMatch(/^paused: failing since 2024-03-01 12:00 UTC/);
  });
  it('resets failures, pause and backoff on success and keeps the new validators', () => {
    let s = failed(baseState(feed, undefined), t0, 'x', { pauseAfterHours: 0 });
    expect(s.paused).toBe(true);
    s = succeeded(s, at(H), { etag: '"v2"', lastModified: 'Fri, 01 Mar 2024 12:00:00 GMT' });
    expect(s).toEqual({
      url: feed.url,
      name: 'Wire',
      consecutiveFailures: 0,
      lastSuccessAt: at(H).toISOString(),
      lastAttemptAt: at(H).toISOString(),
      etag: '"v2"',
      lastModified: 'Fri, 01 Mar 2024 12:00:00 GMT',
    });
  });
  it('takes a renamed feed name from the config', () => {
    expect(baseState({ ...feed, name: 'New name' }, { url: feed.url, name: 'Old', consecutiveFailures: 2 }).name).toBe('New name');
  });
});
