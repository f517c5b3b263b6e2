// The scale run (issue 8): N feeds of M items each, served from a loopback server, read through
// `news-monitor run` in a child process. Prints time, peak memory and what was stored.
// Usage: tsx scripts/scale-run.ts [FEEDS=1000] [ITEMS=20] [--concurrency C]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export interface ScaleResult {
  feeds: number;
  items: number;
  seconds: number;
  peakMb: number;
  stored: number;
  failed: number;
  alerts: number;
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Texts to build items from: the demo feeds' descriptions, varied so that every item is distinct. */
function corpus(): { title: string; text: string }[] {
  const out: { title: string; text: string }[] = [];
  for (const f of fs.readdirSync(path.join(ROOT, 'examples/feeds'))) {
    const xml = fs.readFileSync(path.join(ROOT, 'examples/feeds', f), 'utf8');
    const re = /<(?:item|entry)>[\s\S]*?<title>([\s\S]*?)<\/title>[\s\S]*?<(?:description|summary)[^>]*>([\s\S]*?)<\/(?:description|summary)>/g;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const strip = (s: string) => s.replace(/<!\[CDATA\[|\]\]>/g, '').replace(/&lt;[^&]*&gt;|<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');
      out.push({ title: strip(m[1]!), text: strip(m[2]!) });
    }
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One generated feed, built on request so that a thousand feeds cost no disk and little memory. */
function feedXml(f: number, items: number, docs: { title: string; text: string }[]): string {
  const parts: string[] = [];
  for (let i = 0; i < items; i++) {
    const k = f * items + i;
    const d = docs[k % docs.length]!;
    const date = new Date(Date.UTC(2026, 10, 1) + k * 60_000).toUTCString();
    parts.push(`<item><title>${esc(`${d.title} (${f}-${i})`)}</title><link>http://feed${f}.example/a/${k}</link><guid>feed${f}-${k}</guid><pubDate>${date}</pubDate><description>${esc(`${d.text} Update ${k}: ${d.text}`)}</description></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${f}</title><link>http://feed${f}.example/</link><description>generated</description>${parts.join('')}</channel></rss>`;
}

/** Runs the scale pass and returns its figures. */
export async function scaleRun(feeds: number, items: number, concurrency = 32): Promise<ScaleResult> {
  const docs = corpus();
  const server = http.createServer((req, res) => {
    const m = /^\/f(\d+)\.xml$/.exec(req.url ?? '');
    if (!m) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(Number(m[1]), items, docs));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-scale-'));
  const cfg = path.join(dir, 'config.json');
  fs.writeFileSync(
    cfg,
    JSON.stringify({
      allowPrivateNetworks: true,
      feeds: Array.from({ length: feeds }, (_, f) => ({ url: `http://127.0.0.1:${port}/f${f}.xml`, name: `Feed ${f}` })),
      rules: [{ id: 'ru-ua', name: 'Russia-Ukraine', query: 'actor:RU AND region:UA AND (attack* OR offensive)', severity: 'critical', maxPerHour: 50 }],
    }),
  );
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%M', '-o', path.join(dir, 'rss'), process.execPath, ...(process.env.SCALE_NODE_ARGS?.split(' ') ?? []), path.join(ROOT, 'cli/bin.mjs'), 'run', '--config', cfg, '--data-dir', path.join(dir, 'data'), '--json', '--quiet', '--concurrency', String(concurrency), '--outbox', path.join(dir, 'outbox.jsonl')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  server.close();
  if (code !== 0) throw new Error(`news-monitor run exited ${code}`);
  const summary = JSON.parse(out.trim().split('\n').pop()!);
  const peakMb = Number(fs.readFileSync(path.join(dir, 'rss'), 'utf8').trim().split('\n').pop()) / 1024;
  fs.rmSync(dir, { recursive: true, force: true });
  return { feeds, items, seconds, peakMb, stored: summary.articles.new, failed: summary.feeds.failed, alerts: summary.alerts.sent };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [feeds = '1000', items = '20'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const ci = process.argv.indexOf('--concurrency');
  const r = await scaleRun(Number(feeds), Number(items), ci > 0 ? Number(process.argv[ci + 1]) : undefined);
  console.log(`${r.feeds} feeds × ${r.items} items: ${r.stored} stored, ${r.failed} feeds failed, ${r.alerts} alerts, ${r.seconds.toFixed(1)} s, peak ${r.peakMb.toFixed(0)} MB RSS`);
}
