// readFeed against real loopback servers: conditional GET, hostile servers, caps, redirects,
// Retry-After, charsets and the private-network guard. Never the internet.
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeed, type FeedReadResult, type ReadFeedOptions } from '../../../shared/feeds';
import { rssFeed, startServer, type TestServer } from './server';

const XML = { 'content-type': 'application/rss+xml' };
const feedBody = rssFeed('Wire', 3);
const feedBodies = { current: rssFeed('Plain', 2) };
let srv: TestServer;

beforeAll(async () => {
  srv = await startServer({
    '/etag': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { ...XML, etag: '"v1"' }).end(feedBody);
    },
    '/lastmod': (req, res) => {
      const lm = 'Thu, 17 Feb 2022 15:00:00 GMT';
      if (req.headers['if-modified-since'] === lm) return void res.writeHead(304).end();
      res.writeHead(200, { ...XML, 'last-modified': lm }).end(feedBody);
    },
    '/no-validators': (_req, res) => void res.writeHead(200, XML).end(feedBodies.current),
    '/dynamic-etag': (_req, res) => void res.writeHead(200, { ...XML, etag: `"${Math.random()}"` }).end(feedBody),
    '/429': (_req, res) => void res.writeHead(429, { 'retry-after': '900' }).end(),
    '/503': (_req, res) => void res.writeHead(503, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }).end(),
    '/500': (_req, res) => void res.writeHead(500).end('boom'),
    '/hang': () => {},
    '/reset-once': (req, res) => {
      if (srv.hits('/reset-once') === 1) return void req.socket.destroy(); // the connection dies before any answer
      res.writeHead(200, XML).end(feedBody);
    },
    '/reset': (req) => void req.socket.destroy(),
    '/reset-once-fetch': (req, res) => {
      if (srv.hits('/reset-once-fetch') === 1) return void req.socket.destroy();
      res.writeHead(200, XML).end(feedBody);
    },
    '/drip': (req, res) => {
      res.writeHead(200, XML);
      const t = setInterval(() => res.write('<'), 50);
      req.on('close', () => clearInterval(t));
    },
    '/gzipbomb': (_req, res) => {
      res.writeHead(200, { ...XML, 'content-encoding': 'gzip' });
      const gz = zlib.createGzip();
      gz.pipe(res);
      const chunk = Buffer.alloc(1 << 20, 32);
      let n = 0;
      const pump = (): void => {
        while (n < 256) {
          n++;
          if (!gz.write(chunk)) return void gz.once('drain', pump);
        }
        gz.end();
      };
      res.on('close', () => gz.destroy());
      pump();
    },
    '/huge': (_req, res) => {
      res.writeHead(200, XML);
      const chunk = Buffer.alloc(1 << 16, 32);
      let n = 0;
      const pump = (): void => {
        while (n < 2000) {
          n++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    },
    '/huge-declared': (_req, res) => void res.writeHead(200, { ...XML, 'content-length': String(50 * 1024 * 1024) }).end(),
    '/gzip': (_req, res) => void res.writeHead(200, { ...XML, 'content-encoding': 'gzip' }).end(zlib.gzipSync(feedBody)),
    '/br': (_req, res) => void res.writeHead(200, { ...XML, 'content-encoding': 'br' }).end(zlib.brotliCompressSync(feedBody)),
    '/loop': (_req, res) => void res.writeHead(302, { location: '/loop2' }).end(),
    '/loop2': (_req, res) => void res.writeHead(302, { location: '/loop' }).end(),
    ...Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`/hop${i}`, (_req: unknown, res: import('node:http').ServerResponse) => void res.writeHead(301, { location: i === 6 ? '/etag' : `/hop${i + 1}` }).end()])),
    '/html': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Not a feed</title></head><body></body></html>'),
    '/cp1251': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1251' }).end(iconv.encode(cyrillic('windows-1251'), 'windows-1251')),
    '/koi8r': (_req, res) => void res.writeHead(200, XML).end(iconv.encode(cyrillic('KOI8-R'), 'koi8-r')),
    '/utf16': (_req, res) => void res.writeHead(200, XML).end(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(cyrillic('UTF-16'), 'utf-16le')])),
    '/sjis': (_req, res) =>
      void res.writeHead(200, { 'content-type': 'text/xml; charset=Shift_JIS' }).end(iconv.encode('<rss version="2.0"><channel><item><title>東京で会合</title><link>https://jp.example/1</link></item></channel></rss>', 'shift_jis')),
  });
});
afterAll(() => srv.close());

