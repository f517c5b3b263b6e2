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
 * Or one shared word that is the story's own: carried by at least half of a story of three or more
 * articles, and not one of the commonest English words (weight ≥ SIGNATURE_WEIGHT). "Pot ads
 * silenced" joins the story whose articles mostly say "pot", though "pot" alone is ordinary English.
 */
export const SIGNATURE_SHARE = 0.5;
export const SIGNATURE_WEIGHT = 4;

/**
 * 0–1: how much of the article's weight the story covers; a word in few of a big story's articles
 * counts less. `headline`: the article's title stems; only shared ones count as evidence.
 */
export function similarity(terms: Terms, story: Pick<StoryProfile, 'terms' | 'articles'>, headline?: ReadonlySet<string>): number {
  let total = 0;
  let shared = 0;
  let words = 0;
  let strongest = 0;
  let signature = false;
  for (const [t, w] of terms) {
    total += w;
    const df = story.terms[t];
    if (!df) continue;
    shared += w * typicality(df / Math.max(1, story.articles));
    // The evidence counts headline words only: summaries share much routine vocabulary.
    if (t.startsWith('@') || (headline && !headline.has(t))) continue;
    words++;
    strongest = Math.max(strongest, w);
    if (story.articles >= 3 && df / story.articles >= SIGNATURE_SHARE && w >= SIGNATURE_WEIGHT) signature = true;
  }
  if (total <= 0) return 0;
  const score = shared / total;
  const enough = signature || strongest >= STRONG_WORD || words >= 3 || (words === 2 && score >= TWO_WORDS_SCORE);
  return enough ? score : 0;
}

// A word every article of the story carries counts fully; one carried by a tenth of them about half.
function typicality(share: number): number {
  return Math.min(1, 0.4 + share);
}

/**
 * From this overlap two open stories that one article fits are one story (assign.ts folds the
 * smaller into the bigger): the same event reported under two founding headlines ("Chiquita to merge
 * with Fyffes", "Fruit rivals to merge and form world's largest banana company") grows as two
 * stories until an article that fits both shows they share their typical words.
 */
export const MERGE_OVERLAP = 0.3;

/**
 * 0–1: how much of the smaller story's typical vocabulary the other also has. Each story's words
 * count by weight × the share of its articles that carry them; the overlap of the two is divided by
 * the smaller story's total.
 */
export function profileOverlap(x: Pick<StoryProfile, 'terms' | 'weights' | 'articles'>, y: Pick<StoryProfile, 'terms' | 'weights' | 'articles'>): number {
  const a = typicalWords(x);
  const b = typicalWords(y);
  let both = 0;
  for (const [t, v] of a) {
    const u = b.get(t);
    if (u !== undefined) both += Math.min(v, u);
  }
  const least = Math.min(sum(a), sum(b));
  return least > 0 ? both / least : 0;
}

function typicalWords(p: Pick<StoryProfile, 'terms' | 'weights' | 'articles'>): Map<string, number> {
  return new Map(Object.entries(p.terms).map(([t, df]) => [t, (df / Math.max(1, p.articles)) * (p.weights[t] ?? 0)]));
}

function sum(m: Map<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}
