// Durable alerting (issue 13): `news-monitor run` killed with SIGKILL at random moments, then run to
// the end, sends every alert a clean run sends, with at most one duplicate per kill. Real processes
// (the CLI and its embedded dynalite), a real loopback feed server; bounded in time.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = path.resolve(__dirname, '../../../cli/bin.mjs');
const cli = async (args: string[]) => (await promisify(execFile)(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })).stdout;
const FEEDS = 30;
const ITEMS = 15;
const KILLS = 3;
const PLACES = ['Japan', 'Britain', 'Brazil', 'Kenya', 'Peru', 'Norway'];

// A made-up word per number (its base-15 digits as syllables): every article is its own story.
const word = (k: number) => [...k.toString(15).padStart(4, '0')].map((d) => 'bdfgklmnprstvzx'[parseInt(d, 15)]! + 'aeiou'[parseInt(d, 15) % 5]!).join('');
const feedXml = (f: number) => {
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const k = f * ITEMS + i;
    const title = `${PLACES[k % PLACES.length]}: ${word(k)} ${word(k + 20_000)} and ${word(k + 40_000)}`;
    return `<item><title>${title}</title><link>http://wire${f}.example/a/${k}</link><guid>w${f}-${k}</guid><pubDate>${new Date(Date.UTC(2026, 10, 27) + k * 60_000).toUTCString()}</pubDate><description>${title}.</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire ${f}</title><link>http://wire${f}.example/</link><description>x</description>${items.join('')}</channel></rss>`;
};

describe('news-monitor run killed at random moments', () => {
  let server: http.Server;
  let dir: string;
  let config: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-kill-'));
    // Each response is a little slow, so a pass lasts long enough to be killed in the middle.
    server = http.createServer((req, res) => {
      const f = Number(/\/f(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? NaN);
      if (Number.isNaN(f)) return void res.writeHead(404).end();
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(f)), 50);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    config = path.join(dir, 'config.json');
    fs.writeFileSync(
      config,
      JSON.stringify({
        allowPrivateNetworks: true,
        feeds: Array.from({ length: FEEDS }, (_, i) => ({ url: `http://127.0.0.1:${port}/f${i}.xml`, name: `Wire ${i}` })),
        rules: [{ id: 'r', name: 'Places', query: 'region:JP OR region:GB OR region:BR', severity: 'info', maxPerHour: 1000 }],
      }),
    );
  });

  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const runArgs = (name: string) => ['run', '--config', config, '--data-dir', path.join(dir, name), '--outbox', path.join(dir, `${name}.jsonl`), '--json', '--quiet'];
  const outbox = (name: string): Map<string, number> => {
    const file = path.join(dir, `${name}.jsonl`);
    const counts = new Map<string, number>();
    if (!fs.existsSync(file)) return counts;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const o = JSON.parse(line) as { ruleId: string; article: { title: string } };
      const key = `${o.ruleId}|${o.article.title}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };

  it('loses no alert and duplicates at most one per kill', async () => {
    // Asynchronous: the feed server runs in this process and must keep answering.
    await cli(runArgs('clean'));
    const clean = outbox('clean');
    expect(clean.size).toBeGreaterThan(100);

    let interrupted = 0;
    for (let k = 0; k < KILLS; k++) {
      // Its own process group, so the kill takes the embedded dynalite down with it.
      const child = spawn(process.execPath, [BIN, ...runArgs('crash')], { detached: true, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
      await new Promise((r) => setTimeout(r, 1200 + Math.random() * 2500));
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // The pass had already finished: this kill found nothing to interrupt.
      }
      if ((await exited) === 'SIGKILL') interrupted++;
    }
    expect(interrupted).toBeGreaterThan(0); // at least one kill landed in the middle of a pass
    const summary = JSON.parse((await cli(runArgs('crash'))).trim().split('\n').pop()!) as { errors: unknown[] };
    expect(summary.errors).toEqual([]);

    const crashed = outbox('crash');
    let lost = 0;
    let extra = 0;
    const diffs: string[] = [];
    for (const key of new Set([...clean.keys(), ...crashed.keys()])) {
      const d = (crashed.get(key) ?? 0) - (clean.get(key) ?? 0);
      if (d < 0) lost -= d;
      else extra += d;
      if (d) diffs.push(`${d > 0 ? '+' : ''}${d} ${key}`);
    }
    if (diffs.length) console.log(`outbox differences after ${KILLS} kills:\n${diffs.join('\n')}`);
    expect(lost).toBe(0);
    expect(extra).toBeLessThanOrEqual(KILLS);
  }, 300_000);
});
