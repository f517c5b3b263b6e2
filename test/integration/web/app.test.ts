// The web app on a real dynalite, through app.request() (no port): what each page shows, the
// security headers on every response, hostile feed text kept as text, bad input answered with a
// one-line 400 page, and the RSS of a rule query read back with rss-parser.
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import type { Config, TaggedArticle } from '../../../shared/model';
import { compileQuery, type TagLookup } from '../../../shared/alerts';
import { testRule } from '../../../shared/query/rule-test';
import { ArticleStore } from '../../../shared/store';
import { trendStoreOf } from '../../../shared/store/counters';
import { createWebApp } from '../../../shared/web/app';
import { expectedIds, makeArticles, resolver } from '../store/articles';

const NOW = new Date(Date.UTC(2026, 10, 28, 0, 0));
const lookup: TagLookup = resolver;
const HOSTILE_TITLE = '<img src=x onerror=alert(1)> Kremlin warns NATO <script>alert(2)</script>';

const config: Config = {
  feeds: [{ url: 'https://news.example/feed0.xml', name: 'Feed 0' }, { url: 'https://never.example/rss', name: 'Never read' }],
  rules: [{ id: 'nato-black-sea', name: 'NATO in the Black Sea', query: 'actor:nato AND region:"Black Sea"', severity: 'warning' }],
  subscriptions: [],
  allowPrivateNetworks: false,
  retentionDays: 365,
  intervalMinutes: 15,
  digestSchedule: 'cron(0 7 * * ? *)',
  pauseFailingFeedAfterHours: 72,
};

function hostile(): TaggedArticle {
  const summary = 'The Kremlin warned NATO over drills. <svg onload=alert(3)></svg>';
  const at = NOW.toISOString();
  const t = (id: string, name: string, kind: 'organization' | 'institution', text: string) => ({ id, name, kind, score: 2, salient: true, mentions: [{ text, start: summary.indexOf(text), end: summary.indexOf(text) + text.length }, { text, start: HOSTILE_TITLE.indexOf(text), end: HOSTILE_TITLE.indexOf(text) + text.length, field: 'title' as const }] });
  return { id: 'hostile1', url: 'javascript:alert(4)', title: HOSTILE_TITLE, summary, publishedAt: at, fetchedAt: at, feedName: '<b>Evil</b> feed', feedUrl: 'https://evil.example/rss', storyKey: 'hostile', actors: [t('nato', 'NATO', 'organization', 'NATO'), t('kremlin', 'Kremlin', 'institution', 'Kremlin')], regions: [] };
}

