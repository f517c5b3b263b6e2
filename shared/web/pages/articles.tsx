/** @jsxImportSource hono/jsx */
// /articles: the filtered list, newest first, with tag facets and cursor paging. Filters live in the
// query string (actor, region, salient, q, since, until), so every view is a URL to share.
import { queryArticles, type ArticlePage } from '../../query';
import { tagFacets, type Facet } from '../../query/facets';
import { parseFlag } from '../../query/params';
import { ArticleList, Pager } from '../components';
import { params, param, type WebDeps } from '../context';
import { href, plural } from '../format';
import { Layout } from '../layout';

/** The filters of the articles page as read from the URL. */
export interface ArticleFilters {
  actor: string[];
  region: string[];
  salient: boolean;
  q: string;
  since: string;
  until: string;
}

/** Reads the filters; actor and region may repeat or list names with commas ("NATO, RU"). */
export function readFilters(url: URL): ArticleFilters {
  const names = (n: string) => params(url, n).flatMap((v) => v.split(',').map((s) => s.trim()).filter(Boolean));
  return { actor: names('actor'), region: names('region'), salient: parseFlag(param(url, 'salient'), 'salient'), q: param(url, 'q'), since: param(url, 'since'), until: param(url, 'until') };
}

/** The filters as query-string pairs (for links that keep them). */
export function filterQuery(f: ArticleFilters): Record<string, string | string[]> {
  return { actor: f.actor, region: f.region, salient: f.salient ? 'true' : '', q: f.q, since: f.since, until: f.until };
}

/** GET /articles */
export async function articlesPage(url: URL, deps: WebDeps) {
  const f = readFilters(url);
  const page = await queryArticles(
    deps.store,
    { actors: f.actor, regions: f.region, salient: f.salient, text: f.q, since: f.since, until: f.until, limit: param(url, 'limit') || 20, cursor: param(url, 'cursor') || undefined },
    { resolver: deps.resolver, now: deps.now?.() },
  );
  return <ArticlesView filters={f} limit={param(url, 'limit')} page={page} facets={tagFacets(page.items)} where={deps.where} />;
}

function ArticlesView(p: { filters: ArticleFilters; limit: string; page: ArticlePage; facets: { actors: Facet[]; regions: Facet[] }; where?: string }) {
  const f = p.filters;
  const active = f.actor.length || f.region.length || f.q || f.since || f.until || f.salient;
  return (
    <Layout title="Articles" section="/articles" where={p.where}>
      <form class="filters" method="get" action="/articles" role="search" aria-label="Filter articles">
        <p>
          <label for="f-actor">Actor</label>
          <input id="f-actor" name="actor" value={f.actor.join(', ')} placeholder="NATO, RU" />
        </p>
        <p>
          <label for="f-region">Region</label>
          <input id="f-region" name="region" value={f.region.join(', ')} placeholder="Black Sea, UA" />
        </p>
        <p>
          <label for="f-q">Words</label>
          <input id="f-q" name="q" type="search" value={f.q} placeholder={'"ceasefire talks" drone*'} />
        </p>
        <p>
          <label for="f-since">Since</label>
          <input id="f-since" name="since" value={f.since} placeholder="7d or 2026-11-27" />
        </p>
        <p>
          <label for="f-until">Until</label>
          <input id="f-until" name="until" value={f.until} placeholder="2026-11-30" />
        </p>
        <p class="check">
          <input id="f-salient" name="salient" type="checkbox" value="true" checked={f.salient} />
          <label for="f-salient">Only articles about these tags</label>
        </p>
        <p>
          <button type="submit">Filter</button> {active ? <a href="/articles">Clear filters</a> : ''}
        </p>
      </form>
      <div class="columns">
        <section aria-labelledby="list-h">
          <h2 id="list-h">{active ? 'Matching articles, newest first' : 'Newest articles'}</h2>
          <ArticleList items={p.page.items} empty={p.page.cursor ? 'No matches on this page; older ones may follow.' : 'No articles match these filters.'} />
           <Pager next={p.page.cursor} path="/articles" query={{ ...filterQuery(f), limit: p.limit }} count={p.page.items.length} />
        </section>
        <aside aria-labelledby="facets-h">
          <h2 id="facets-h">Tags on this page</h2>
          <FacetList title="Actors" facets={p.facets.actors} filters={f} total={p.page.items.length} />
          <FacetList title="Regions" facets={p.facets.regions} filters={f} total={p.page.items.length} />
        </aside>
      </div>
    </Layout>
  );
}

function FacetList(p: { title: string; facets: Facet[]; filters: ArticleFilters; total: number }) {
  if (!p.facets.length) return '';
  return (
    <>
      <h3>{p.title}</h3>
      <ul class="facets">
        {p.facets.map((x) => {
          const chosen = (x.side === 'actor' ? p.filters.actor : p.filters.region).some((n) => n.toLowerCase() === x.id.toLowerCase());
          const current = x.side === 'actor' ? p.filters.actor : p.filters.region;
          const q = { ...filterQuery(p.filters), [x.side]: chosen ? current.filter((n) => n.toLowerCase() !== x.id.toLowerCase()) : [...current, x.id] };
          return (
            <li>
              <a href={href('/articles', q)} class={chosen ? 'chosen' : undefined} title={`${plural(x.count, 'article')} of ${p.total} carry ${x.name}`}>
                {x.name}
              </a>{' '}
              <span class="count">{x.count}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
