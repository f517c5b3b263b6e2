// 100 feeds over one loopback server, 10 of them broken in different ways: with bounded concurrency
// every item of the 90 good feeds is read, each broken one fails in words, and none holds up the rest.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeed, type FeedReadResult } from '../../../shared/feeds';
import { forEachLimit } from '../../../shared/pipeline/pool';
import { rssFeed, startServer, type Route, type TestServer } from './server';

const GOOD = 90;
const ITEMS = 25;
const broken: Record<string, Route> = {
  '/broken/500': (_q, res) => void res.writeHead(500).end(),
  '/broken/404': (_q, res) => void res.writeHead(404).end(),
  '/broken/hang': () => {},
  '/broken/html': (_q, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><title>Oops</title></head></html>'),
  '/broken/lol': (_q, res) =>
    void res.writeHead(200).end(`<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>`),
  '/broken/badgzip': (_q, res) => void res.writeHead(200, { 'content-encoding': 'gzip' }).end('not gzip at all'),
  '/broken/empty': (_q, res) => void res.writeHead(200).end(),
  '/broken/loop': (_q, res) => void res.writeHead(302, { location: '/broken/loop' }).end(),
  '/broken/json': (_q, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}'),
  '/broken/bomb': (_q, res) => void res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(30 * 1024 * 1024, 32))),
};

let srv: TestServer;
beforeAll(async () => {
  const routes: Record<string, Route> = { ...broken };
  for (let i = 0; i < GOOD; i++) {
    const body = rssFeed(`feed${i}`, ITEMS, `https://site${i}.example`);
    // Each good feed answers after a short delay, so feeds really overlap.
    routes[`/good/${i}`] = (_q, res) => void setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body), 5 + (i % 7) * 3);
  }
  srv = await startServer(routes);
});
afterAll(() => srv.close());

describe('a run over 100 feeds, 10 broken', () => {
  it('reads every item of the 90 good feeds and reports the 10 broken ones in words', async () => {
    const feeds = [
      ...Array.from({ length: GOOD }, (_, i) => ({ url: srv.url(`/good/${i}`), name: `good ${i}` })),
      ...Object.keys(broken).map((p) => ({ url: srv.url(p), name: p })),
    ];
    // The hanging feed first: the others must go on around it.
    const hang = feeds.findIndex((f) => f.name === '/broken/hang');
    feeds.unshift(...feeds.splice(hang, 1));
    const results = new Map<string, FeedReadResult>();
    const finished: string[] = [];
    await forEachLimit(feeds, 16, async (f) => {
      results.set(f.name, await readFeed(f, undefined, { allowPrivateNetworks: true, timeoutMs: 2000, deadlineMs: 6000 }));
      finished.push(f.name);
    });
    feeds.push(...feeds.splice(0, 1));
    const good = feeds.slice(0, GOOD).map((f) => results.get(f.name)!);
    expect(good.every((r) => r.status === 'ok')).toBe(true);
    const ids = new Set(good.flatMap((r) => (r.status === 'ok' ? r.articles.map((a) => a.id) : [])));
    expect(ids.size).toBe(GOOD * ITEMS);
    const errors = Object.keys(broken).map((p) => {
      const r = results.get(p)!;
      return r.status === 'failed' ? `${p}: ${r.error}` : `${p}: ${r.status}`;
    });
    expect(errors).toEqual([
      '/broken/500: HTTP 500 Internal Server Error',
      '/broken/404: HTTP 404 Not Found',
      '/broken/hang: no response for 2 s',
      '/broken/html: not a feed: got an HTML page ("Oops")',
      expect.stringMatching(/^\/broken\/lol: refused: the feed's DOCTYPE declares XML entities in an unsafe way/),
      expect.stringMatching(/^\/broken\/badgzip: could not decompress the gzip response: /),
      '/broken/empty: not a feed: the response is empty',
      '/broken/loop: redirect loop: /broken/loop was already visited',
      '/broken/json: not a feed: the response is JSON but not a JSON Feed (no jsonfeed.org version and items)',
      '/broken/bomb: decompressed response larger than 20 MB (stopped reading)',
    ]);
    expect(srv.peakConcurrency()).toBeLessThanOrEqual(16);
    // The hanging feed holds its own slot only: the other 15 kept reading feeds while it waited.
    expect(finished.indexOf('/broken/hang')).toBeGreaterThanOrEqual(15);
  });
});
