// Webhook delivery (local runs): how fast alerts reach healthy loopback receivers, and how much a
// dead endpoint (one that never answers) delays them. Offline: three loopback servers in this process.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { localWebhookPublisher } from '../shared/delivery';
import { parseConfig } from '../shared/config';
import type { AlertMessage } from '../shared/model';
import type { BenchRow } from './harness';

const ALERTS = 300;

function alert(i: number): AlertMessage {
  return {
    ruleId: 'ru-ua', severity: 'critical', delivery: 'instant',
    article: { id: `a${i}`, url: `https://news.example.org/${i}`, title: `Strike on Odesa port, ${i}`, publishedAt: '2026-12-01T10:00:00.000Z', feedName: 'Example World' },
    actors: ['RU', 'UA'], regions: ['UA'],
    email: { subject: `[critical] Russia–Ukraine: Strike on Odesa port, ${i}`, body: 'Russia–Ukraine (rule ru-ua, critical)\n\nStrike on Odesa port\n'.repeat(4) },
    sms: '[CRITICAL] ru-ua: Strike on Odesa port https://news.example.org/1',
  };
}

async function receiver(hang: boolean): Promise<{ url: string; last: () => number; close: () => void }> {
  let last = 0;
  const srv = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (hang) return;
      last = performance.now();
      res.end('ok');
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/hook`, last: () => last, close: () => { srv.closeAllConnections(); srv.close(); } };
}

async function pass(withDeadEndpoint: boolean): Promise<{ ms: number; lastGoodMs: number; delivered: number }> {
  const good = await Promise.all([receiver(false), receiver(false)]);
  const dead = await receiver(true);
  const subs = [
    { protocol: 'webhook', endpoint: good[0]!.url, format: 'json', secretEnv: 'BENCH_SECRET' },
    { protocol: 'webhook', endpoint: good[1]!.url, format: 'slack' },
    ...(withDeadEndpoint ? [{ protocol: 'webhook', endpoint: dead.url, format: 'teams', timeoutSeconds: 1 }] : []),
  ];
  const config = parseConfig({ allowPrivateNetworks: true, feeds: [{ url: 'https://a.example/rss', name: 'A' }], rules: [{ id: 'ru-ua', name: 'RU UA', query: 'x' }], subscriptions: subs }, 'bench');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-bench-hooks-'));
  const hooks = localWebhookPublisher(config, { dataDir: dir, env: { BENCH_SECRET: 'k' } })!;
  const t0 = performance.now();
  for (let i = 0; i < ALERTS; i++) await hooks.publish(alert(i));
  const report = await hooks.drain();
  const ms = performance.now() - t0;
  const lastGoodMs = Math.max(good[0]!.last(), good[1]!.last()) - t0;
  for (const r of [...good, dead]) r.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { ms, lastGoodMs, delivered: report.delivered };
}

/** Deliveries per second to healthy endpoints, and the time the last of them arrived with a dead endpoint beside them. */
export async function bench(): Promise<BenchRow[]> {
  await pass(false); // warm-up
  const healthy = await pass(false);
  const withDead = await pass(true);
  const how = `${ALERTS} alerts to 2 loopback receivers (json signed, slack) through WebhookPublisher with its pending file; the dead one (teams) never answers, timeoutSeconds 1`;
  return [
    { name: 'webhook deliveries, healthy endpoints', value: healthy.delivered / (healthy.ms / 1000), unit: 'deliveries/s', how },
    { name: 'webhooks: last healthy delivery, dead endpoint beside', value: withDead.lastGoodMs, unit: 'ms', how },
    { name: 'webhooks: whole drain with the dead endpoint (≈ its timeout)', value: withDead.ms, unit: 'ms', how },
  ];
}
