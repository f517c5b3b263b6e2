// Stories as groups of the newest stored articles that share a story (storyOf: the pipeline's story
// id, else the story key), with their sources: the stories page's data until the store lists
// stories itself.
import type { TaggedArticle } from '../model';
import { storyOf } from './sample';

/** One story as seen in a set of articles. */
export interface StoryGroup {
  id: string;
  /** The title of its first article. */
  title: string;
  firstSeen: string;
  lastSeen: string;
  /** Its articles, newest first. */
  articles: TaggedArticle[];
  /** Feed names that carried it, in order of first appearance. */
  sources: string[];
  actors: string[];
  regions: string[];
}

/** Groups articles (any order) into stories, newest story (by last article) first. */
export function groupStories(articles: readonly TaggedArticle[]): StoryGroup[] {
  const by = new Map<string, TaggedArticle[]>();
  for (const a of articles) {
    const k = storyOf(a);
    (by.get(k) ?? by.set(k, []).get(k)!).push(a);
  }
  const out: StoryGroup[] = [];
  for (const [id, list] of by) {
    const sorted = [...list].sort((x, y) => (x.publishedAt < y.publishedAt ? 1 : x.publishedAt > y.publishedAt ? -1 : 0));
    const first = sorted[sorted.length - 1]!;
    const ids = (pick: (a: TaggedArticle) => TaggedArticle['actors']) => [...new Set(sorted.flatMap((a) => (pick(a) ?? []).filter((t) => t.salient).map((t) => t.id)))];
    out.push({
      id,
      title: first.title,
      firstSeen: first.publishedAt,
      lastSeen: sorted[0]!.publishedAt,
      articles: sorted,
      sources: [...new Set([...sorted].reverse().map((a) => a.feedName))],
      actors: ids((a) => a.actors),
      regions: ids((a) => a.regions),
    });
  }
  return out.sort((x, y) => (x.lastSeen < y.lastSeen ? 1 : x.lastSeen > y.lastSeen ? -1 : 0));
}
