import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import { parseConfig } from '../../../shared/config';
import { runPass } from '../../../shared/pipeline';
import { ArticleStore } from '../../../shared/store';
import { queryArticles } from '../../../shared/query';
import { OutboxPublisher } from '../../../shared/alerts';
import type { Config, RunSummary } from '../../../shared/model';

const FEEDS = path.resolve(__dirname, '../../../examples/feeds');
const DEMO = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../examples/demo.config.json'), 'utf8'));

/** Serves examples/feeds on loopback with ETags, counting requests and 304s. */
function feedServer() {
  const hits = { total: 0, notModified: 0 };
  const server = http.createServer((req, res) => {
    hits.total++;
    const file = path.join(FEEDS, path.basename(new URL(req.url!, 'http://x').pathname));
    if (!fs.existsSync(file)) return res.writeHead(404).end();
    const body = fs.readFileSync(file);
    const etag = `"${body.length}"`;
    if (req.headers['if-none-match'] === etag) {
      hits.notModified++;
      return res.writeHead(304, { etag }).end();
    }
    res.writeHead(200, { 'content-type': 'application/xml', etag }).end(body);
  });
  return { server, hits };
}

describe('runPass over loopback feeds into a real dynalite', () => {
  let dynamo: LocalDynamo;
  let store: ArticleStore;
  let config: Config;
  let outbox: string;
  const { server, hits } = feedServer();
  let first: RunSummary;
  let second: RunSummary;

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    config = parseConfig({
      ...DEMO,
      allowPrivateNetworks: true,
      feeds: DEMO.feeds.map((f: { url: string; name: string }) => ({ name: f.name, url: `${base}/${path.basename(f.url)}` })),
    });
    dynamo = await startLocalDynamo();
    store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'news-monitor-test' });
    await store.ensureTable();
    outbox = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nm-run-')), 'outbox.jsonl');
    const publisher = new OutboxPublisher({ file: outbox });
    first = await runPass(config, { store, publisher });
    second = await runPass(config, { store, publisher });
  });

  afterAll(async () => {
    server.close();
    await dynamo?.close();
  });

  it('reads every feed and stores every item once', () => {
    expect(first.feeds).toMatchObject({ total: 3, ok: 3, failed: 0 });
    expect(first.articles).toEqual({ new: 14, duplicate: 0 });
    expect(first.errors).toEqual([]);
  });

  it('stores articles with their tags and evidence', async () => {
    const page = await queryArticles(store, { actors: ['nato'], limit: 100 });
    const titles = page.items.map((a) => a.title);
    expect(titles).toContain('NATO allies weigh new air defence for Ukraine as Russian strikes on Kharkiv intensify');
    expect(titles).not.toContain('Wildfires force evacuations in California');
    const nato = page.items.find((a) => a.title.startsWith('NATO allies'))!;
    expect(nato.url).toBe('https://eastern-wire.example/2026/11/27/nato-air-defence-kharkiv');
    expect(nato.regions.map((t) => t.id)).toContain('UA');
    const full = await store.getArticle(nato.id);
    expect(full?.actors.find((t) => t.id === 'nato')?.mentions.length).toBeGreaterThan(0);
  });

  it('writes one outbox line per alert sent, in the contract shape', () => {
    const lines = fs.readFileSync(outbox, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(first.alerts.sent).toBeGreaterThan(0);
    expect(lines).toHaveLength(first.alerts.sent);
    const ids = lines.map((l) => l.ruleId);
    expect(ids).toContain('ru-ua-escalation');
    expect(ids).toContain('black-sea');
    const alerted = lines.map((l) => l.article.title).join('\n');
    expect(alerted).not.toMatch(/Porto|Central bank|Wildfires/);
    for (const l of lines) {
      expect(l).toMatchObject({ severity: expect.any(String), article: { id: expect.any(String), url: expect.any(String), title: expect.any(String) } });
      expect(l.sms.length).toBeLessThanOrEqual(160);
      expect(l.email.subject.length).toBeLessThanOrEqual(100);
    }
  });

  it('stores and alerts nothing new on a second pass, and asks with conditional requests', () => {
    expect(second.articles.new).toBe(0);
    expect(second.alerts.sent).toBe(0);
    expect(second.feeds.notModified).toBe(3);
    expect(hits.notModified).toBe(3);
  });
});
