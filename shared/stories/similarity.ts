// How well an article fits a story: the share of the article's word weight that the story's
// articles also carry, each shared word counted by how typical it is of the story.
import type { StoryProfile } from './profile';
import type { Terms } from './terms';

/** The score from which an article joins a story (0–1: the share of its weight the story explains). */
export const JOIN_THRESHOLD = 0.1;

/** 0–1: how much of the article's weight the story covers; a word in few of a big story's articles counts less. */
export function similarity(terms: Terms, story: Pick<StoryProfile, 'terms' | 'articles'>): number {
  let total = 0;
  let shared = 0;
  for (const [t, w] of terms) {
    total += w;
    const df = story.terms[t];
    if (df) shared += w * typicality(df / Math.max(1, story.articles));
  }
  return total > 0 ? shared / total : 0;
}

// A word every article of the story carries counts fully; one carried by a tenth of them about half.
function typicality(share: number): number {
  return Math.min(1, 0.4 + share);
}
