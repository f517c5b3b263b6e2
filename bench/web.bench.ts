// Web interface benchmark: server time per page (app.request, no socket) with 100,000 stored articles
// in dynalite (in memory, in a child process, loaded as bench/store.bench.ts does), p50 and p95 over
// 30 requests after 3 warm-up ones. Target (issue 15): every page ≤ 200 ms p95.
import type { Config } from '../shared/model';
import { localDynamoClient } from '../shared/clients/dynamo';
import { ArticleStore } from '../shared/store';
import { hourOf, trendStoreOf, type CounterIncrement } from '../shared/store/counters';
import { tagScope } from '../shared/trends/scopes';
import { createWebApp } from '../shared/web/app';
import { median, percentile, type BenchRow } from './harness';
import { buildDataset, childDynamo, makeArticles, resolver, TARGET_ARTICLES } from './store.bench';

const RUNS = 30;
const NOW = new Date(Date.UTC(2026, 10, 27));

const config: Config = {
  feeds: Array.from({ length: 40 }, (_, i) => ({ url: `https://bench.example/feed${i}.xml`, name: `Feed ${i}` })),
  rules: [
    { id: 'nato-black-sea', name: 'NATO in the Black Sea', query: 'actor:nato AND region:"Black Sea"', severity: 'warning' },
    { id: 'ru-ua', name: 'Russia and Ukraine', query: 'actor:RU AND region:UA AND (offensive OR shelling)', severity: 'critical' },
    { id: 'ge', name: 'Georgia', query: 'region:GE', severity: 'info' },
  ],
  subscriptions: [],
  allowPrivateNetworks: false,
  retentionDays: 365,
  intervalMinutes: 15,
  digestSchedule: 'cron(0 7 * * ? *)',
  pauseFailingFeedAfterHours: 72,
};

/** The web rows for `npm run bench`. */
export async function bench(): Promise<BenchRow[]> {
  const { endpoint, proc } = await childDynamo();
  try {
    const client = localDynamoClient(endpoint);
    const store = new ArticleStore({ client, tableName: 'web-bench', now: () => NOW });
    await store.ensureTable();
    // Loaded to the full 100,000 however long it takes on a busy machine: the target is about that size.
    const size = await buildDataset(client, 'web-bench', 15 * 60_000);
    const sample = makeArticles(200, 1001);
    for (const [i, a] of sample.entries()) {
      await store.claimAlert({ ruleId: config.rules[i % 3]!.id, storyKey: a.storyKey, articleId: a.id, createdAt: a.publishedAt, severity: 'warning', delivery: 'instant', message: { ruleId: config.rules[i % 3]!.id, severity: 'warning', delivery: 'instant', article: { id: a.id, url: a.url, title: a.title, publishedAt: a.publishedAt }, actors: [], regions: [], email: { subject: a.title, body: a.summary }, sms: a.title.slice(0, 160) } });
    }
    for (const f of config.feeds) await store.putFeedState({ url: f.url, name: f.name, consecutiveFailures: 0, lastSuccessAt: NOW.toISOString() });
    // The trend counters a pass would have written for the two charted tags: an hourly cell for
    // each of the 30 days before NOW (the chart reads them, not the articles).
    const trends = trendStoreOf(store);
    const increments: CounterIncrement[] = [];
    for (let h = 0; h < 31 * 24; h++) {
      const hour = hourOf(NOW.getTime() - h * 3_600_000);
      increments.push({ scope: tagScope('actor', 'RU'), hour, stories: 1 + (h % 5), articles: 2 + (h % 7) }, { scope: tagScope('region', 'black-sea'), hour, stories: h % 3, articles: h % 4 });
    }
    await trends.addCounts(increments, NOW);
    // Requests per page, counted by client middleware: the figure a busy machine does not change.
    let calls = 0;
    client.middlewareStack.add((next) => (args) => {
      calls++;
      return next(args);
    }, { step: 'initialize', name: 'countWebCalls' });
    const app = createWebApp({ store, trends, config, resolver, now: () => NOW, where: 'bench' });
    const pages: [string, string][] = [
      ['overview', '/'],
      ['articles, newest', '/articles'],
      ['articles by actor (nato)', '/articles?actor=nato'],
      ['articles by actor AND region (nato + black-sea)', '/articles?actor=nato&region=black-sea'],
      ['articles, words in a region (UA, "ceasefire talks")', '/articles?region=UA&q=%22ceasefire+talks%22'],
      ['articles, salient, last 30 days (GE)', '/articles?region=GE&salient=true&since=30d'],
      ['article page', `/articles/${sample[0]!.id}`],
      ['stories (last 7 days)', '/stories?since=7d'],
      ['stories about a region (GE)', '/stories?region=GE'],
      ['trends, 2 lines over 30 days (RU, black-sea)', '/trends?actor=RU&region=black-sea&since=30d'],
      ['map (last 7 days)', '/map?since=7d'],
      ['rules with a test (actor:nato AND region:"Black Sea")', '/rules?test=nato-black-sea'],
      ['alerts', '/alerts'],
      ['feeds', '/feeds'],
      ['rss (actor:nato, newest 50)', `/rss?q=${encodeURIComponent('actor:nato')}`],
    ];
    const rows: BenchRow[] = [];
    for (const [name, path] of pages) {
      const times: number[] = [];
      let bytes = 0;
      let requests = 0;
      for (let i = 0; i < RUNS + 3; i++) {
        calls = 0;
        const t0 = performance.now();
        const res = await app.request(`http://127.0.0.1${path}`);
        const body = await res.text();
        if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}: ${body.slice(0, 300)}`);
        if (i >= 3) times.push(performance.now() - t0);
        bytes = body.length;
        requests = calls;
      }
      const how = `${size.toLocaleString('en-US')} stored articles, GET ${path} through app.request (rendering included, ${(bytes / 1024).toFixed(0)} KB), ${RUNS} runs after 3 warm-up, dynalite in memory in a child process`;
      rows.push({ name: `web: ${name}, p50`, value: median(times), unit: 'ms', how });
      rows.push({ name: `web: ${name}, p95`, value: percentile(times, 95), unit: 'ms', how });
      rows.push({ name: `web: ${name}, DynamoDB requests`, value: requests, unit: 'requests', how: 'counted by client middleware on the last run (Query, BatchGetItem, GetItem)' });
    }
    if (size < TARGET_ARTICLES) rows.push({ name: `web: data set stopped at ${size} of ${TARGET_ARTICLES} articles`, value: size, unit: 'articles', how: 'load time budget' });
    return rows;
  } finally {
    proc.kill();
  }
}
