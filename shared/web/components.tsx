/** @jsxImportSource hono/jsx */
// Pieces several pages share: an article list, tag chips, the next-page link, an error page.
import type { Tag, TaggedArticle } from '../model';
import { href, plural, safeLink, shortTime } from './format';
import { Layout } from './layout';

/** Found tags first, roll-ups after; salient ones stand out (class "about"). */
export function TagChips(p: { tags: readonly Tag[]; side: 'actor' | 'region'; max?: number }) {
  const own = p.tags.filter((t) => !t.via?.length);
  const shown = [...own, ...p.tags.filter((t) => t.via?.length)].slice(0, p.max ?? 8);
  return (
    <span class="chips">
      {shown.map((t) => (
        <a class={`chip ${p.side}${t.salient ? ' about' : ''}${t.via?.length ? ' rolled' : ''}`} href={href('/articles', { [p.side]: t.id })} title={`${t.name} (${t.kind}${t.salient ? ', about' : ', passing mention'}${t.via?.length ? ', rolled up' : ''})`}>
          {t.name}
        </a>
      ))}
    </span>
  );
}

/** A list of articles, newest first: title (links to the article page), time, feed, tags. */
export function ArticleList(p: { items: readonly TaggedArticle[]; empty?: string }) {
  if (!p.items.length) return <p class="empty">{p.empty ?? 'No articles match.'}</p>;
  return (
    <ol class="articles">
      {p.items.map((a) => (
        <li>
          <a class="title" href={`/articles/${encodeURIComponent(a.id)}`}>
            {a.title || '(no title)'}
          </a>
          <div class="meta">
            <time datetime={a.publishedAt}>{shortTime(a.publishedAt)}</time> · <span class="feed">{a.feedName}</span>
          </div>
          <div class="tags">
            <TagChips tags={a.actors ?? []} side="actor" max={5} /> <TagChips tags={a.regions ?? []} side="region" max={5} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/** "Older →" with the cursor of the next page, or the end of the list. */
export function Pager(p: { next: string | null; path: string; query: Record<string, string | string[] | undefined>; count: number; noun?: string }) {
  return (
    <nav class="pager" aria-label="Pages">
      <span>{plural(p.count, p.noun ?? 'article')} on this page</span>
      {p.next ? (
        <a rel="next" href={href(p.path, { ...p.query, cursor: p.next })}>
          Older →
        </a>
      ) : (
        <span>end of the list</span>
      )}
    </nav>
  );
}

/** A link out to the original, only when it is an http(s) URL. */
export function Original(p: { url?: string }) {
  const u = safeLink(p.url);
  return u ? (
    <a href={u} rel="noopener noreferrer nofollow">
      {u}
    </a>
  ) : (
    <span>(no link)</span>
  );
}

/** An error page: one line saying what was wrong, and a way back. */
export function ErrorPage(p: { title: string; message: string; where?: string }) {
  return (
    <Layout title={p.title} where={p.where}>
      <p class="error" role="alert">
        {p.message}
      </p>
      <p>
        <a href="/">Back to the overview</a>
      </p>
    </Layout>
  );
}
