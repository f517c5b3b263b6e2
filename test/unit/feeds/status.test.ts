import { describe, expect, it } from 'vitest';
import { feedStatuses } from '../../../shared/feeds';

describe('feedStatuses', () => {
  it('joins configured feeds with saved states in config order', () => {
    const feeds = [
      { url: 'https://a.example/rss', name: 'A' },
      { url: 'https://b.example/rss', name: 'B' },
      { url: 'https://c.example/rss', name: 'C' },
      { url: 'https://d.example/rss', name: 'D' },
    ];
    const rows = feedStatuses(feeds, [
      { url: 'https://d.example/rss', name: 'D', consecutiveFailures: 9, paused: true, lastError: 'HTTP 410 Gone', failingSince: '2024-01-01T00:00:00.000Z' },
      { url: 'https://a.example/rss', name: 'A', consecutiveFailures: 0, lastSuccessAt: '2024-03-01T00:00:00.000Z', lastError: 'old error' },
      { url: 'https://b.example/rss', name: 'B', consecutiveFailures: 2, lastError: 'HTTP 500', nextAttemptAt: '2024-03-01T00:10:00.000Z' },
      { url: 'https://gone.example/rss', name: 'not configured', consecutiveFailures: 0 },
    ]);
    expect(rows.map((r) => [r.name, r.status])).toEqual([['A', 'ok'], ['B', 'failing'], ['C', 'never-read'], ['D', 'paused']]);
    expect(rows[0]!.lastError).toBeNull();
    expect(rows[1]).toMatchObject({ lastError: 'HTTP 500', consecutiveFailures: 2, nextAttemptAt: '2024-03-01T00:10:00.000Z', paused: false });
    expect(rows[3]).toMatchObject({ paused: true, lastError: 'HTTP 410 Gone' });
  });
});
