// Words and stems, without the weight table (scripts/build-word-weights.ts builds the table with these).
import { stemmer } from 'stemmer';

/** Lower-cased, accent-folded words of a text (letters and digits of any script). */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]s\b/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The stem of one lower-cased word ('' for words too short or too common to carry meaning). */
export function stemTerm(word: string): string {
  if (word.length < 2) return '';
  if (/^\d+$/u.test(word)) return word.length >= 3 ? word : '';
  // Porter's stemmer is for English; other scripts keep the word as it is.
  return /^[a-z]+$/.test(word) ? stemmer(word) : word;
}
