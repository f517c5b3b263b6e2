/** @jsxImportSource hono/jsx */
// /: the newest stories and articles and the latest alerts, with a search box that leads to /articles.
import { queryAlerts, queryArticles } from '../../query';
import { queryStories } from '../../query/stories';
import { ArticleList } from '../components';
import type { WebDeps } from '../context';
import { Layout } from '../layout';
import { AlertList } from './alerts';
import { StoryList } from './stories';

/** GET / */
export async function homePage(deps: WebDeps) {
  const now = deps.now?.();
  const [articles, alerts, stories] = await Promise.all([
    queryArticles(deps.store, { limit: 20 }, { resolver: deps.resolver, now }),
    queryAlerts(deps.store, { limit: 5 }, { now }),
    queryStories(deps.store, { limit: 5 }, { resolver: deps.resolver, now }),
  ]);
  return (
    <Layout title="Overview" section="/" where={deps.where}>
      <form class="filters inline" method="get" action="/articles" role="search" aria-label="Search articles">
        <label for="home-q">Search stored articles</label> <input id="home-q" name="q" type="search" placeholder="ceasefire drone*" /> <button type="submit">Search</button>
      </form>
      <div class="columns">
        <section aria-labelledby="newest-h">
          <h2 id="newest-h">Newest articles</h2>
          <ArticleList items={articles.items} empty="No articles stored yet: run `news-monitor run` first." />
          {articles.cursor ? <p><a href="/articles">All articles →</a></p> : ''}
        </section>
        <aside aria-label="Stories and alerts">
          <h2 id="stories-h">Newest stories</h2>
          {stories.items.length ? <StoryList stories={stories.items} heading="h3" /> : <p class="empty">No stories yet.</p>}
          <p>
            <a href="/stories">All stories →</a>
          </p>
          <h2 id="alerts-h">Latest alerts</h2>
          <AlertList items={alerts.items} />
          <p>
            <a href="/alerts">All alerts →</a>
          </p>
        </aside>
      </div>
    </Layout>
  );
}
