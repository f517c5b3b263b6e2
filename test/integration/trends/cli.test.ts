// `news-monitor trends`, `rules test` on a spike rule and the API's /trends, on a real dynalite
// filled by the trend pass: 14 quiet days about Ukraine, then five stories in two hours.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/main';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { compileRules, type Publisher } from '../../../shared/alerts';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import type { RuleConfig, TaggedArticle } from '../../../shared/model';
import { createApiHandler } from '../../../shared/query';
import { ArticleStore } from '../../../shared/store';
import { trendStoreOf } from '../../../shared/store/counters';
import { trendPass } from '../../../shared/trends';
import { article } from '../../unit/alerts/fixtures';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.parse('2026-10-01T00:00:00Z');
const BURST = T0 + 14 * D + 9 * H;
const NOW = '2026-10-15T12:00:00Z';
const RULES: RuleConfig[] = [{ id: 'ua-surge', name: 'Ukraine surge', query: 'region:UA', severity: 'critical', spike: { window: '6h', baseline: '7d', factor: 3, min: 4 } }];

let dynamo: LocalDynamo;
let dir: string;
let out = '';
let err = '';

async function cli(...argv: string[]): Promise<number> {
  out = '';
  err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return await main(argv);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  vi.stubEnv('NEWS_MONITOR_DYNAMODB_ENDPOINT', dynamo.endpoint);
  vi.stubEnv('NEWS_MONITOR_TABLE', 'trends-cli');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-trends-'));
  fs.writeFileSync(path.join(dir, 'cfg.json'), JSON.stringify({ feeds: [{ url: 'https://w.example/rss', name: 'W' }], rules: RULES }));
  const store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'trends-cli' });
  await store.ensureTable();
  const publisher: Publisher = { publish: async () => undefined };
  const { rules } = compileRules(RULES);
  const story = (id: string, at: number, key = `story ${id}`): TaggedArticle => article({ id, url: `http://w.example/${id}`, title: `Story ${id}`, storyKey: key, publishedAt: new Date(at).toISOString(), fetchedAt: new Date(at).toISOString() });
  for (let day = 0; day < 14; day++) {
    const batch = [story(`q${day}`, T0 + day * D + 10 * H)];
    await store.putArticles(batch);
    await trendPass(batch, { rules, trends: trendStoreOf(store), store, publisher, now: new Date(T0 + day * D + 12 * H) });
  }
  const burst = [0, 20, 40, 60, 80].map((m, i) => story(`b${i}`, BURST + m * 60_000));
  burst.push(story('b0-copy', BURST + 90 * 60_000, 'story b0')); // the same story from another feed
  await store.putArticles(burst);
  await trendPass(burst, { rules, trends: trendStoreOf(store), store, publisher, now: new Date(BURST + 2 * H) });
}, 60_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await dynamo?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('news-monitor trends', () => {
  it('prints stories and articles per hour for a region as JSON (DESIGN.md shape)', async () => {
    expect(await cli('trends', '--region', 'Ukraine', '--since', '2026-10-15T00:00Z', '--until', '2026-10-15T11:59Z', '--json', '--now', NOW, '--config', path.join(dir, 'cfg.json'))).toBe(0);
    const { buckets } = JSON.parse(out);
    expect(buckets).toHaveLength(12);
    expect(Object.keys(buckets[0]).sort()).toEqual(['articles', 'start', 'stories']);
    expect(buckets.find((b: { start: string }) => b.start === '2026-10-15T09:00:00.000Z')).toEqual({ start: '2026-10-15T09:00:00.000Z', stories: 3, articles: 3 });
    expect(buckets.find((b: { start: string }) => b.start === '2026-10-15T10:00:00.000Z')).toEqual({ start: '2026-10-15T10:00:00.000Z', stories: 2, articles: 3 });
    expect(buckets.reduce((n: number, b: { stories: number }) => n + b.stories, 0)).toBe(5);
  });

  it('draws a compact chart with the total and the peak', async () => {
    expect(await cli('trends', '--region', 'UA', '--since', '2026-10-01', '--until', '2026-10-15', '--now', NOW, '--config', path.join(dir, 'cfg.json'))).toBe(0);
    expect(out).toContain('region:UA (Ukraine): stories per day, 2026-10-01 to 2026-10-15');
    expect(out).toMatch(/^ {2}[▁▂▃▄▅▆▇█ ]{15}\|$/m);
    expect(out).toContain('19 stories, 20 articles; peak 5 at 2026-10-15');
  });

  it('charts a rule of the config from its counters, and any query from the stored articles', async () => {
    const cfg = path.join(dir, 'cfg.json');
    expect(await cli('trends', '--query', 'ua-surge', '--since', '2026-10-15', '--until', '2026-10-15', '--bucket', '1d', '--json', '--now', NOW, '--config', cfg)).toBe(0);
    expect(JSON.parse(out).buckets).toEqual([{ start: '2026-10-15T00:00:00.000Z', stories: 5, articles: 6 }]);
    expect(await cli('trends', '--query', 'region:UA AND title:story', '--since', '2026-10-15', '--until', '2026-10-15', '--bucket', '1d', '--json', '--now', NOW, '--config', cfg)).toBe(0);
    expect(JSON.parse(out).buckets).toEqual([{ start: '2026-10-15T00:00:00.000Z', stories: 5, articles: 6 }]);
  });

  it('explains a missing or doubled target, a bad bucket and an unknown region in one line', async () => {
    const cfg = path.join(dir, 'cfg.json');
    expect(await cli('trends', '--config', cfg)).toBe(1);
    expect(err).toBe('news-monitor: give an actor, a region or a query to chart\n');
    expect(await cli('trends', '--actor', 'RU', '--region', 'UA', '--config', cfg)).toBe(1);
    expect(err).toBe('news-monitor: give one of actor, region or query, not actor and region\n');
    expect(await cli('trends', '--region', 'UA', '--bucket', '1w', '--config', cfg)).toBe(1);
    expect(err).toBe('news-monitor: bucket must be 1h or 1d, got "1w"\n');
    expect(await cli('trends', '--region', 'Narnia', '--config', cfg)).toBe(1);
    expect(err).toMatch(/^news-monitor: unknown region "Narnia"/);
  });
});

