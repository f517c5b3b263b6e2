// The spike replay of issue 14, pass by pass with the pass clock (`run --now`): 30 simulated days of
// background stories at a steady rate, then a burst about Moldova. The spike rule fires once, inside
// the burst, never in the quiet days; a watch rule names Moldova and no other region; the same
// burst made of one story carried by 40 feeds fires nothing. Real feeds on a loopback server, real
// tagging, a real dynalite.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import type { Publisher } from '../../../shared/alerts';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import { parseConfig } from '../../../shared/config';
import type { AlertMessage } from '../../../shared/model';
import { runPass } from '../../../shared/pipeline';
import { ArticleStore } from '../../../shared/store';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.parse('2026-10-01T00:00:00Z');
const BURST = T0 + 30 * D + 8 * H; // day 30, 08:00–10:40
const SYNDICATING_FEEDS = 40;

const COUNTRIES = ['France', 'Germany', 'Japan', 'Brazil', 'Kenya', 'Canada', 'India', 'Spain'];
const TOPICS = ['parliament passes budget bill', 'central bank holds interest rates', 'floods force evacuations in the north', 'teachers strike over pay', 'court rules on election dispute', 'wildfire season starts early', 'government unveils rail plan', 'minister resigns after inquiry', 'farmers protest fuel prices', 'new airport terminal opens'];
const MOLDOVA = [
  'Moldova parliament approves new cabinet',
  'Protesters gather in Chisinau over energy prices',
  'Moldova declares state of emergency over gas supply',
  'Chisinau airport closed after bomb threat',
  'Moldova expels diplomat over spying claims',
  'Floods hit villages in northern Moldova',
  'Moldova president calls snap referendum',
  'Power cuts across Moldova after grid failure',
  'Moldova police detain suspects in bank fraud case',
];

interface Item {
  feed: number;
  t: number;
  title: string;
  link: string;
}

/** The timeline: six background stories a day, a quiet-time Moldova story every six days, then the burst. */
function timeline(burst: 'distinct' | 'syndicated'): Item[] {
  const items: Item[] = [];
  let k = 0;
  for (let day = 0; day < 31; day++)
    for (const h of [1, 5, 9, 13, 17, 21]) {
      const country = COUNTRIES[k % COUNTRIES.length]!;
      const topic = TOPICS[Math.floor(k / COUNTRIES.length) % TOPICS.length]!;
      items.push({ feed: k % 5, t: T0 + day * D + h * H, title: `${country} ${topic}`, link: `http://wire${k % 5}.example/bg/${k}` });
      k++;
    }
  for (let day = 3; day < 30; day += 6) items.push({ feed: day % 5, t: T0 + day * D + 15 * H, title: MOLDOVA[day % MOLDOVA.length]!.replace('Moldova', 'Moldovan officials say Moldova'), link: `http://wire${day % 5}.example/md/${day}` });
  if (burst === 'distinct') MOLDOVA.forEach((title, i) => items.push({ feed: i % 5, t: BURST + i * 20 * 60_000, title, link: `http://wire${i % 5}.example/burst/${i}` }));
  else for (let f = 0; f < SYNDICATING_FEEDS; f++) items.push({ feed: f, t: BURST + f * 4 * 60_000, title: MOLDOVA[2]!, link: `http://outlet${f}.example/world/moldova-emergency` });
  return items;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Replays the timeline with a pass every 12 simulated hours (hourly around the burst); returns every alert. */
async function replay(burst: 'distinct' | 'syndicated', dynamo: LocalDynamo): Promise<{ alerts: AlertMessage[]; passes: string[] }> {
  const items = timeline(burst);
  let now = T0;
  const server = http.createServer((req, res) => {
    const f = Number(/\/w(\d+)\.xml$/.exec(req.url ?? '')?.[1]);
    const mine = items.filter((it) => it.feed === f && it.t <= now && it.t > now - 2 * D).sort((a, b) => b.t - a.t);
    const body = mine.map((it) => `<item><title>${esc(it.title)}</title><link>${it.link}</link><guid>${it.link}</guid><pubDate>${new Date(it.t).toUTCString()}</pubDate><description>${esc(it.title)}.</description></item>`).join('');
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>W${f}</title><link>http://w.example/</link><description>x</description>${body}</channel></rss>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = parseConfig({
    allowPrivateNetworks: true,
    feeds: Array.from({ length: burst === 'syndicated' ? SYNDICATING_FEEDS : 5 }, (_, i) => ({ url: `${base}/w${i}.xml`, name: `Wire ${i}` })),
    rules: [
      { id: 'md-surge', name: 'Moldova surge', query: 'region:MD', severity: 'warning', spike: { window: '6h', baseline: '14d', factor: 3, min: 5 } },
      { id: 'any-country', name: 'Any country surging', watch: { side: 'region', kinds: ['country'] }, spike: { window: '6h', baseline: '14d', factor: 5, min: 5 } },
    ],
  });
  const store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: `replay-${burst}` });
  await store.ensureTable();
  const alerts: AlertMessage[] = [];
  const publisher: Publisher = { publish: async (m) => void alerts.push(m) };
  const passes: string[] = [];
  try {
    for (now = T0 + 6 * H; now <= T0 + 31 * D; now += now >= BURST - 6 * H && now < BURST + 12 * H ? H : burst === 'syndicated' ? 24 * H : 12 * H) {
      const at = new Date(now);
      passes.push(at.toISOString());
      await runPass(config, { store, publisher, concurrency: 8, now: () => at });
    }
  } finally {
    server.close();
  }
  return { alerts, passes };
}

describe('spike replay: 30 quiet days, then a burst', () => {
  let dynamo: LocalDynamo;
  let distinct: Awaited<ReturnType<typeof replay>>;
  let syndicated: Awaited<ReturnType<typeof replay>>;

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    distinct = await replay('distinct', dynamo);
    syndicated = await replay('syndicated', dynamo);
  }, 300_000);

  afterAll(async () => {
    await dynamo?.close();
  });

  it('fires the spike rule exactly once, inside the burst, and never in the quiet days', () => {
    const spikes = distinct.alerts.filter((a) => a.ruleId === 'md-surge');
    expect(spikes).toHaveLength(1);
    const s = spikes[0]!;
    expect(s.kind).toBe('spike');
    expect(Date.parse(s.window!.to)).toBeGreaterThanOrEqual(BURST);
    expect(Date.parse(s.window!.to)).toBeLessThanOrEqual(BURST + 3 * H + H);
    expect(s.stories).toBeGreaterThanOrEqual(5);
    expect(s.expected).toBeLessThan(1);
    expect(MOLDOVA).toContain(s.article.title);
    expect(s.email.body).toMatch(/^\d+ stories matching Moldova surge in the last 6 h; [\d.]+ expected from the previous 14 days; newest: /m);
  });

  it('names Moldova, and no other region, in the watch rule\'s alerts', () => {
    const watch = distinct.alerts.filter((a) => a.ruleId === 'any-country');
    expect(watch.map((a) => a.tags)).toEqual([['MD']]);
    expect(watch[0]!.email.body).toMatch(/stories about Moldova in the last 6 h/);
    expect(watch[0]!.regions).toEqual(['MD']);
  });

  it('does not fire on one story carried by 40 feeds', () => {
    expect(syndicated.alerts).toEqual([]);
  });
});
