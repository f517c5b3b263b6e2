// The other stored articles of an article's story, for the article page. Articles stored before
// stories were kept (no `story` id) are found from the listing of the article's strongest tag within 36 hours either side of it (one read of at most 50), then kept
// when they share its story. A story's articles share their main tags, so this finds them without
// an index by story.
import type { TaggedArticle } from '../model';
import type { ArticleStore } from '../store';
import { storyOf } from './sample';

const WINDOW_MS = 36 * 3_600_000;
const READ = 50;

/** Up to `max` other articles of `a`'s story, newest first: from the story's own listing when the article has a story id (shared/stories), else found as below. */
export async function sameStory(store: Pick<ArticleStore, 'listArticles' | 'storyArticles'>, a: TaggedArticle, max = 20): Promise<TaggedArticle[]> {
  if (a.story) return (await store.storyArticles(a.story, max + 1)).filter((x) => x.id !== a.id).slice(0, max);
  const at = Date.parse(a.publishedAt);
  if (Number.isNaN(at)) return [];
  const tags = [...(a.regions ?? []).map((t) => ({ side: 'region' as const, t })), ...(a.actors ?? []).map((t) => ({ side: 'actor' as const, t }))].filter((x) => !x.t.via?.length);
  const best = tags.sort((x, y) => y.t.score - x.t.score)[0];
  const page = await store.listArticles({
    via: best && { side: best.side, id: best.t.id },
    since: new Date(at - WINDOW_MS).toISOString(),
    until: new Date(at + WINDOW_MS).toISOString(),
    limit: READ,
  });
  const story = storyOf(a);
  return page.items.filter((x) => x.id !== a.id && storyOf(x) === story).slice(0, max);
}
