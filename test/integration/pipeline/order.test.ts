// A local pass stores feeds in the config's order whichever answers first, so two clean passes over
// the same feeds form the same stories and alert on the same article of each (the premise of the
// crash check: a pass killed and run again sends what a clean pass sends).
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
import { OutboxPublisher } from '../../../shared/alerts';

// Eight outlets, each with its own wording of the same three stories.
const STORIES = [
  ['Russian drones strike Kharkiv power plant', 'Kharkiv power plant hit by Russian drone attack', 'Drone attack on Kharkiv leaves city without power'],
  ['Ukraine and Moldova sign energy deal', 'Moldova, Ukraine agree on power grid link', 'Energy pact signed by Kyiv and Chisinau'],
  ['Black Sea grain corridor reopens for Ukrainian ships', 'Ukrainian grain ships sail again through Black Sea corridor', 'Odesa ports resume grain exports by sea'],
];
const FEEDS = 8;
const feedXml = (f: number) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet ${f}</title><link>http://o${f}.example/</link><description>x</description>` +
  STORIES.map((titles, s) => `<item><title>${titles[(f + s) % titles.length]}</title><link>http://o${f}.example/${s}</link><guid>o${f}-${s}</guid><pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate></item>`).join('') +
  '</channel></rss>';

describe('two clean passes over the same feeds answering in different orders', () => {
  let dynamo: LocalDynamo;
  let delay: (feed: number) => number = () => 0;
  const server = http.createServer((req, res) => {
    const f = Number(new URL(req.url!, 'http://x').pathname.slice(1));
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/xml' }).end(feedXml(f)), delay(f));
  });
  const passes: { alerts: string[]; stories: Record<string, string> }[] = [];

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const config = parseConfig({
      allowPrivateNetworks: true,
      feeds: Array.from({ length: FEEDS }, (_, f) => ({ name: `Outlet ${f}`, url: `${base}/${f}` })),
      rules: [{ id: 'ua', name: 'Ukraine', query: 'region:UA', severity: 'info', maxPerHour: 1000 }],
    });
    dynamo = await startLocalDynamo();
    // First pass: the last feed answers first; second pass: the first feed does.
    for (const [k, order] of [(f: number) => (FEEDS - f) * 40, (f: number) => f * 40].entries()) {
      delay = order;
      const store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: `order-test-${k}`, now: () => new Date('2026-11-27T12:00:00Z') });
      await store.ensureTable();
      const outbox = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nm-order-')), 'outbox.jsonl');
      await runPass(config, { store, publisher: new OutboxPublisher({ file: outbox }), now: () => new Date('2026-11-27T12:00:00Z') });
      const lines = fs.readFileSync(outbox, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      const page = await store.listArticles({ limit: 100 });
      passes.push({ alerts: lines.map((o) => `${o.ruleId} ${o.article.title}`).sort(), stories: Object.fromEntries(page.items.map((a) => [a.id, a.story!])) });
    }
  }, 120_000);

  afterAll(async () => {
    server.close();
    await dynamo?.close();
  });

  it('alerts each story once, on the same article both times', () => {
    expect(passes[0]!.alerts.length).toBe(new Set(Object.values(passes[0]!.stories)).size);
    expect(passes[0]!.alerts.length).toBeGreaterThanOrEqual(STORIES.length);
    expect(passes[1]!.alerts).toEqual(passes[0]!.alerts);
  });

  it('forms the same stories both times', () => {
    expect(Object.keys(passes[0]!.stories).length).toBe(FEEDS * STORIES.length);
    expect(passes[1]!.stories).toEqual(passes[0]!.stories);
  });
});
