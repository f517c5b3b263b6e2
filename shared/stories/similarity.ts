// How well an article fits a story: the share of the article's word weight that the story's
// articles also carry, each shared word counted by how typical it is of the story.
import type { StoryProfile } from './profile';
import type { Terms } from './terms';

/** The score from which an article joins a story (0–1: the share of its weight the story explains). */
export const JOIN_THRESHOLD = 0.1;
/**
 * And the evidence must be more than a word or two of ordinary English: one shared rare word
 * (outside the 6,000 commonest: a name such as "Titanfall"), three shared words, or two that make up
 * at least TWO_WORDS_SCORE of the article. A place or actor named by a tag weighs half as a word
 * (shared/stories/assign.ts), so one shared "Ukraine" or "Britain" is never a story.
 */
export const STRONG_WORD = 7;
export const TWO_WORDS_SCORE = 0.3;

/**
 * 0–1: how much of the article's weight the story covers; a word in few of a big story's articles
 * counts less. `headline`: the article's title stems; only shared ones count as evidence.
 */
export function similarity(terms: Terms, story: Pick<StoryProfile, 'terms' | 'articles'>, headline?: ReadonlySet<string>): number {
  let total = 0;
  let shared = 0;
  let words = 0;
  let strongest = 0;
  for (const [t, w] of terms) {
    total += w;
    const df = story.terms[t];
    if (!df) continue;
    shared += w * typicality(df / Math.max(1, story.articles));
    // The evidence counts headline words only: summaries share much routine vocabulary.
    if (t.startsWith('@') || (headline && !headline.has(t))) continue;
    words++;
    strongest = Math.max(strongest, w);
  }
  if (total <= 0) return 0;
  const score = shared / total;
  const enough = strongest >= STRONG_WORD || words >= 3 || (words === 2 && score >= TWO_WORDS_SCORE);
  return enough ? score : 0;
}

// A word every article of the story carries counts fully; one carried by a tenth of them about half.
function typicality(share: number): number {
  return Math.min(1, 0.4 + share);
}
