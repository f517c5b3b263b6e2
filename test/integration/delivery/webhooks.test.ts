// Local webhook delivery against real loopback HTTP servers: bodies, formats and signatures as a
// receiver sees them; a failing and a hanging endpoint that hold up nobody else; pending
// deliveries kept on disk and sent by the next run.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilePendingStore, localWebhookPublisher, pendingFile, verifySignature, WebhookSecretError } from '../../../shared/delivery';
import { parseConfig } from '../../../shared/config';
import { alertMessage } from '../../unit/delivery/fixtures';

interface Got { path: string; headers: http.IncomingHttpHeaders; body: string; at: number }
const got: Got[] = [];
/** When each request to /hang was given up by the client (its timeout). */
const hangClosed: number[] = [];
let failNext = 0;
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      if (req.url === '/hang') {
        res.on('close', () => hangClosed.push(Date.now()));
        return; // never answers
      }
      if (req.url === '/fail' || (req.url === '/flaky' && failNext-- > 0)) {
        res.statusCode = 500;
        return res.end('no');
      }
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'nm-hooks-'));
function config(subscriptions: unknown[], allowPrivateNetworks = true) {
  return parseConfig({ allowPrivateNetworks, feeds: [{ url: 'https://a.example/rss', name: 'A' }], rules: [{ id: 'ru-ua', name: 'RU UA', query: 'attack', severity: 'critical' }, { id: 'other', name: 'Other', query: 'x' }], subscriptions }, 'test');
}
const fast = { retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 50 } };

