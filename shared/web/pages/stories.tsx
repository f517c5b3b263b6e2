/** @jsxImportSource hono/jsx */
// /stories: the newest stories (shared/stories groups the articles of every feed that report the
// same event), with their article and source counts; /stories/<id>: one story with its sources by
// name and its articles.
import { queryStories, storyDetail, type StoryItem } from '../../query/stories';
import { ArticleList, Pager } from '../components';
import { ARTICLE_ID, BadRequest, NotFound, param, type WebDeps } from '../context';
import { href, plural, shortTime } from '../format';
import { Layout } from '../layout';
import { filterQuery, readFilters } from './articles';

/** GET /stories?actor=&region=&since=&until=&cursor= */
export async function storiesPage(url: URL, deps: WebDeps) {
  const f = readFilters(url);
  if (f.q) throw new BadRequest('stories are filtered by actor, region and time; for words, search the articles (/articles?q=…)', { field: 'q' });
  const page = await queryStories(deps.store, { actors: f.actor, regions: f.region, since: f.since, until: f.until, limit: param(url, 'limit') || 20, cursor: param(url, 'cursor') || undefined }, { resolver: deps.resolver, now: deps.now?.() });
  const q = { actor: f.actor, region: f.region, since: f.since, until: f.until, limit: param(url, 'limit') };
  return (
    <Layout title="Stories" section="/stories" where={deps.where}>
      <form class="filters" method="get" action="/stories" aria-label="Filter stories">
        <p>
          <label for="s-actor">Actor</label>
          <input id="s-actor" name="actor" value={f.actor.join(', ')} placeholder="NATO" />
        </p>
        <p>
          <label for="s-region">Region</label>
          <input id="s-region" name="region" value={f.region.join(', ')} placeholder="UA" />
        </p>
        <p>
          <label for="s-since">Since</label>
          <input id="s-since" name="since" value={f.since} placeholder="7d" />
        </p>
        <p>
          <label for="s-until">Until</label>
          <input id="s-until" name="until" value={f.until} placeholder="now" />
        </p>
        <p>
          <button type="submit">Filter</button> <a href={href('/articles', filterQuery(f))}>The same filters as articles</a>
        </p>
      </form>
      {page.items.length ? <StoryList stories={page.items} /> : <p class="empty">{page.cursor ? 'No stories on this page; older ones may follow.' : 'No stories match.'}</p>}
      <Pager next={page.cursor} path="/stories" query={q} count={page.items.length} noun="story" />
    </Layout>
  );
}

/** Stories, newest first: title (links to the story), article and source counts, first and last article. */
export function StoryList(p: { stories: StoryItem[]; heading?: 'h2' | 'h3' }) {
  const H = p.heading ?? 'h2';
  return (
    <ol class="stories">
      {p.stories.map((s) => (
        <li>
          <H>
            <a href={`/stories/${encodeURIComponent(s.id)}`}>{s.title || '(no title)'}</a>
          </H>
          <div class="meta sources">
            {plural(s.articles, 'article')} from {plural(s.sources, 'source')} · <time datetime={s.firstSeen}>{shortTime(s.firstSeen)}</time>
            {s.lastSeen !== s.firstSeen ? (
              <>
                {' '}
                to <time datetime={s.lastSeen}>{shortTime(s.lastSeen)}</time>
              </>
            ) : (
              ''
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** GET /stories/:id */
export async function storyPage(id: string, deps: WebDeps) {
  if (!ARTICLE_ID.test(id)) throw new BadRequest('not a story id: ids are letters, digits, - and _', { field: 'id' });
  const s = await storyDetail(deps.store, id);
  if (!s) throw new NotFound(`no story with id "${id}"`);
  const sources = [...new Set([...s.items].reverse().map((a) => a.feedName))];
  return (
    <Layout title={s.title || '(no title)'} section="/stories" where={deps.where}>
      <p class="meta">
        Story · {plural(s.articles, 'article')} · <time datetime={s.firstSeen}>{shortTime(s.firstSeen)}</time> to <time datetime={s.lastSeen}>{shortTime(s.lastSeen)}</time>
      </p>
      <h2>Sources</h2>
      <ul class="sources">
        {sources.map((name) => (
          <li>{name}</li>
        ))}
      </ul>
      <h2>Articles, newest first</h2>
      <ArticleList items={s.items} />
    </Layout>
  );
}
