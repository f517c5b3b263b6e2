import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Context, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { parseConfig } from '../../../shared/config';
import type { FeedConfig } from '../../../shared/model';
import type { IngestOutcome } from '../../../shared/pipeline';
import { ingestFeedMessages, tallyOutcomes } from '../../../functions/lib/feed-messages';

const context = { functionName: 'ingest', awsRequestId: 'req-1' } as Context;
const silent = { info: () => {}, warn: () => {}, error: () => {} };
const record = (messageId: string, body: unknown): SQSRecord => ({ messageId, body: typeof body === 'string' ? body : JSON.stringify(body) }) as SQSRecord;
const outcome = (feed: FeedConfig, status: IngestOutcome['status'], extra: Partial<IngestOutcome> = {}): IngestOutcome => ({
  feed,
  status,
  fresh: [],
  duplicates: 0,
  timings: { readMs: 0, tagMs: 0, storeMs: 0 },
  warnings: [],
  pausedNow: false,
  ...extra,
});

describe('ingestFeedMessages', () => {
  const feeds = [
    { url: 'https://a.example.org/rss', name: 'A' },
    { url: 'https://b.example.org/rss', name: 'B' },
    { url: 'https://c.example.org/rss', name: 'C' },
  ];

  it('reports only the messages whose ingest threw as batch item failures', async () => {
    const ingest = vi.fn(async (feed: FeedConfig) => {
      if (feed.name === 'B') throw new Error('ProvisionedThroughputExceededException');
      return outcome(feed, 'ok');
    });
    const r = await ingestFeedMessages(feeds.map((f, i) => record(`m${i}`, f)), { feeds, ingest, log: silent });
    expect(r.response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm1' }] });
    expect(r.outcomes.map((o) => o.feed.name).sort()).toEqual(['A', 'C']);
  });

  it('does not retry a feed that could not be read: its state records the failure', async () => {
    const ingest = async (feed: FeedConfig) => outcome(feed, feed.name === 'A' ? 'failed' : 'skipped', { error: 'HTTP 503' });
    const r = await ingestFeedMessages(feeds.slice(0, 2).map((f, i) => record(`m${i}`, f)), { feeds, ingest, log: silent });
    expect(r.response.batchItemFailures).toEqual([]);
    expect(tallyOutcomes(r.outcomes)).toMatchObject({ failed: 1, skipped: 1 });
  });

  it('drops messages that name no configured feed or are not JSON, without fetching anything', async () => {
    const ingest = vi.fn(async (feed: FeedConfig) => outcome(feed, 'ok'));
    const warn = vi.fn();
    const r = await ingestFeedMessages([record('m0', { url: 'http://169.254.169.254/latest/meta-data', name: 'x' }), record('m1', '{not json'), record('m2', feeds[2])], {
      feeds,
      ingest,
      log: { ...silent, warn },
    });
    expect(ingest).toHaveBeenCalledTimes(1);
    expect(ingest).toHaveBeenCalledWith(feeds[2]);
    expect(r.dropped).toBe(2);
    expect(r.response.batchItemFailures).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('reads a feed named by two messages once, and retries both when that read throws', async () => {
    const ingest = vi.fn(async (feed: FeedConfig): Promise<IngestOutcome> => {
      if (feed.name === 'B') throw new Error('table unreachable');
      return outcome(feed, 'ok');
    });
    const r = await ingestFeedMessages([record('a1', feeds[0]), record('b1', feeds[1]), record('a2', feeds[0]), record('b2', feeds[1])], { feeds, ingest, log: silent });
    expect(ingest).toHaveBeenCalledTimes(2);
    expect(r.outcomes).toHaveLength(1);
    expect(r.response.batchItemFailures).toEqual([{ itemIdentifier: 'b1' }, { itemIdentifier: 'b2' }]);
  });

  it('reads the feeds of a batch concurrently', async () => {
    let inFlight = 0;
    let peak = 0;
    const ingest = async (feed: FeedConfig) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return outcome(feed, 'ok');
    };
    await ingestFeedMessages(feeds.map((f, i) => record(`m${i}`, f)), { feeds, ingest, log: silent });
    expect(peak).toBe(3);
  });
});

describe('tallyOutcomes', () => {
  it('counts statuses and articles for the metrics', () => {
    const f = { url: 'u', name: 'n' };
    const fresh = [{}, {}] as IngestOutcome['fresh'];
    expect(tallyOutcomes([outcome(f, 'ok', { fresh, duplicates: 3 }), outcome(f, 'not-modified'), outcome(f, 'failed', { pausedNow: true }), outcome(f, 'ok', { duplicates: 1 })])).toEqual({
      fetched: 2,
      notModified: 1,
      skipped: 0,
      failed: 1,
      paused: 1,
      fresh: 2,
      duplicates: 4,
    });
  });
});

describe('ingest handler', () => {
  const ddb = mockClient(DynamoDBClient);
  let dir: string;
  let good: FeedConfig;
  let broken: FeedConfig;
  let unreachable: FeedConfig;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-monitor-ingest-'));
    const rss = (title: string) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://example.org/</link><description>d</description>` +
      `<item><title>NATO ministers meet in Brussels</title><link>https://example.org/${title}/1</link><guid>${title}-1</guid><pubDate>Mon, 03 Nov 2025 10:00:00 GMT</pubDate><description>NATO defence ministers met on Monday.</description></item>` +
      `</channel></rss>`;
    fs.writeFileSync(path.join(dir, 'good.xml'), rss('good'));
    fs.writeFileSync(path.join(dir, 'table-down.xml'), rss('table-down'));
    good = { url: pathToFileURL(path.join(dir, 'good.xml')).href, name: 'Good' };
    broken = { url: pathToFileURL(path.join(dir, 'table-down.xml')).href, name: 'Table down' };
    unreachable = { url: pathToFileURL(path.join(dir, 'missing.xml')).href, name: 'Missing' };
    vi.stubEnv('NEWS_MONITOR_CONFIG', JSON.stringify(parseConfig({ feeds: [good, broken, unreachable], allowPrivateNetworks: true })));
    vi.stubEnv('TABLE_NAME', 'news-monitor-test');
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    // Every DynamoDB call about the "Table down" feed fails as a throttled table would; the others succeed.
    ddb.onAnyCommand().callsFake((input) => {
      if (JSON.stringify(input).includes('table-down')) throw Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ThrottlingException' });
      return { Items: [], UnprocessedItems: {} };
    });
  });
  afterEach(() => {
    ddb.reset();
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('returns the message of the feed whose store calls failed, and not the unreadable one', async () => {
    vi.resetModules();
    const { handler } = await import('../../../functions/ingest');
    const res = await handler({ Records: [record('ok-1', good), record('down-1', broken), record('missing-1', unreachable)] }, context);
    expect(res).toEqual({ batchItemFailures: [{ itemIdentifier: 'down-1' }] });
    expect(ddb.calls().length).toBeGreaterThan(0);
  });

  it('counts fetched and failed feeds and new articles in the metrics', async () => {
    vi.resetModules();
    const { handler } = await import('../../../functions/ingest');
    const { metrics } = await import('../../../functions/lib/observability');
    const add = vi.spyOn(metrics, 'addMetric');
    await handler({ Records: [record('ok-1', good), record('missing-1', unreachable)] }, context);
    const counts = Object.fromEntries(add.mock.calls.map(([name, , value]) => [name, value]));
    expect(counts).toMatchObject({ FeedsFetched: 1, FeedsFailed: 1, ArticlesNew: 1, ArticlesDuplicate: 0 });
  });
});
