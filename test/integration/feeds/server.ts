// A loopback HTTP server for feed tests: routes by path, counts hits, records request headers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface TestServer {
  url(path: string): string;
  hits(path: string): number;
  headers(path: string): http.IncomingHttpHeaders | undefined;
  /** Most requests in flight at once. */
  peakConcurrency(): number;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1, port 0. Unknown paths answer 404. */
export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const hits = new Map<string, number>();
  const headers = new Map<string, http.IncomingHttpHeaders>();
  let inFlight = 0;
  let peak = 0;
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    headers.set(path, req.headers);
    inFlight++;
    peak = Math.max(peak, inFlight);
    let done = false;
    const finish = () => {
      if (!done) inFlight--;
      done = true;
    };
    res.on('close', finish);
    res.on('error', () => {});
    const route = routes[path];
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p) => `http://127.0.0.1:${port}${p}`,
    hits: (p) => hits.get(p) ?? 0,
    headers: (p) => headers.get(p),
    peakConcurrency: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An RSS 2.0 document with `n` items under `base`. */
export function rssFeed(title: string, n: number, base = 'https://news.example', opts: { encoding?: string } = {}): string {
  const items = Array.from(
    { length: n },
    (_, i) =>
      `<item><title>${title} story ${i + 1}</title><link>${base}/${encodeURIComponent(title)}/${i + 1}?utm_source=rss</link>` +
      `<guid isPermaLink="false">${title}-${i + 1}</guid><pubDate>Thu, 17 Feb 2022 14:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate>` +
      `<description>&lt;p&gt;Body of ${title} ${i + 1}&lt;/p&gt;</description></item>`,
  ).join('');
  return `<?xml version="1.0" encoding="${opts.encoding ?? 'UTF-8'}"?><rss version="2.0"><channel><title>${title}</title><link>${base}/</link>${items}</channel></rss>`;
}
