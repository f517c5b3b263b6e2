// The --text filter: words and "quoted phrases", all of which must appear in the title or the
// summary; case and accents do not matter, and a word ending in * matches any word it starts.
import type { TaggedArticle } from '../model';
import { QueryError } from './errors';

/** One term: a word or a phrase (a sequence of words); `prefix` lets its last word match a longer one. */
export interface TextTerm {
  words: string[];
  prefix: boolean;
}

const MAX_LENGTH = 300;
const MAX_TERMS = 20;

/** Lower-case, accent-free words of a text. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Parses a --text value into terms; throws QueryError for an unclosed quote or nothing to search for. */
export function parseText(text: string): TextTerm[] {
  if (text.length > MAX_LENGTH) throw new QueryError(`text is too long (${text.length} characters, at most ${MAX_LENGTH})`, { field: 'text' });
  const terms: TextTerm[] = [];
  const re = /"([^"]*)("?)|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) {
      if (m[2] !== '"') throw new QueryError(`text has an unclosed quote at position ${m.index + 1}`, { field: 'text' });
      const w = words(m[1]);
      if (w.length) terms.push({ words: w, prefix: false });
    } else {
      const raw = m[3]!;
      const w = words(raw);
      if (w.length) terms.push({ words: w, prefix: raw.endsWith('*') });
    }
  }
  if (!terms.length) throw new QueryError(`text "${text}" has no words to search for`, { field: 'text' });
  if (terms.length > MAX_TERMS) throw new QueryError(`text has ${terms.length} words or phrases, at most ${MAX_TERMS}`, { field: 'text' });
  return terms;
}

/** A canonical form of the terms (for binding a cursor to its query). */
export function textKey(terms: TextTerm[]): string {
  return terms.map((t) => `${t.words.join(' ')}${t.prefix ? '*' : ''}`).join('|');
}

/** True when every term occurs in the article's title or summary. */
export function matchesText(a: Pick<TaggedArticle, 'title' | 'summary'>, terms: TextTerm[]): boolean {
  const fields = [words(a.title), words(a.summary)];
  return terms.every((t) => fields.some((f) => occurs(f, t)));
}

function occurs(haystack: string[], t: TextTerm): boolean {
  const n = t.words.length;
  outer: for (let i = 0; i + n <= haystack.length; i++) {
    for (let k = 0; k < n; k++) {
      const w = haystack[i + k]!;
      const last = k === n - 1;
      if (last && t.prefix ? !w.startsWith(t.words[k]!) : w !== t.words[k]) continue outer;
    }
    return true;
  }
  return false;
}
