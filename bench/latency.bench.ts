// The cost of waiting: from a feed's poll to its alert being published, locally, per stage.
// One feed on a loopback server gets one new item that a rule matches; we time each stage of
// ingestFeed (read = fetch + decode + parse + normalise, tag, store) and then alertOnArticle
// (rules, dedupe claim, hourly counter, outbox write). dynalite runs in its own process, as in `run`.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startLocalDynamo } from '../cli/local-dynamo';
import { localDynamoClient } from '../shared/clients/dynamo';
import { parseConfig } from '../shared/config';
import { alertOnArticle, compileRules, OutboxPublisher } from '../shared/alerts';
import { ingestFeed } from '../shared/pipeline';
import { ArticleStore } from '../shared/store';
import { median, percentile, type BenchRow } from './harness';

const RUNS = 40;
const WARMUP = 5;

/**
 * The run's clock: each poll is eight days after the one before, so that each brings a new story (a
 * story closes 72 h after its last article) and so one alert, however alike the headlines are.
 */
const DAY_MS = 86_400_000;
let clock = Date.now();

function feed(n: number): string {
  const body = `KYIV, Nov ${(n % 28) + 1} - Russian forces launched a new attack on positions near Pokrovsk in the Donetsk region, Ukraine's general staff said on day ${n}. NATO allies condemned the offensive.`;
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Latency</title><link>http://latency.example/</link><description>d</description><item><title>Russian attack near Pokrovsk, update ${n}</title><link>http://latency.example/a/${n}</link><pubDate>${new Date(clock).toUTCString()}</pubDate><description>${body}</description></item></channel></rss>`;
}

/** Median and p95 of each stage over RUNS polls that each bring one new matching item. */
export async function bench(): Promise<BenchRow[]> {
  let n = 0;
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(n)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  const dynamo = await startLocalDynamo(undefined, { separateProcess: true });
  const store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'latency', now: () => new Date(clock) });
  await store.ensureTable();
  const config = parseConfig({ allowPrivateNetworks: true, feeds: [{ url, name: 'Latency' }], rules: [{ id: 'ru-ua', name: 'x', query: 'actor:RU AND region:UA AND attack*', severity: 'critical', maxPerHour: 1000 }] });
  const { rules } = compileRules(config.rules);
  const outbox = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nm-latency-')), 'outbox.jsonl');
  const publisher = new OutboxPublisher({ file: outbox });
  const stages: Record<'read' | 'tag' | 'store' | 'alert' | 'total', number[]> = { read: [], tag: [], store: [], alert: [], total: [] };
  for (let i = 0; i < RUNS + WARMUP; i++) {
    n = i;
    clock += 8 * DAY_MS;
    const now = new Date(clock);
    const t0 = performance.now();
    const outcome = await ingestFeed(config.feeds[0]!, { store, config, now });
    const t1 = performance.now();
    let sent = 0;
    for (const a of outcome.fresh) sent += (await alertOnArticle(a, { rules, store, publisher, now })).sent;
    const t2 = performance.now();
    if (sent !== 1) throw new Error(`poll ${i}: expected one alert, got ${sent} (${outcome.status} ${outcome.error ?? ''})`);
    if (i < WARMUP) continue;
    stages.read.push(outcome.timings.readMs);
    stages.tag.push(outcome.timings.tagMs);
    stages.store.push(outcome.timings.storeMs);
    stages.alert.push(t2 - t1);
    stages.total.push(t2 - t0);
  }
  server.close();
  await dynamo.close();
  const how = `${RUNS} polls of a loopback feed with one new matching item each, eight days apart on the run clock so each is a new story (after ${WARMUP} warm-up), dynalite in its own process`;
  return (Object.keys(stages) as (keyof typeof stages)[]).flatMap((s) => [
    { name: `poll → alert: ${s === 'total' ? 'total' : s} p50`, value: median(stages[s]), unit: 'ms', how },
    { name: `poll → alert: ${s === 'total' ? 'total' : s} p95`, value: percentile(stages[s], 95), unit: 'ms', how },
  ]);
}