describe('web app on a real dynalite', () => {
  let dynamo: LocalDynamo;
  let app: ReturnType<typeof createWebApp>;
  let store: ArticleStore;
  const generated = makeArticles(60);
  const first = generated[0]!;
  // Two other feeds' copies of the first article's story, and another story on the same day.
  const articles = [
    ...generated,
    { ...first, id: 'copy1', url: 'https://other.example/copy1', feedName: 'Other wire', title: 'Same story, other words', publishedAt: '2026-11-27T14:00:00.000Z' },
    { ...first, id: 'copy2', url: 'https://third.example/copy2', feedName: 'Third wire', publishedAt: '2026-11-26T14:00:00.000Z' },
    { ...first, id: 'other1', url: 'https://other.example/other1', storyKey: 'a different story', publishedAt: '2026-11-27T13:00:00.000Z' },
    // A city with coordinates (DESIGN.md §5), for the map's points.
    {
      ...generated[3]!, id: 'located1', url: 'https://news.example/located1', storyKey: 'kyiv story', publishedAt: '2026-11-27T20:00:00.000Z',
      regions: [{ id: 'kyiv', name: 'Kyiv', kind: 'city' as const, country: 'UA', lat: 50.45, lon: 30.52, score: 3, salient: true, mentions: [] }],
    },
  ];
  const errors: unknown[] = [];
  const get = (path: string, init?: RequestInit) => app.request(`http://127.0.0.1${path}`, init);
  const html = async (path: string) => {
    const res = await get(path);
    return { res, body: await res.text() };
  };

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'web-test', now: () => NOW });
    await store.ensureTable();
    await store.putArticles([...articles, hostile()]);
    await store.putFeedState({ url: 'https://news.example/feed0.xml', name: 'Feed 0', consecutiveFailures: 2, lastError: 'HTTP 503 <i>x</i>', lastAttemptAt: NOW.toISOString() });
    // Counters as the trend pass writes them, for the chart of nato (the articles do not say these figures).
    const trends = trendStoreOf(store);
    await trends.addCounts([{ scope: 'a:nato', hour: '2026-11-27T09', stories: 4, articles: 6 }, { scope: 'a:nato', hour: '2026-11-27T15', stories: 3, articles: 3 }, { scope: 'a:nato', hour: '2026-11-26T01', stories: 2, articles: 5 }], NOW);
    app = createWebApp({ store, trends, config, resolver, now: () => NOW, where: 'test table', logError: (_m, e) => errors.push(e) });
  });

  afterAll(async () => {
    await dynamo?.close();
  });

  it('lists the newest articles on / with links to their pages', async () => {
    const { res, body } = await html('/');
    expect(res.status).toBe(200);
    expect(body.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(body).toContain('href="/articles/hostile1"');
    expect(body).toContain(`href="/articles/${articles[0]!.id}"`);
  });

  it('filters the list by actor and region: exactly the stored articles that carry both', async () => {
    const { body } = await html('/articles?actor=NATO&region=Black%20Sea&limit=100');
    const listed = [...body.matchAll(/class="title" href="\/articles\/([^"]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual(expectedIds(articles, { actors: ['nato'], regions: ['black-sea'] }));
    expect(listed.length).toBeGreaterThan(5);
    const donetsk = await html('/articles?region=donetsk');
    expect(donetsk.body).not.toContain('NATO ships patrol');
    expect(donetsk.body).toContain('Shelling in Donetsk');
  });

  it('shows tag facets with the counts of the listed articles, each a link that adds the filter', async () => {
    const { body } = await html('/articles?region=Black%20Sea&limit=40');
    const listed = expectedIds(articles, { regions: ['black-sea'] }).slice(0, 40);
    const withNato = articles.filter((a) => listed.includes(a.id) && a.actors.some((t) => t.id === 'nato')).length;
    const facet = /<a href="([^"]+)"[^>]*>NATO<\/a> <span class="count">(\d+)<\/span>/.exec(body)!;
    expect(Number(facet[2])).toBe(withNato);
    expect(new URLSearchParams(facet[1]!.replaceAll('&amp;', '&').split('?')[1]).getAll('actor')).toEqual(['nato']);
    expect(new URLSearchParams(facet[1]!.replaceAll('&amp;', '&').split('?')[1]).getAll('region')).toEqual(['Black Sea']);
  });

  it('pages by cursor: the next page continues where the first stopped', async () => {
    const first = await html('/articles?actor=RU&limit=5');
    const next = /rel="next" href="([^"]+)"/.exec(first.body)![1]!.replaceAll('&amp;', '&');
    const second = await html(next);
    const ids = (b: string) => [...b.matchAll(/class="title" href="\/articles\/([^"]+)"/g)].map((m) => m[1]);
    expect([...ids(first.body), ...ids(second.body)]).toEqual(expectedIds([...articles, hostile()], { actors: ['RU'] }).slice(0, 10));
  });

  it('marks every mention of the article at its offsets', async () => {
    const { body } = await html('/articles/hostile1');
    expect(body).toContain('<mark data-tag="nato" title="NATO">NATO</mark>');
    expect(body).toContain('The <mark data-tag="kremlin" title="Kremlin">Kremlin</mark> warned <mark data-tag="nato" title="NATO">NATO</mark> over drills.');
  });

  it('lists the other articles of the story on the article page, and no other story', async () => {
    const { body } = await html(`/articles/${articles[0]!.id}`);
    const section = body.slice(body.indexOf('id="story-h"'));
    const listed = [...section.matchAll(/class="title" href="\/articles\/([^"]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual(['copy1', 'copy2']);
  });

  it('keeps hostile feed text as text on every page it appears on', async () => {
    for (const path of ['/', '/articles?actor=NATO', '/articles/hostile1', '/rules?test=actor:NATO']) {
      const { body } = await html(path);
      expect(body, path).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(body, path).not.toMatch(/<(img|svg|iframe)\b|<script(?![^>]*\ssrc="\/assets\/)|<[^>]*\son[a-z]+\s*=/i);
      expect(body, path).not.toContain('href="javascript:');
    }
    expect((await html('/articles/hostile1')).body).toContain('&lt;b&gt;Evil&lt;/b&gt; feed');
  });

  it('sends the security headers on pages, errors and assets alike', async () => {
    for (const path of ['/', '/articles?since=nonsense', '/no/such/page', '/assets/app.css', '/rss?q=actor:NATO']) {
      const res = await get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('answers a bad parameter with a 400 page of one line, never a trace', async () => {
    for (const [path, words] of [
      ['/articles?since=nonsense', /invalid since "nonsense"/],
      ['/articles?actor=Narnia', /unknown actor "Narnia"/],
      ['/articles?limit=5000', /limit must be a whole number/],
      ['/articles?cursor=garbage', /cursor/],
      ['/articles?salient=maybe', /salient must be true or false/],
      ['/rules?test=actor:NATO%20AND%20(', /test: column \d+/],
      ['/rss', /q is required/],
      ['/articles/..%2F..%2Fetc', /not an article id/],
      [`/articles?q=${'x'.repeat(600)}`, /q is too long/],
      ['/articles?q=%00%01', /^text "\ufffd\ufffd" has no words to search for$/],
    ] as const) {
      const { res, body } = await html(path);
      expect(res.status, path).toBe(400);
      const message = /<p class="error" role="alert">([^<]*)<\/p>/.exec(body)?.[1]?.replaceAll('&quot;', '"') ?? '';
      expect(message, path).toMatch(words);
      expect(body, path).not.toMatch(/\bat .+:\d+:\d+/);
    }
    expect(errors).toEqual([]);
  });

  it('answers 404 for an unknown article or path and 405 for anything but GET', async () => {
    expect((await get('/articles/nosuch')).status).toBe(404);
    expect((await get('/etc/passwd')).status).toBe(404);
    const post = await get('/articles', { method: 'POST', body: 'x=1' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('serves only its own assets: no listing, no other file', async () => {
    const css = await get('/assets/app.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('mark');
    expect((await get('/assets/app.css', { headers: { 'if-none-match': css.headers.get('etag')! } })).status).toBe(304);
    for (const path of ['/assets/', '/assets', '/assets/..%2Fapp.tsx', '/assets/%2e%2e/%2e%2e/package.json', '/assets/app.tsx', '/static/app.css', '/shared/web/static/app.css']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('tests a rule on stored articles with the reasons of each match', async () => {
    const { body } = await html('/rules?test=nato-black-sea');
    const n = expectedIds(articles, { actors: ['nato'], regions: ['black-sea'] }).length;
    expect(body).toContain(`${n} matches, ${n - 2} alerts (one per story)`);
    expect(body).toContain('Why: tags NATO (nato), Black Sea (black-sea)');
    expect(body).toContain('<code>actor:nato AND region:&quot;Black Sea&quot;</code>');
  });

  it('goes on testing a rule where the last walk stopped, with no article twice', async () => {
    const rule = compileQuery({ id: 'q', query: 'actor:RU' }, lookup);
    const first = await testRule(rule, store, { maxArticles: 10 });
    expect(first.capped).toBe(true);
    const rest = await testRule(rule, store, { maxArticles: 1000, start: first.next! });
    expect(rest.next).toBeNull();
    expect([...first.matches, ...rest.matches].map((m) => m.article.id)).toEqual(expectedIds([...articles, hostile()], { actors: ['RU'] }));
  });

  it('charts a tag from the trend counters, and all articles from the stored ones', async () => {
    const { body } = await html('/trends?actor=NATO&since=2026-11-25&until=2026-11-27');
    const cell = (day: string) => new RegExp(`<th scope="row">${day}</th><td><a [^>]*>(\\d+)</a> \\((\\d+)\\)</td>`).exec(body)?.slice(1).map(Number);
    expect(cell('2026-11-25')).toEqual([0, 0]);
    expect(cell('2026-11-26')).toEqual([2, 5]);
    expect(cell('2026-11-27')).toEqual([7, 9]);
    expect(body).toContain('from the trend counters');
    const chart = JSON.parse(/data-chart="([^"]+)"/.exec(body)![1]!.replaceAll('&quot;', '"'));
    expect(chart.series).toEqual([{ label: 'actor NATO', values: [0, 2, 7] }]);
    const all = await html('/trends?since=2026-11-27&until=2026-11-27');
    const stored = [...articles, hostile()].filter((a) => a.publishedAt.startsWith('2026-11-27'));
    expect(all.body).toContain(`<th scope="row">2026-11-27</th><td><a href="/articles?since=2026-11-27&amp;until=2026-11-27">${new Set(stored.map((a) => a.storyKey)).size}</a> (${stored.length})</td>`);
  });

  it('draws the map: countries shaded by stories, places with coordinates as points', async () => {
    const { body } = await html('/map?since=2026-11-26');
    const ua = /<path class="country s\d" d="[^"]+" data-code="UA" data-stories="(\d+)">/.exec(body);
    const want = new Set([...articles].filter((a) => a.publishedAt >= '2026-11-26' && a.regions.some((t) => t.id === 'UA' || t.country === 'UA')).map((a) => a.storyKey)).size;
    expect(Number(ua?.[1])).toBe(want);
    const kyiv = /<circle class="place" cx="([\d.]+)" cy="([\d.]+)" r="[\d.]+" data-place="kyiv"><title>Kyiv: 1 story<\/title><\/circle>/.exec(body)!;
    // East of the middle of the 960-wide map, in the northern quarter (the map spans about 83°N to 90°S).
    expect(Number(kyiv[1])).toBeGreaterThan(530);
    expect(Number(kyiv[1])).toBeLessThan(570);
    expect(Number(kyiv[2])).toBeGreaterThan(40);
    expect(Number(kyiv[2])).toBeLessThan(90);
    expect(body).not.toMatch(/data-code="BR" data-stories/);
  });

  it('shows the health of each feed, a failing one with its error', async () => {
    const { body } = await html('/feeds');
    expect(body).toMatch(/Feed 0.*failing.*HTTP 503 &lt;i&gt;x&lt;\/i&gt;/s);
    expect(body).toMatch(/Never read.*not read yet/s);
  });

  it('serves the newest 50 matches of a rule query as RSS 2.0 that rss-parser reads', async () => {
    const res = await get('/rss?q=' + encodeURIComponent('actor:NATO'));
    expect(res.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const feed = await new Parser().parseString(await res.text());
    const want = expectedIds([...articles, hostile()], { actors: ['nato'] });
    expect(feed.items.map((i) => i.guid)).toEqual(want.slice(0, 50));
    expect(feed.items[0]!.title).toBe(HOSTILE_TITLE);
    expect(feed.items[0]!.link).toBe('http://127.0.0.1/articles/hostile1');
  });
});