function cyrillic(enc: string): string {
  return `<?xml version="1.0" encoding="${enc}"?><rss version="2.0"><channel><title>Новости</title><item><title>НАТО и Россия: переговоры в Женеве</title><link>https://ru.example/1</link><description>Донецк, Луганск и Чёрное море.</description></item></channel></rss>`;
}

const opts: ReadFeedOptions = { allowPrivateNetworks: true, timeoutMs: 500, deadlineMs: 1500 };
const read = (path: string, o: Partial<ReadFeedOptions> = {}, previous?: Parameters<typeof readFeed>[1]) =>
  readFeed({ url: srv.url(path), name: path }, previous, { ...opts, ...o });

function failedWith(r: FeedReadResult): string {
  if (r.status !== 'failed') throw new Error(`expected failed, got ${r.status}`);
  return r.error;
}

describe('readFeed over HTTP', () => {
  it('sends a conditional GET with the saved ETag and reports not-modified', async () => {
    const first = await read('/etag');
    expect(first.status).toBe('ok');
    expect(first.state.etag).toBe('"v1"');
    expect(srv.headers('/etag')?.['user-agent']).toMatch(/^news-monitor\/0\.1 \(\+https:\/\//);
    const second = await read('/etag', {}, first.state);
    expect(second.status).toBe('not-modified');
    expect(second.state).toMatchObject({ etag: '"v1"', consecutiveFailures: 0 });
  });
  it('uses Last-Modified when there is no ETag', async () => {
    const first = await read('/lastmod');
    const second = await read('/lastmod', {}, first.state);
    expect(srv.headers('/lastmod')?.['if-modified-since']).toBe('Thu, 17 Feb 2022 15:00:00 GMT');
    expect(second.status).toBe('not-modified');
  });
  it('treats the same bytes as not modified when the server ignores conditional GET', async () => {
    const first = await read('/no-validators');
    expect(first.status).toBe('ok');
    expect(first.state.contentHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await read('/no-validators', {}, first.state)).status).toBe('not-modified');
    feedBodies.current = rssFeed('Plain', 3);
    const changed = await read('/no-validators', {}, first.state);
    expect(changed.status === 'ok' && changed.articles).toHaveLength(3);
  });
  it('sees through an ETag that changes on every request', async () => {
    const first = await read('/dynamic-etag');
    expect((await read('/dynamic-etag', {}, first.state)).status).toBe('not-modified');
  });
  it('reads gzip and brotli bodies', async () => {
    for (const p of ['/gzip', '/br']) {
      const r = await read(p);
      expect(r.status === 'ok' && r.articles.length).toBe(3);
    }
    expect(srv.headers('/gzip')?.['accept-encoding']).toBe('gzip, deflate, br');
  });
  it('honours Retry-After on 429 and does not poll again before it', async () => {
    const now = new Date();
    const r = await read('/429', { now });
    expect(failedWith(r)).toBe('HTTP 429 Too Many Requests; the server asks to wait 900 s (Retry-After)');
    expect(r.state.nextAttemptAt).toBe(new Date(now.getTime() + 900_000).toISOString());
    const again = await read('/429', { now: new Date(now.getTime() + 600_000) }, r.state);
    expect(again.status).toBe('skipped');
    expect(srv.hits('/429')).toBe(1);
  });
  it('honours an HTTP-date Retry-After on 503', async () => {
    const now = new Date();
    const r = await read('/503', { now });
    expect(failedWith(r)).toMatch(/^HTTP 503 Service Unavailable; the server asks to wait \d+ s/);
    expect(Date.parse(r.state.nextAttemptAt!) - now.getTime()).toBeGreaterThan(3_000_000);
  });
  it('reports a server error and backs off', async () => {
    const r = await read('/500');
    expect(failedWith(r)).toBe('HTTP 500 Internal Server Error');
    expect(r.state.consecutiveFailures).toBe(1);
  });
  it('sends the request once more when the connection is reset before any answer', async () => {
    const r = await read('/reset-once');
    expect(r.status).toBe('ok');
    expect(srv.hits('/reset-once')).toBe(2);
  });

  it('reports a server that keeps resetting the connection, after one more try', async () => {
    expect(failedWith(await read('/reset'))).toBe('connection reset by the server');
    expect(srv.hits('/reset')).toBe(2);
  });

  it('gives up on a server that never answers after the idle timeout', async () => {
    const t = performance.now();
    expect(failedWith(await read('/hang'))).toBe('no response for 0.5 s');
    expect(performance.now() - t).toBeLessThan(1400);
  });
  it('cuts a server that drips bytes at the overall deadline', async () => {
    const t = performance.now();
    expect(failedWith(await read('/drip'))).toBe('gave up after 1.5 s (the deadline for one feed)');
    expect(performance.now() - t).toBeLessThan(2500);
  });
  it('stops a gzip bomb at the decompressed cap', async () => {
    expect(failedWith(await read('/gzipbomb', { maxDecodedBytes: 4 * 1024 * 1024, deadlineMs: 10_000 }))).toBe('decompressed response larger than 4 MB (stopped reading)');
  });
  it('stops reading a huge body at the cap, and refuses a declared one before reading', async () => {
    expect(failedWith(await read('/huge', { maxBytes: 1024 * 1024, deadlineMs: 10_000 }))).toBe('response larger than 1 MB (stopped reading)');
    expect(failedWith(await read('/huge-declared'))).toBe('response of 50 MB is larger than the 5 MB cap');
  });
  it('detects a redirect loop', async () => {
    expect(failedWith(await read('/loop'))).toBe('redirect loop: /loop was already visited');
  });
  it('follows up to five redirects and refuses a sixth', async () => {
    const ok = await read('/hop2');
    expect(ok.status === 'ok' && ok.articles.length).toBe(3);
    expect(ok.status === 'ok' && ok.warnings[0]).toBe(`the feed has moved permanently to ${srv.url('/etag')}: update the config`);
    expect(failedWith(await read('/hop0'))).toBe('more than 5 redirects');
  });
  it('says an HTML page is not a feed', async () => {
    expect(failedWith(await read('/html'))).toBe('not a feed: got an HTML page ("Not a feed")');
  });
  it.each([
    ['/cp1251', 'windows-1251 named in Content-Type'],
    ['/koi8r', 'KOI8-R named in the XML declaration'],
    ['/utf16', 'UTF-16 with a byte-order mark'],
  ])('decodes Cyrillic: %s (%s)', async (path) => {
    const r = await read(path);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.articles[0]).toMatchObject({ title: 'НАТО и Россия: переговоры в Женеве', summary: 'Донецк, Луганск и Чёрное море.' });
  });
  it('decodes Shift_JIS', async () => {
    const r = await read('/sjis');
    expect(r.status === 'ok' && r.articles[0]!.title).toBe('東京で会合');
  });
  it('refuses loopback addresses unless private networks are allowed', async () => {
    const r = await read('/etag', { allowPrivateNetworks: false });
    expect(failedWith(r)).toBe('refused: 127.0.0.1 is a loopback address; set "allowPrivateNetworks": true in the config to allow it');
    const byName = await readFeed({ url: srv.url('/etag').replace('127.0.0.1', 'localhost'), name: 'n' }, undefined, { ...opts, allowPrivateNetworks: false });
    expect(failedWith(byName)).toMatch(/^refused: localhost \((127\.0\.0\.1|::1)\) is a loopback address/);
  });
  it('checks every redirect hop against the private-network rule', async () => {
    // A public address (never contacted: the injected fetch answers) redirecting to the metadata service.
    const fetchImpl = (async () => new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } })) as typeof fetch;
    const r = await readFeed({ url: 'http://93.184.216.34/feed', name: 'p' }, undefined, { allowPrivateNetworks: false, fetchImpl });
    expect(failedWith(r)).toBe('refused: 169.254.169.254 is a link-local address; set "allowPrivateNetworks": true in the config to allow it');
  });
  it('works through an injected fetch (Node fetch over loopback)', async () => {
    const r = await read('/gzip', { fetchImpl: fetch });
    expect(r.status === 'ok' && r.articles.map((a) => a.url)).toEqual(['https://news.example/Wire/1', 'https://news.example/Wire/2', 'https://news.example/Wire/3']);
    expect(failedWith(await read('/hang', { fetchImpl: fetch }))).toBe('no response for 0.5 s');
    expect((await read('/reset-once-fetch', { fetchImpl: fetch })).status).toBe('ok'); // a reset retried through fetch too
    expect(srv.hits('/reset-once-fetch')).toBe(2);
  });
  it('reports a refused connection in words', async () => {
    const closed = await startServer({});
    const url = closed.url('/x');
    await closed.close();
    expect(failedWith(await readFeed({ url, name: 'c' }, undefined, opts))).toBe('connection refused');
  });
});
