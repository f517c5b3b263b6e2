// Actors named through something else: a capital that stands for its government ("Moscow warned",
// "Tehran said", "Beijing accused": the country is an actor there), and the short names of armed
// groups and companies that count only beside a full name (RSF is also Reporters Without Borders;
// SDF also Japan's Self-Defense Forces; IS also a verb in an upper-case headline).
import { charClass, KeySet, WORD } from './chars';
import type { Gazetteer, IndexedEntry } from './gazetteer';
import type { Found } from './matcher';
import languages from './data/languages.json';

const verbs = new KeySet(languages.metonymy.verbs);
const between = new KeySet(languages.metonymy.between);
/** Words that may stand between a capital and its verb ("Moscow has repeatedly warned"). */
const MAX_BETWEEN = 2;

/** The word that starts after `pos` across spaces only, or undefined. */
function wordAfter(src: string, pos: number): { start: number; end: number } | undefined {
  let a = pos;
  while (a < src.length && (src.charCodeAt(a) === 32 || src.charCodeAt(a) === 160)) a++;
  if (a === pos) return undefined;
  let e = a;
  while (e < src.length && charClass(src.charCodeAt(e)) & WORD) e++;
  return e > a ? { start: a, end: e } : undefined;
}

/**
 * The country whose government a capital's mention stands for ("Moscow warned" → RU), by index, or
 * -1: the mention must be followed by a reporting or acting verb of data/languages.json, with at most
 * two auxiliaries or adverbs between. "in Moscow", "Moscow Mule" and "Moscow's metro" stay places.
 */
export function governmentOf(g: Gazetteer, ie: IndexedEntry, src: string, end: number): number {
  if (!ie.capital || !ie.entry.country) return -1;
  let pos = end;
  for (let k = 0; k <= MAX_BETWEEN; k++) {
    const w = wordAfter(src, pos);
    if (!w) return -1;
    if (verbs.hasSpan(src, w.start, w.end)) return g.byId.get(ie.entry.country)?.index ?? -1;
    if (!between.hasSpan(src, w.start, w.end)) return -1;
    pos = w.end;
  }
  return -1;
}

/** True when the word before or after [start, end) is in capitals too: an upper-case headline ("THE ECONOMY IS WEAK"). */
function inCapitals(src: string, start: number, end: number): boolean {
  const caps = (a: number, b: number) => b - a >= 2 && src.slice(a, b) === src.slice(a, b).toUpperCase() && src.slice(a, b) !== src.slice(a, b).toLowerCase();
  const next = wordAfter(src, end);
  if (next && caps(next.start, next.end)) return true;
  let k = start;
  while (k > 0 && (src.charCodeAt(k - 1) === 32 || src.charCodeAt(k - 1) === 160)) k--;
  let s = k;
  while (s > 0 && charClass(src.charCodeAt(s - 1)) & WORD) s--;
  return k < start && caps(s, k);
}

/**
 * Drops, in place, the matches of short aliases whose entry the article names no other way, and
 * those inside upper-case text, where an acronym cannot be told from a word.
 */
export function dropUnsupported(found: Found[], src: { title: string; text: string }): void {
  let named: Set<number> | undefined;
  for (const f of found) if (f.target.needsFull) {
    named ??= new Set(found.filter((x) => !x.target.needsFull).map((x) => x.entry));
    break;
  }
  if (!named) return;
  let w = 0;
  for (const f of found) if (!f.target.needsFull || (named.has(f.entry) && !inCapitals(src[f.field], f.start, f.end))) found[w++] = f;
  found.length = w;
}
