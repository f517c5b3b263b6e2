// `news-monitor feeds` end to end: states saved in a real (embedded dynalite) store, listed per feed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/main';
import { withStore } from '../../../cli/context';

let dir: string;
let out: string;
let err: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-feeds-'));
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeConfig(): string {
  const file = path.join(dir, 'config.json');
  const feeds = [
    { url: 'https://ok.example/rss', name: 'Healthy' },
    { url: 'https://down.example/rss', name: 'Down' },
    { url: 'https://gone.example/rss', name: 'Gone' },
    { url: 'https://new.example/rss', name: 'Never read' },
  ];
  fs.writeFileSync(file, JSON.stringify({ feeds, rules: [] }));
  return file;
}

describe('news-monitor feeds', () => {
  it('lists every configured feed with its saved state', async () => {
    const config = writeConfig();
    const data = path.join(dir, 'data');
    await withStore({ dataDir: data }, async ({ store }) => {
      await store.putFeedState({ url: 'https://ok.example/rss', name: 'Healthy', consecutiveFailures: 0, lastSuccessAt: '2024-03-01T10:00:00.000Z', etag: '"x"' });
      await store.putFeedState({
        url: 'https://down.example/rss',
        name: 'Down',
        consecutiveFailures: 3,
        lastError: 'HTTP 503 Service Unavailable',
        failingSince: '2024-03-01T08:00:00.000Z',
        nextAttemptAt: '2024-03-01T11:00:00.000Z',
      });
      await store.putFeedState({ url: 'https://gone.example/rss', name: 'Gone', consecutiveFailures: 40, lastError: 'HTTP 410 Gone', paused: true, failingSince: '2024-02-01T00:00:00.000Z' });
    });
    expect(await main(['feeds', '--config', config, '--data-dir', data, '--json'])).toBe(0);
    const { feeds } = JSON.parse(out.trim().split('\n').pop()!) as { feeds: Record<string, unknown>[] };
    expect(feeds.map((f) => [f.name, f.status, f.consecutiveFailures])).toEqual([
      ['Healthy', 'ok', 0],
      ['Down', 'failing', 3],
      ['Gone', 'paused', 40],
      ['Never read', 'never-read', 0],
    ]);
    expect(feeds[1]).toMatchObject({ lastError: 'HTTP 503 Service Unavailable', nextAttemptAt: '2024-03-01T11:00:00.000Z', paused: false });

    out = '';
    expect(await main(['feeds', '--config', config, '--data-dir', data])).toBe(0);
    expect(out).toMatch(/^FAILING\s+Down\s+-\s+3\s+2024-03-01 11:00\n\s+HTTP 503 Service Unavailable$/m);
    expect(out).toMatch(/^PAUSED\s+Gone\s+/m);
    expect(out.trim().split('\n').pop()).toBe('4 feeds: 1 ok, 1 failing, 1 paused, 1 not read yet');
  });

  it('answers a missing config in one line', async () => {
    expect(await main(['feeds', '--config', path.join(dir, 'nope.json'), '--data-dir', dir])).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^news-monitor: .*nope\.json/);
  });
});
