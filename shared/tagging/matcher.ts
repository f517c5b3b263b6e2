// One-pass phrase matcher: a trie over word tokens, compiled once from every alias of the gazetteer.
// The scan walks the text once; only a token that starts with a capital letter can start a match
// (names are proper nouns), which also keeps "us", "turkey" and "chad" as words from matching. At
// each such token it follows the trie as far as the text allows and keeps the longest alias, so
// "Guinea-Bissau", "New Mexico" and "Normandy format" win over "Guinea", "Mexico" and "Normandy".
import { charClass, letters, tokenKey, tokens, UPPER, WORD } from './chars';
import type { Gazetteer } from './gazetteer';

/** What an alias stands for. */
export interface AliasTarget {
  /** Gazetteer entry indices: one, or several for a shared surname or an ambiguous name. */
  entries: number[];
  /** A demonym ("Russian") names the country as an actor, not as a place. */
  demonym: boolean;
  /** Letters the text must show in exactly this case (short acronyms: US, UN, EU). */
  exact?: string;
  /** A phrase that is not a place although it contains one ("Washington Post", "Guinea pig"). */
  block?: boolean;
  /** The alias as written in the data, for evidence. */
  alias: string;
}

interface Node {
  next?: Map<string, Node>;
  target?: AliasTarget;
}

/** A phrase found in the text. */
export interface RawMatch {
  start: number;
  end: number;
  target: AliasTarget;
}

export interface Matcher {
  root: Map<string, Node>;
}

/** Longest run of separator characters allowed between two tokens of one alias ("New\n    York"). */
const MAX_GAP = 12;

/** Compiles every alias, demonym and blocking phrase into one trie. */
export function compileMatcher(g: Gazetteer, blockPhrases: string[], shared: Map<string, number[]>): Matcher {
  const root = new Map<string, Node>();
  const insert = (alias: string, make: () => AliasTarget, merge: (t: AliasTarget) => void) => {
    const keys = tokens(alias.replace(/^the\s+/i, '')).map(tokenKey);
    if (!keys.length) return;
    let map = root;
    let node: Node | undefined;
    for (const k of keys) {
      node = map.get(k);
      if (!node) map.set(k, (node = {}));
      map = node.next ??= new Map();
    }
    if (!node!.target) node!.target = make();
    else merge(node!.target);
  };
  const exactOf = (alias: string) => {
    const l = letters(alias);
    return l.length <= 3 ? l : undefined;
  };
  for (const ie of g.entries) {
    const person = ie.entry.kind === 'person';
    for (const [list, demonym] of [[ie.entry.aliases, false], [ie.demonyms, true]] as const) {
      for (const alias of list) {
        insert(
          alias,
          () => ({ entries: [ie.index], demonym, alias, ...(exactOf(alias) ? { exact: exactOf(alias) } : {}) }),
          (t) => {
            // A surname two office holders share stays open until the article says which one.
            if (person && !t.block && t.entries.every((i) => g.entries[i]!.entry.kind === 'person') && !t.entries.includes(ie.index)) t.entries.push(ie.index);
          },
        );
      }
    }
  }
  for (const phrase of blockPhrases) insert(phrase, () => ({ entries: [], demonym: false, block: true, alias: phrase }), (t) => { t.block = true; t.entries = []; });
  // Names that the rules say are ambiguous get every candidate; the rules pick one per article.
  for (const [alias, ids] of shared) insert(alias, () => ({ entries: [...ids], demonym: false, alias }), (t) => { t.entries = [...ids]; });
  return { root };
}

/** Finds every alias in `text`, longest first at each position, in one left-to-right pass. */
export function scan(m: Matcher, text: string): RawMatch[] {
  const out: RawMatch[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = charClass(text.charCodeAt(i));
    if (!(cls & WORD)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && charClass(text.charCodeAt(j)) & WORD) j++;
    if (cls & UPPER) {
      const end = matchAt(m, text, i, j, out);
      if (end > 0) {
        i = end;
        continue;
      }
    }
    i = j;
  }
  return out;
}

/** Follows the trie from the token [i, j); records the longest alias found and returns its end (0: none). */
function matchAt(m: Matcher, text: string, i: number, j: number, out: RawMatch[]): number {
  let node = m.root.get(tokenKey(text.slice(i, j)));
  if (!node) return 0;
  let best: Node | undefined;
  let bestEnd = 0;
  if (node.target && caseOk(node.target, text, i, j)) {
    best = node;
    bestEnd = j;
  }
  let tokStart = i;
  let tokEnd = j;
  const n = text.length;
  while (node.next) {
    // Separators allowed inside a name: spaces and line breaks, hyphens, apostrophes, and a full
    // stop after an abbreviation of one or two letters (U.S., St. Louis).
    let k = tokEnd;
    const shortPrev = tokEnd - tokStart <= 2;
    while (k < n && k - tokEnd <= MAX_GAP) {
      const c = text.charCodeAt(k);
      if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 45 || c === 39 || c === 0x2019 || c === 0x2010 || (c === 46 && shortPrev)) k++;
      else break;
    }
    if (k === tokEnd || k >= n || !(charClass(text.charCodeAt(k)) & WORD)) break;
    let e = k + 1;
    while (e < n && charClass(text.charCodeAt(e)) & WORD) e++;
    const child = node.next.get(tokenKey(text.slice(k, e)));
    if (!child) break;
    node = child;
    tokStart = k;
    tokEnd = e;
    if (node.target && caseOk(node.target, text, i, e)) {
      best = node;
      bestEnd = e;
    }
  }
  if (!best) return 0;
  out.push({ start: i, end: bestEnd, target: best.target! });
  return bestEnd;
}

function caseOk(t: AliasTarget, text: string, start: number, end: number): boolean {
  return !t.exact || letters(text.slice(start, end)) === t.exact;
}
