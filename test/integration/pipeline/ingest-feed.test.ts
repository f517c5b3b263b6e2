import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import { ingestFeed } from '../../../shared/pipeline';
import { ArticleStore } from '../../../shared/store';

const config = { allowPrivateNetworks: true, pauseFailingFeedAfterHours: 72 };
const UNDATED = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://t.example/</link><description>d</description>
<item><title>NATO ministers meet in Brussels</title><link>http://t.example/1</link><description>Talks on Ukraine.</description></item></channel></rss>`;

describe('ingestFeed', () => {
  let dynamo: LocalDynamo;
  let store: ArticleStore;
  let base = '';
  const server = http.createServer((req, res) => {
    if (req.url === '/undated.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(UNDATED);
    res.writeHead(500).end('boom');
  });

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dynamo = await startLocalDynamo();
    store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'ingest-feed' });
    await store.ensureTable();
  });
  afterAll(async () => {
    server.close();
    await dynamo?.close();
  });

  it('passes on what the reader noticed, and dates an undated item by its fetch time', async () => {
    const now = new Date('2026-11-28T10:00:00Z');
    const o = await ingestFeed({ url: `${base}/undated.xml`, name: 'Undated' }, { store, config, now });
    expect(o.status).toBe('ok');
    expect(o.warnings.join('\n')).toMatch(/without a readable date/);
    expect(o.fresh[0]).toMatchObject({ publishedAt: now.toISOString(), dateMissing: true });
    expect(o.fresh[0]!.actors.map((t) => t.id)).toContain('nato');
  });

  it('says when this pass paused a feed that has failed for longer than the config allows, then leaves it alone', async () => {
    const url = `${base}/broken.xml`;
    const since = new Date('2026-11-20T00:00:00Z').toISOString();
    await store.putFeedState({ url, name: 'Broken', consecutiveFailures: 30, failingSince: since, lastError: 'HTTP 500', nextAttemptAt: since });
    const now = new Date('2026-11-28T10:00:00Z');
    const first = await ingestFeed({ url, name: 'Broken' }, { store, config, now });
    expect(first).toMatchObject({ status: 'failed', pausedNow: true });
    expect((await store.getFeedState(url))?.paused).toBe(true);
    const second = await ingestFeed({ url, name: 'Broken' }, { store, config, now: new Date(now.getTime() + 60_000) });
    expect(second).toMatchObject({ status: 'skipped', pausedNow: false });
  });
});
