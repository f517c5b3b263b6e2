// The alert flow against a real dynalite: one story carried by two feeds alerts once per rule, a
// second pass and a replayed stream record alert nothing, the hourly cap folds the overflow, and the
// digest lists what was stored.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AttributeValue as LambdaAttributeValue, DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { testRule } from '../../../cli/commands/rules';
import { alertOnArticle, alertOnStreamRecords, compileQuery, compileRules, OutboxPublisher, sendDigests, type Publisher } from '../../../shared/alerts';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import { parseConfig } from '../../../shared/config';
import type { AlertMessage, RunSummary, TaggedArticle } from '../../../shared/model';
import { runPass, tagArticle } from '../../../shared/pipeline';
import { ArticleStore } from '../../../shared/store';
import { articleItem } from '../../../shared/store/article-items';

const STORY = {
  title: 'Russian forces attack Ukrainian positions near Donetsk as warships gather in the Black Sea',
  body:
    'KYIV, Nov 27 - Russian forces launched an attack on Ukrainian positions near Donetsk on Thursday, ' +
    'Ukraine said, while Russian warships gathered off the coast in the Black Sea. Kyiv called it the ' +
    'start of a wider invasion and asked NATO allies for more air defence.',
};
const OTHER = { title: 'Central bank leaves interest rates unchanged', body: 'The bank kept its main rate at 4 percent, citing steady prices.' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const item = (t: { title: string; body: string }, link: string, date: string) =>
  `<item><title>${esc(t.title)}</title><link>${esc(link)}</link><guid>${esc(link)}</guid><pubDate>${date}</pubDate><description>${esc(t.body)}</description></item>`;
const rss = (name: string, items: string[]) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${name}</title><link>http://news.example/</link><description>${name}</description>${items.join('')}</channel></rss>`;

const FEEDS: Record<string, string> = {
  '/a.xml': rss('Wire A', [item(STORY, 'http://wire-a.example/world/donetsk-attack', 'Thu, 27 Nov 2026 14:05:00 GMT'), item(OTHER, 'http://wire-a.example/markets/rates', 'Thu, 27 Nov 2026 12:00:00 GMT')]),
  '/b.xml': rss('Wire B', [item(STORY, 'http://wire-b.example/2026/11/27/donetsk?utm_source=rss&utm_medium=feed', 'Thu, 27 Nov 2026 14:20:00 GMT')]),
};

function recorder(inner: Publisher): Publisher & { sent: AlertMessage[] } {
  const sent: AlertMessage[] = [];
  return { sent, publish: async (m) => (sent.push(m), inner.publish(m)) };
}

describe('alerts against a real dynalite', () => {
  let dynamo: LocalDynamo;
  let store: ArticleStore;
  let dir: string;
  let publisher: ReturnType<typeof recorder>;
  let first: RunSummary;
  let second: RunSummary;
  let served = 0;
  const server = http.createServer((req, res) => {
    const body = FEEDS[new URL(req.url!, 'http://x').pathname];
    if (!body) return res.writeHead(404).end();
    // Like a feed whose build date changes on every request: no validators and never the same
    // bytes twice, so the second pass really reads the items again.
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`${body}<!-- served ${++served} -->`);
  });
  const config = (base: string) =>
    parseConfig({
      allowPrivateNetworks: true,
      feeds: [
        { url: `${base}/a.xml`, name: 'Wire A' },
        { url: `${base}/b.xml`, name: 'Wire B' },
      ],
      rules: [
        { id: 'ru-ua', name: 'Russia–Ukraine escalation', query: 'actor:RU AND region:UA AND (invasion OR invade* OR attack)', severity: 'critical' },
        { id: 'cn-tw', name: 'China–Taiwan', query: 'actor:CN AND region:TW', severity: 'warning' },
        { id: 'black-sea', name: 'Black Sea', query: 'region:"Black Sea" AND NOT region:TW AND warship*', severity: 'info' },
      ],
    });

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const cfg = config(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    dynamo = await startLocalDynamo();
    store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'alerts-test' });
    await store.ensureTable();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-alerts-'));
    publisher = recorder(new OutboxPublisher({ file: path.join(dir, 'outbox.jsonl') }));
    first = await runPass(cfg, { store, publisher, concurrency: 2 });
    second = await runPass(cfg, { store, publisher, concurrency: 2 });
  });

  afterAll(async () => {
    server.close();
    await dynamo?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores the story from both feeds but alerts once per matching rule', () => {
    expect(first.articles.new).toBe(3);
    const lines = fs.readFileSync(path.join(dir, 'outbox.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AlertMessage);
    expect(lines.map((l) => l.ruleId).sort()).toEqual(['black-sea', 'ru-ua']);
    expect(first.alerts).toEqual({ sent: 2, suppressed: 2 });
    const ruUa = lines.find((l) => l.ruleId === 'ru-ua')!;
    expect(ruUa.actors).toContain('RU');
    expect(ruUa.regions).toEqual(expect.arrayContaining(['UA', 'black-sea']));
    expect(ruUa.email.body).toMatch(/Words: {3}"attack", "invasion"|Words: {3}"invasion", "attack"/);
    expect(ruUa.sms.length).toBeLessThanOrEqual(160);
  });

  it('sends nothing on a second pass over the same feeds', () => {
    expect(second.articles).toEqual({ new: 0, duplicate: 3 });
    expect(second.alerts.sent).toBe(0);
    expect(publisher.sent).toHaveLength(2);
  });

  it('sends nothing when the alert function sees the same new-article records again', async () => {
    const { rules } = compileRules(config('http://127.0.0.1:1').rules);
    const page = await store.listArticles({ limit: 10 });
    const records: DynamoDBRecord[] = page.items.map((a, i) => ({
      eventName: 'INSERT',
      dynamodb: { SequenceNumber: String(i), NewImage: articleItem(a, { ttl: 2_000_000_000, now: new Date() }) as Record<string, LambdaAttributeValue> },
    }));
    const replay = await alertOnStreamRecords([...records, ...records], { rules, store, publisher });
    expect(replay.response.batchItemFailures).toEqual([]);
    expect(replay.sent).toBe(0);
    expect(replay.suppressed).toBe(8);
  });

  it('shows with rules test what a rule would have matched and which copies are the same story', async () => {
    const all = await testRule(compileQuery({ id: 'q', query: 'attack' }), store, { maxArticles: 100 });
    expect(all.examined).toBe(3);
    const r = await testRule(compileQuery({ id: 'q', query: 'actor:RU AND attack' }), store, { maxArticles: 100 });
    // Only the articles tagged RU are read: the central bank story is not.
    expect(r.walked).toEqual({ side: 'actor', id: 'RU', kind: 'country' });
    expect(r.examined).toBe(2);
    expect(r.matches.map((m) => m.article.feedName).sort()).toEqual(['Wire A', 'Wire B']);
    expect(r.matches.filter((m) => !m.duplicateOf)).toHaveLength(1);
    expect(r.matches[0]!.why).toMatchObject({ words: ['attack'], tags: ['RU'] });
  });

  it('shows with rules test which operators held and the score of weighted terms', async () => {
    const r = await testRule(compileQuery({ id: 'q', query: 'SENT(attack NEAR/3 positions) AND title:"forces attack"~1', terms: { warships: 2, invasion: 1, '-football': -5 }, threshold: 3 }), store, { maxArticles: 100 });
    expect(r.matches).toHaveLength(2);
    expect(r.matches[0]!.why.fired).toEqual(['attack NEAR/3 positions', 'SENT(attack NEAR/3 positions) (2 sentences)', 'title:"forces attack"~1']);
    expect(r.matches[0]!.why.score).toEqual({ total: 3, threshold: 3, terms: [{ term: 'warships', weight: 2 }, { term: 'invasion', weight: 1 }] });
  });

  it('folds the overflow past the hourly cap and lists every alert in the digest', async () => {
    const [capped] = compileRules([{ id: 'capped', name: 'Capped', query: 'attack', severity: 'warning', maxPerHour: 2 }]).rules;
    const now = new Date('2026-11-27T15:10:00Z');
    const sent: AlertMessage[] = [];
    const pub: Publisher = { publish: async (m) => void sent.push(m) };
    const results = [];
    for (let i = 0; i < 5; i++) {
      const a: TaggedArticle = tagArticle({ ...STORY, id: `cap-${i}`, url: `http://wire-c.example/${i}`, title: `Attack number ${i}`, summary: STORY.body, publishedAt: `2026-11-27T15:0${i}:00.000Z`, fetchedAt: now.toISOString(), feedName: 'Wire C', feedUrl: 'http://wire-c.example/rss', storyKey: `attack number ${i}` });
      results.push(await alertOnArticle(a, { rules: [capped!], store, publisher: pub, now }));
    }
    expect(results.map((r) => r.sent)).toEqual([1, 1, 1, 0, 0]);
    expect(sent[2]!.email.subject).toBe('[warning] Capped: and more (over 2 this hour)');
    const digests: AlertMessage[] = [];
    const d = await sendDigests({ rules: [capped!], store, publisher: { publish: async (m) => void digests.push(m) }, since: '2026-11-27T00:00:00.000Z', until: '2026-11-28T00:00:00.000Z' });
    expect(d).toMatchObject({ digests: 1, alerts: 5 });
    expect(digests[0]!.delivery).toBe('digest');
    expect(digests[0]!.email.body).toContain('5 alerts from 2026-11-27 00:00 UTC to 2026-11-28 00:00 UTC; 3 of them held back by the hourly cap');
  });

  it('gives the claim back when SNS refuses the publish, so the retried record alerts once', async () => {
    const [rule] = compileRules([{ id: 'retry', name: 'Retry', query: 'attack', severity: 'critical' }]).rules;
    const now = new Date('2026-11-27T16:00:00Z');
    const a: TaggedArticle = tagArticle({ ...STORY, id: 'retry-1', url: 'http://wire-d.example/1', title: STORY.title, summary: STORY.body, publishedAt: '2026-11-27T15:59:00.000Z', fetchedAt: now.toISOString(), feedName: 'Wire D', feedUrl: 'http://wire-d.example/rss', storyKey: 'retry story' });
    const sent: AlertMessage[] = [];
    let fail = true;
    const flaky: Publisher = {
      publish: async (m) => {
        if (fail) throw new Error('SNS throttled');
        sent.push(m);
      },
    };
    await expect(alertOnArticle(a, { rules: [rule!], store, publisher: flaky, now })).rejects.toThrow('SNS throttled');
    fail = false;
    expect(await alertOnArticle(a, { rules: [rule!], store, publisher: flaky, now })).toMatchObject({ sent: 1 });
    expect(await alertOnArticle(a, { rules: [rule!], store, publisher: flaky, now })).toMatchObject({ sent: 0 });
    expect(sent).toHaveLength(1);
  });
});
