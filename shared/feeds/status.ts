// What `news-monitor feeds` (and an operator) needs to know about each configured feed.
import type { FeedConfig, FeedState } from '../model';

export type FeedHealth = 'ok' | 'failing' | 'paused' | 'never-read';

/** One configured feed with its saved state, in the `feeds --json` shape. */
export interface FeedStatus {
  url: string;
  name: string;
  status: FeedHealth;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  failingSince: string | null;
  nextAttemptAt: string | null;
  paused: boolean;
}

/** Joins the configured feeds with the states saved in the store (by URL), in config order. */
export function feedStatuses(feeds: FeedConfig[], states: FeedState[]): FeedStatus[] {
  const byUrl = new Map(states.map((s) => [s.url, s]));
  return feeds.map((f) => {
    const s = byUrl.get(f.url);
    return {
      url: f.url,
      name: f.name,
      status: health(s),
      lastSuccessAt: s?.lastSuccessAt ?? null,
      lastAttemptAt: s?.lastAttemptAt ?? null,
      lastError: s && s.consecutiveFailures > 0 ? (s.lastError ?? null) : null,
      consecutiveFailures: s?.consecutiveFailures ?? 0,
      failingSince: s?.failingSince ?? null,
      nextAttemptAt: s?.nextAttemptAt ?? null,
      paused: s?.paused ?? false,
    };
  });
}

function health(s: FeedState | undefined): FeedHealth {
  if (!s) return 'never-read';
  if (s.paused) return 'paused';
  if (s.consecutiveFailures > 0) return 'failing';
  return s.lastSuccessAt ? 'ok' : 'never-read';
}
