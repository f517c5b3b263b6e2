// `news-monitor run` with webhook subscriptions, end to end: the CLI in its own process, a loopback
// receiver here. Every alert of the demo reaches json (signed), slack and teams; a failing endpoint
// is reported in one line without its path and left pending; the summary counts the deliveries.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilePendingStore, pendingFile, verifySignature } from '../../../shared/delivery';

const exec = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const got: { path: string; body: string; signature?: string }[] = [];
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ path: req.url!, body, signature: req.headers['x-news-monitor-signature'] as string | undefined });
      res.statusCode = req.url!.startsWith('/fail') ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('run with webhook subscriptions', () => {
  it('delivers every alert in the three formats, signed, and keeps the failing endpoint\'s for the next run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-run-hooks-'));
    const demo = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/demo.config.json'), 'utf8'));
    demo.feeds = demo.feeds.map((f: { url: string }) => ({ ...f, url: f.url.startsWith('./') ? pathToFileURL(path.resolve(ROOT, 'examples', f.url)).href : f.url }));
    const cfg = path.join(dir, 'config.json');
    fs.writeFileSync(cfg, JSON.stringify({
      ...demo,
      allowPrivateNetworks: true,
      subscriptions: [
        { protocol: 'webhook', endpoint: `${base}/json/T0/secret-path`, format: 'json', secretEnv: 'NM_TEST_HOOK_SECRET' },
        { protocol: 'webhook', endpoint: `${base}/slack`, format: 'slack' },
        { protocol: 'webhook', endpoint: `${base}/teams`, format: 'teams' },
        { protocol: 'webhook', endpoint: `${base}/fail/token123`, format: 'json' },
      ],
    }));
    const outbox = path.join(dir, 'outbox.jsonl');
    const r = await exec(process.execPath, [path.join(ROOT, 'cli/bin.mjs'), 'run', '--config', cfg, '--data-dir', path.join(dir, 'data'), '--outbox', outbox, '--json', '--quiet'], {
      env: { ...process.env, NM_TEST_HOOK_SECRET: 'run-secret' },
    });
    const alerts = fs.readFileSync(outbox, 'utf8').trim().split('\n').length;
    expect(alerts).toBeGreaterThan(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(summary.webhooks).toEqual({ delivered: 3 * alerts, pending: alerts, dropped: 0 });
    const json = got.filter((g) => g.path.startsWith('/json'));
    expect(json).toHaveLength(alerts);
    for (const g of json) expect(verifySignature(g.body, 'run-secret', g.signature)).toBe(true);
    expect(got.filter((g) => g.path === '/slack').every((g) => JSON.parse(g.body).blocks)).toBe(true);
    expect(got.filter((g) => g.path === '/teams').every((g) => JSON.parse(g.body).attachments[0].content.type === 'AdaptiveCard')).toBe(true);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^news-monitor: webhook subscriptions\[3\] \(json, http:\/\/127\.0\.0\.1:\d+\/…\): \d+ deliver(y|ies) kept for the next run: answered HTTP 500 Internal Server Error$/)]);
    expect(r.stderr).not.toContain('token123');
    expect(await new FilePendingStore(pendingFile(path.join(dir, 'data'))).load()).toHaveLength(alerts);
  });

  it('stops with one line naming the unset secret variable', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-run-hooks-'));
    const cfg = path.join(dir, 'config.json');
    fs.writeFileSync(cfg, JSON.stringify({ allowPrivateNetworks: true, feeds: [{ url: `${base}/feed.xml`, name: 'F' }], subscriptions: [{ protocol: 'webhook', endpoint: `${base}/x`, format: 'json', secretEnv: 'NM_UNSET_SECRET' }] }));
    const err = await exec(process.execPath, [path.join(ROOT, 'cli/bin.mjs'), 'run', '--config', cfg, '--data-dir', dir], { env: { ...process.env, NM_UNSET_SECRET: '' } }).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr.trim()).toBe('news-monitor: subscriptions[0].secretEnv: environment variable NM_UNSET_SECRET is not set (the webhook\'s requests must be signed with it)');
  });
});
