// One normalisation for query words and article text, so that both sides compare the same way:
// case-folded, accents dropped (Kyiv = Kyïv, Sevastopol = Sevastópol), split on anything that is
// not a letter or digit.

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const MARKS = /\p{M}+/gu;

/** Folds one word for comparison: lower case, no diacritics. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** A word of a text with its offsets, folded for comparison. */
export interface WordToken {
  folded: string;
  start: number;
  end: number;
}

/** Splits a text into word tokens (letters and digits), keeping where each was found. */
export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD)) out.push({ folded: foldWord(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}