describe('news-monitor rules test on a spike rule', () => {
  it('replays the period hour by hour and shows when the rule would have fired', async () => {
    expect(await cli('rules', 'test', 'ua-surge', '--config', path.join(dir, 'cfg.json'), '--since', '7d', '--now', NOW, '--json')).toBe(0);
    const r = JSON.parse(out);
    expect(r.spikes).toEqual([expect.objectContaining({ at: '2026-10-15T11:00:00.000Z', scope: 'rule:ua-surge', stories: 5, expected: 0.25 })]);
    expect(await cli('rules', 'test', 'ua-surge', '--config', path.join(dir, 'cfg.json'), '--since', '7d', '--now', NOW)).toBe(0);
    expect(out).toContain('1 surge alert');
    expect(out).toMatch(/2026-10-15 11:00 UTC {2}5 stories in 6h, 0.25 expected \(threshold 4\)/);
  });
});

describe('GET /trends', () => {
  it('answers the series of a region, and 400 for a free query', async () => {
    const store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'trends-cli' });
    const api = createApiHandler({ store, now: () => new Date(NOW) });
    const ev = (qs: Record<string, string>) => ({ rawPath: '/trends', queryStringParameters: qs, requestContext: { http: { method: 'GET' } } }) as never;
    const res = await api(ev({ region: 'UA', since: '2026-10-15', until: '2026-10-15', bucket: '1d' }));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body as string)).toEqual({ buckets: [{ start: '2026-10-15T00:00:00.000Z', stories: 5, articles: 6 }], of: 'region:UA (Ukraine)', bucket: '1d' });
    const bad = await api(ev({ q: 'region:UA' }));
    expect(bad.statusCode).toBe(400);
  });
});