describe('local webhook delivery', () => {
  it('delivers json (signed), slack and teams bodies to a loopback receiver', async () => {
    got.length = 0;
    const cfg = config([
      { protocol: 'webhook', endpoint: `${base}/json`, format: 'json', secretEnv: 'HOOK_SECRET' },
      { protocol: 'webhook', endpoint: `${base}/slack`, format: 'slack' },
      { protocol: 'webhook', endpoint: `${base}/teams`, format: 'teams', rules: ['other'] },
    ]);
    const hooks = localWebhookPublisher(cfg, { dataDir: tmp(), env: { HOOK_SECRET: 'k3y' }, ...fast })!;
    await hooks.publish(alertMessage());
    await hooks.publish(alertMessage({ ruleId: 'other', severity: 'info', article: { ...alertMessage().article, id: 'a2' } }));
    expect(await hooks.drain()).toEqual({ delivered: 5, pending: 0, dropped: 0 });
    const json = got.filter((g) => g.path === '/json');
    expect(json).toHaveLength(2);
    for (const g of json) {
      expect(verifySignature(g.body, 'k3y', g.headers['x-news-monitor-signature'] as string)).toBe(true);
      expect(g.headers['content-type']).toMatch(/^application\/json/);
    }
    expect(JSON.parse(json[0]!.body)).toEqual(alertMessage());
    expect(JSON.parse(got.find((g) => g.path === '/slack')!.body).blocks).toBeInstanceOf(Array);
    // Only the rule the teams subscription names reaches it, and unsigned (no secretEnv).
    const teams = got.filter((g) => g.path === '/teams');
    expect(teams.map((g) => JSON.parse(g.body).attachments[0].content.type)).toEqual(['AdaptiveCard']);
    expect(teams[0]!.headers['x-news-monitor-signature']).toBeUndefined();
  });

  it('lets a failing and a hanging endpoint hold up no other delivery, and keeps theirs for the next run', async () => {
    got.length = 0;
    const dir = tmp();
    const cfg = config([
      { protocol: 'webhook', endpoint: `${base}/hang`, format: 'json', timeoutSeconds: 1 },
      { protocol: 'webhook', endpoint: `${base}/fail`, format: 'json' },
      { protocol: 'webhook', endpoint: `${base}/ok`, format: 'slack' },
    ]);
    const problems: string[] = [];
    const hooks = localWebhookPublisher(cfg, { dataDir: dir, onProblem: (l) => problems.push(l), ...fast })!;
    for (let i = 0; i < 6; i++) await hooks.publish(alertMessage({ article: { ...alertMessage().article, id: `a${i}` } }));
    const report = await hooks.drain();
    const ok = got.filter((g) => g.path === '/ok');
    expect(ok).toHaveLength(6);
    // The good endpoint had everything before the hanging one's first request timed out.
    expect(hangClosed.length).toBeGreaterThan(0);
    expect(Math.max(...ok.map((g) => g.at))).toBeLessThanOrEqual(Math.min(...hangClosed));
    expect(report).toEqual({ delivered: 6, pending: 12, dropped: 0 });
    // The failing endpoint was retried (3 requests for its first delivery), then its others waited.
    expect(got.filter((g) => g.path === '/fail').length).toBeGreaterThanOrEqual(3);
    expect(problems.find((p) => p.includes('/fail') || p.includes('subscriptions[1]'))).toMatch(/^webhook subscriptions\[1\] \(json, http:\/\/127\.0\.0\.1:\d+\/…\): 6 deliveries kept for the next run: answered HTTP 500/);
    expect(problems.find((p) => p.includes('subscriptions[0]'))).toMatch(/no answer within 1 s$/);
    expect(await new FilePendingStore(pendingFile(dir)).load()).toHaveLength(12);
  });

  it('sends the deliveries an earlier run left pending, once the endpoint answers', async () => {
    got.length = 0;
    const dir = tmp();
    failNext = 100;
    const cfg = config([{ protocol: 'webhook', endpoint: `${base}/flaky`, format: 'json' }]);
    const first = localWebhookPublisher(cfg, { dataDir: dir, ...fast })!;
    await first.publish(alertMessage());
    expect(await first.drain()).toMatchObject({ delivered: 0, pending: 1 });
    failNext = 0;
    const second = localWebhookPublisher(cfg, { dataDir: dir, ...fast })!;
    await second.resumePending();
    expect(await second.drain()).toEqual({ delivered: 1, pending: 0, dropped: 0 });
    expect(fs.existsSync(pendingFile(dir))).toBe(false);
    const last = got.filter((g) => g.path === '/flaky').at(-1)!;
    expect(JSON.parse(last.body).article.id).toBe('a1');
    // Every request of that delivery carried the same id, so a receiver can drop repeats.
    expect(new Set(got.map((g) => g.headers['x-news-monitor-delivery'])).size).toBe(1);
  });

  it('tries again on the next pass of the same process (run --watch)', async () => {
    got.length = 0;
    failNext = 100;
    const cfg = config([{ protocol: 'webhook', endpoint: `${base}/flaky`, format: 'json' }]);
    const hooks = localWebhookPublisher(cfg, { dataDir: tmp(), ...fast })!;
    await hooks.resumePending();
    await hooks.publish(alertMessage());
    expect(await hooks.drain()).toMatchObject({ delivered: 0, pending: 1 });
    failNext = 0;
    await hooks.resumePending();
    expect(await hooks.drain()).toEqual({ delivered: 1, pending: 0, dropped: 0 });
  });

  it('drops a pending delivery whose subscription left the config, and says so', async () => {
    const dir = tmp();
    failNext = 100;
    const first = localWebhookPublisher(config([{ protocol: 'webhook', endpoint: `${base}/flaky`, format: 'json' }]), { dataDir: dir, ...fast })!;
    await first.publish(alertMessage());
    await first.drain();
    const problems: string[] = [];
    const second = localWebhookPublisher(config([{ protocol: 'webhook', endpoint: `${base}/ok`, format: 'json' }]), { dataDir: dir, onProblem: (l) => problems.push(l), ...fast })!;
    await second.resumePending();
    expect(await second.drain()).toEqual({ delivered: 0, pending: 0, dropped: 1 });
    expect(problems).toEqual([expect.stringMatching(/^webhook: dropped the pending ru-ua alert for ".*" \(its subscription is no longer in the config\)$/)]);
    failNext = 0;
  });

  it('refuses a private address without allowPrivateNetworks, without retrying', async () => {
    got.length = 0;
    const cfg = config([{ protocol: 'webhook', endpoint: 'https://127.0.0.1:9/hook', format: 'json' }], false);
    const problems: string[] = [];
    const hooks = localWebhookPublisher(cfg, { dataDir: tmp(), onProblem: (l) => problems.push(l), ...fast })!;
    await hooks.publish(alertMessage());
    expect(await hooks.drain()).toMatchObject({ delivered: 0, pending: 1 });
    expect(problems[0]).toMatch(/refused: 127\.0\.0\.1 is a loopback address; set "allowPrivateNetworks": true/);
  });

  it('names an unset secret variable instead of sending unsigned', () => {
    const cfg = config([{ protocol: 'webhook', endpoint: `${base}/json`, format: 'json', secretEnv: 'NOPE_SECRET' }]);
    expect(() => localWebhookPublisher(cfg, { dataDir: tmp(), env: {} })).toThrow(WebhookSecretError);
    expect(() => localWebhookPublisher(cfg, { dataDir: tmp(), env: {} })).toThrow('subscriptions[0].secretEnv: environment variable NOPE_SECRET is not set');
  });
});
