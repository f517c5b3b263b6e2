/** @jsxImportSource hono/jsx */
// /articles/<id>: the article with every mention marked at its offsets (<mark data-tag="<id>">),
// and beside it every tag with its score, salience and, for a rolled-up tag, what it came from.
import type { Tag, TaggedArticle } from '../../model';
import { sameStory } from '../../query/same-story';
import { ArticleList, Original } from '../components';
import { ARTICLE_ID, BadRequest, NotFound, type WebDeps } from '../context';
import { href, shortTime } from '../format';
import { Layout } from '../layout';
import { markSegments, type Segment } from '../marks';

/** GET /articles/:id */
export async function articlePage(id: string, deps: WebDeps) {
  if (!ARTICLE_ID.test(id)) throw new BadRequest('not an article id: ids are letters, digits, - and _', { field: 'id' });
  const article = await deps.store.getArticle(id);
  if (!article) throw new NotFound(`no article with id "${id}"`);
  return <ArticleView a={article} story={await sameStory(deps.store, article)} where={deps.where} />;
}

function Marked(p: { segments: Segment[] }) {
  return (
    <>
      {p.segments.map((s) =>
        typeof s === 'string' ? (
          s
        ) : (
          <mark data-tag={s.tag} title={s.name}>
            <Marked segments={s.children} />
          </mark>
        ),
      )}
    </>
  );
}

function ArticleView(p: { a: TaggedArticle; story: TaggedArticle[]; where?: string }) {
  const a = p.a;
  const all = [...(a.actors ?? []), ...(a.regions ?? [])];
  const names = new Map(all.map((t) => [t.id, t.name]));
  return (
    <Layout title={a.title || '(no title)'} section="/articles" where={p.where}>
      <p class="meta">
        <time datetime={a.publishedAt}>{shortTime(a.publishedAt)}</time>
        {a.dateMissing ? ' (the feed gave no date: fetch time)' : ''} · {a.feedName} · <Original url={a.url} />
      </p>
      <div class="columns">
        <article aria-labelledby="text-h">
          <h2 id="text-h">Text with its mentions marked</h2>
          <p class="marked-title">
            <Marked segments={markSegments(a.title, all, 'title')} />
          </p>
          <p class="marked-text">
            <Marked segments={markSegments(a.summary, all, 'text')} />
          </p>
          <section aria-labelledby="story-h">
            <h2 id="story-h">Other articles of this story</h2>
            <ArticleList items={p.story} empty="No other stored article reports this story." />
          </section>
        </article>
        <aside aria-labelledby="tags-h">
          <h2 id="tags-h">Tags</h2>
          <TagTable title="Actors" tags={a.actors ?? []} side="actor" names={names} />
          <TagTable title="Regions" tags={a.regions ?? []} side="region" names={names} />
        </aside>
      </div>
    </Layout>
  );
}

function TagTable(p: { title: string; tags: Tag[]; side: 'actor' | 'region'; names: Map<string, string> }) {
  return (
    <>
      <h3>{p.title}</h3>
      {p.tags.length ? (
        <table class="tags">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Score</th>
              <th scope="col">Salience</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {p.tags.map((t) => (
              <tr>
                <th scope="row">
                  <a href={href('/articles', { [p.side]: t.id })}>{t.name}</a> <span class="kind">{t.kind}</span>
                </th>
                <td>{t.score.toFixed(2)}</td>
                <td>{t.salient ? 'about' : 'passing'}</td>
                <td>{evidence(t, p.names)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">none</p>
      )}
    </>
  );
}

function evidence(t: Tag, names: Map<string, string>): string {
  const n = t.mentions?.length ?? 0;
  const own = n ? `${n} mention${n === 1 ? '' : 's'}` : '';
  const via = t.via?.length ? `rolled up from ${t.via.map((id) => names.get(id) ?? id).join(', ')}` : '';
  return [own, via].filter(Boolean).join('; ') || '–';
}
