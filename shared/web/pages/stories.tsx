/** @jsxImportSource hono/jsx */
// /stories: the newest stories of the chosen filters, each with its sources and its articles.
import { groupStories, type StoryGroup } from '../../query/story-groups';
import { sampleArticles } from '../../query/sample';
import type { WebDeps } from '../context';
import { href, plural, shortTime } from '../format';
import { Layout } from '../layout';
import { filterQuery, readFilters } from './articles';

/** Newest matching articles the stories are grouped from. */
export const STORIES_SAMPLE = 200;

/** GET /stories?actor=&region=&q=&since=&until= */
export async function storiesPage(url: URL, deps: WebDeps) {
  const f = readFilters(url);
  const sample = await sampleArticles(deps.store, { actors: f.actor, regions: f.region, salient: f.salient, text: f.q, since: f.since, until: f.until }, STORIES_SAMPLE, { resolver: deps.resolver, now: deps.now?.() });
  const stories = groupStories(sample.items);
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
          <label for="s-q">Words</label>
          <input id="s-q" name="q" type="search" value={f.q} />
        </p>
        <p>
          <label for="s-since">Since</label>
          <input id="s-since" name="since" value={f.since} placeholder="7d" />
        </p>
        <p>
          <button type="submit">Filter</button>
        </p>
      </form>
      <p class="hint">
        {plural(stories.length, 'story', 'stories')} in the newest {plural(sample.items.length, 'article')}
        {sample.capped ? ` (at most ${STORIES_SAMPLE}; older ones are left out)` : ''}. <a href={href('/articles', filterQuery(f))}>The same filters as a list of articles</a>
      </p>
      {stories.length ? <StoryList stories={stories} /> : <p class="empty">No stories match.</p>}
    </Layout>
  );
}

/** Stories with their sources, times and articles. */
export function StoryList(p: { stories: StoryGroup[] }) {
  return (
    <ol class="stories">
      {p.stories.map((s) => (
        <li>
          <h2>{s.title || '(no title)'}</h2>
          <div class="meta sources">
            {plural(s.articles.length, 'article')} from {plural(s.sources.length, 'source')}: {s.sources.join(', ')} · <time datetime={s.firstSeen}>{shortTime(s.firstSeen)}</time>
            {s.lastSeen !== s.firstSeen ? (
              <>
                {' '}
                to <time datetime={s.lastSeen}>{shortTime(s.lastSeen)}</time>
              </>
            ) : (
              ''
            )}
          </div>
          <ul>
            {s.articles.map((a) => (
              <li>
                <a href={`/articles/${encodeURIComponent(a.id)}`}>{a.title || '(no title)'}</a> <span class="meta">{a.feedName}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
