/** @jsxImportSource hono/jsx */
// The web interface: one Hono app, routes as small functions that call a page module, security
// headers on every response, and every error mapped to a page in one place — 400 with one line for
// a bad parameter, 404, 405 for anything but GET/HEAD, 500 (logged, never shown) for the rest.
// `serve` runs it under @hono/node-server; tests call app.request() without a port.
import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { RuleError } from '../alerts';
import { QueryError } from '../query';
import { asset } from './assets';
import { ErrorPage } from './components';
import { BadRequest, NotFound, type WebDeps } from './context';
import { alertsPage } from './pages/alerts';
import { articlePage } from './pages/article';
import { articlesPage } from './pages/articles';
import { feedsPage } from './pages/feeds';
import { homePage } from './pages/home';
import { mapPage } from './pages/map';
import { rulesPage } from './pages/rules';
import { storiesPage, storyPage } from './pages/stories';
import { trendsPage } from './pages/trends';
import { rssFeed } from './rss';

/** Builds the app on the given store and config. */
export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono();
  // The Content-Security-Policy of every response: only this server's own scripts, styles and
  // images; no inline script or style, no plugins, no framing, forms only back to this server.
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
      strictTransportSecurity: false,
    }),
  );
  app.use(async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      c.header('allow', 'GET, HEAD');
      return c.html(<ErrorPage title="Method not allowed" message={`${c.req.method} is not allowed: this interface only reads.`} where={deps.where} />, 405);
    }
    await next();
  });

  const url = (c: Context) => new URL(c.req.url);
  app.get('/', async (c) => c.html(await homePage(deps)));
  app.get('/articles', async (c) => c.html(await articlesPage(url(c), deps)));
  app.get('/articles/:id', async (c) => c.html(await articlePage(c.req.param('id'), deps)));
  app.get('/rules', async (c) => c.html(await rulesPage(url(c), deps)));
  app.get('/alerts', async (c) => c.html(await alertsPage(url(c), deps)));
  app.get('/stories', async (c) => c.html(await storiesPage(url(c), deps)));
  app.get('/stories/:id', async (c) => c.html(await storyPage(c.req.param('id'), deps)));
  app.get('/trends', async (c) => c.html(await trendsPage(url(c), deps)));
  app.get('/map', async (c) => c.html(await mapPage(url(c), deps)));
  app.get('/feeds', async (c) => c.html(await feedsPage(deps)));
  app.get('/rss', async (c) => c.body(await rssFeed(url(c), deps), 200, { 'content-type': 'application/rss+xml; charset=utf-8' }));
  app.get('/assets/:name', (c) => {
    const a = asset(c.req.param('name'));
    if (!a) throw new NotFound(`no asset called "${c.req.param('name')}"`);
    if (c.req.header('if-none-match') === a.etag) return c.body(null, 304, { etag: a.etag });
    return c.body(new Uint8Array(a.body), 200, { 'content-type': a.type, etag: a.etag, 'cache-control': 'public, max-age=3600' });
  });

  app.notFound((c) => c.html(<ErrorPage title="Not found" message={`Nothing at ${cut(new URL(c.req.url).pathname, 120)}.`} where={deps.where} />, 404));
  app.onError((err, c) => {
    if (err instanceof QueryError || err instanceof BadRequest || err instanceof RuleError) return c.html(<ErrorPage title="Bad request" message={oneLine(err.message)} where={deps.where} />, 400);
    if (err instanceof NotFound) return c.html(<ErrorPage title="Not found" message={oneLine(err.message)} where={deps.where} />, 404);
    (deps.logError ?? defaultLog)(`${c.req.method} ${new URL(c.req.url).pathname} failed`, err);
    return c.html(<ErrorPage title="Internal error" message="Something went wrong on the server; the details are in its log." where={deps.where} />, 500);
  });
  return app;
}

// One line of at most 300 characters, control characters from the request shown as U+FFFD.
function oneLine(s: string): string {
  return cut(s.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '\ufffd').trim(), 300);
}

function cut(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function defaultLog(message: string, err: unknown): void {
  process.stderr.write(`news-monitor serve: ${message}: ${(err as Error)?.message ?? String(err)}\n`);
  if (process.env.NEWS_MONITOR_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
}
