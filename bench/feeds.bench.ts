// Feed benchmarks: parsing throughput (decode → parse → normalise, no I/O) on a generated corpus,
// the same with malformed feeds that need the lenient retries, and fetch + parse over a loopback
// server with the bounded concurrency a pass uses (first pass 200s, second pass 304s).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { decodeBody } from '../shared/feeds/decode';
import { parseFeedXml } from '../shared/feeds/parse';
import { toArticles } from '../shared/feeds/normalise';
import { readFeed, type FeedReadResult } from '../shared/feeds';
import type { FeedState } from '../shared/model';
import { forEachLimit } from '../shared/pipeline/pool';
import { median, percentile, type BenchRow } from './harness';

const FEEDS = 200;
const ITEMS = 40;
const RUNS = 5;
const WORDS = 'Russia Ukraine NATO Black Sea Donetsk ceasefire talks drone strike frigate sanctions summit Georgia Abkhazia grain corridor shelling offensive negotiations air defence'.split(' ');

function text(i: number, n: number): string {
  return Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]).join(' ');
}

/** One feed document: RSS 2.0 or Atom, ~1 KB of HTML per item; `broken` adds &nbsp; and bare & (lenient path). */
function feedXml(f: number, broken = false): string {
  const nb = broken ? '&nbsp;AT&T' : '';
  if (f % 3 === 2) {
    const entries = Array.from({ length: ITEMS }, (_, i) =>
      `<entry><title>${text(f + i, 8)}${nb}</title><link href="https://atom${f}.example/e/${i}?utm_source=rss"/><id>tag:atom${f}.example,2024:${i}</id>` +
      `<updated>2024-03-0${1 + (i % 9)}T1${i % 10}:00:00Z</updated><content type="html">&lt;p&gt;${text(i, 120)}&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</content></entry>`).join('');
    return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom ${f}</title>${entries}</feed>`;
  }
  const items = Array.from({ length: ITEMS }, (_, i) =>
    `<item><title>${text(f + i, 8)}${nb}</title><link>https://rss${f}.example/${i}/?fbclid=1</link><guid>rss${f}-${i}</guid>` +
    `<pubDate>Fri, 0${1 + (i % 9)} Mar 2024 1${i % 10}:00:00 GMT</pubDate><description><![CDATA[<p>${text(i, 120)}</p><img src="x.jpg"/>]]></description></item>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>RSS ${f}</title><link>https://rss${f}.example/</link>${items}</channel></rss>`;
}

function parseCorpus(corpus: Buffer[]): number {
  let items = 0;
  const fetchedAt = new Date('2024-03-10T00:00:00Z');
  corpus.forEach((bytes, f) => {
    const raw = parseFeedXml(decodeBody(bytes, 'application/rss+xml').text);
    items += toArticles(raw, { feed: { url: `https://f${f}.example/rss`, name: `F${f}` }, documentUrl: `https://f${f}.example/rss`, fetchedAt, maxItems: 5000 }).articles.length;
  });
  return items;
}

function throughput(name: string, corpus: Buffer[]): BenchRow[] {
  parseCorpus(corpus.slice(0, 20)); // warm-up
  const secs: number[] = [];
  let items = 0;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    items = parseCorpus(corpus);
    secs.push((performance.now() - t) / 1000);
  }
  const s = median(secs);
  const mb = corpus.reduce((n, b) => n + b.length, 0) / 1024 / 1024;
  const how = `${corpus.length} generated feeds × ${ITEMS} items (${mb.toFixed(1)} MB), decode+parse+normalise in process, median of ${RUNS} runs after warm-up`;
  return [
    { name: `${name}: feeds`, value: Math.round(corpus.length / s), unit: 'feeds/s', how },
    { name: `${name}: items`, value: Math.round(items / s), unit: 'items/s', how },
  ];
}

async function loopback(): Promise<BenchRow[]> {
  const bodies = Array.from({ length: 100 }, (_, f) => zlib.gzipSync(feedXml(f)));
  const server = http.createServer((req, res) => {
    const f = Number(req.url!.slice(1));
    const etag = `"v${f}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', etag }).end(bodies[f]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const feeds = bodies.map((_, f) => ({ url: `http://127.0.0.1:${port}/${f}`, name: `F${f}` }));
  const pass = async (states: Map<string, FeedState>) => {
    const lat: number[] = [];
    const t = performance.now();
    let items = 0;
    await forEachLimit(feeds, 16, async (feed) => {
      const t1 = performance.now();
      const r: FeedReadResult = await readFeed(feed, states.get(feed.url), { allowPrivateNetworks: true });
      lat.push(performance.now() - t1);
      if (r.status === 'ok') items += r.articles.length;
      else if (r.status !== 'not-modified') throw new Error(`${feed.url}: ${r.status}`);
      states.set(feed.url, r.state);
    });
    return { ms: performance.now() - t, lat, items };
  };
  try {
    await pass(new Map()); // warm-up (sockets, JIT)
    const firsts: Awaited<ReturnType<typeof pass>>[] = [];
    const seconds: Awaited<ReturnType<typeof pass>>[] = [];
    for (let r = 0; r < RUNS; r++) {
      const states = new Map<string, FeedState>();
      firsts.push(await pass(states));
      seconds.push(await pass(states));
    }
    const how = `100 gzip feeds × ${ITEMS} items from a loopback node:http server, readFeed with 16 at once, median of ${RUNS} passes`;
    const f = median(firsts.map((p) => p.ms));
    const s = median(seconds.map((p) => p.ms));
    return [
      { name: 'fetch+parse over loopback: feeds', value: Math.round(100 / (f / 1000)), unit: 'feeds/s', how },
      { name: 'fetch+parse over loopback: items', value: Math.round((100 * ITEMS) / (f / 1000)), unit: 'items/s', how },
      { name: 'fetch+parse over loopback: one feed', value: Math.round(percentile(firsts.flatMap((p) => p.lat), 95) * 10) / 10, unit: 'ms p95', how },
      { name: 'conditional GET pass (all 304)', value: Math.round(100 / (s / 1000)), unit: 'feeds/s', how: `${how}; second pass with the saved ETags` },
    ];
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/** The feed benchmarks, each row with how it was measured. */
export async function bench(): Promise<BenchRow[]> {
  const clean = Array.from({ length: FEEDS }, (_, f) => Buffer.from(feedXml(f)));
  const broken = Array.from({ length: FEEDS }, (_, f) => Buffer.from(feedXml(f, true)));
  return [...throughput('parse well-formed feeds', clean), ...throughput('parse malformed feeds (lenient retry)', broken), ...(await loopback())];
}
