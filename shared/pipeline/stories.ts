// Attaches the story clusterer to a store on the ingest side (the read-only functions never load it).
import { StoryAssigner } from '../stories/assign';
import type { ArticleStore } from '../store';

/** The store's clusterer, made on first use (none for a store made with `clusterStories: false`). */
export function storiesFor(store: ArticleStore): StoryAssigner | undefined {
  if (!store.clusterStories) return undefined;
  store.stories ??= new StoryAssigner(store.storyIndex(), { rivals: !store.singleWriter });
  return store.stories;
}
