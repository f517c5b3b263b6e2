// Character classes and the token key, shared by the matcher and the alias compiler so that an alias
// and the text it should match are cut and folded the same way. One table lookup per character keeps
// the scan fast; classes of non-ASCII characters are worked out on first sight and cached.

export const WORD = 1;
export const UPPER = 2;
export const LOWER = 4;
const KNOWN = 128;

const table = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  let v = KNOWN;
  if (c >= 48 && c <= 57) v |= WORD;
  else if (c >= 65 && c <= 90) v |= WORD | UPPER;
  else if (c >= 97 && c <= 122) v |= WORD | LOWER;
  table[c] = v;
}

const LETTER_OR_MARK = /[\p{L}\p{M}\p{Nd}]/u;

/** The class bits of a UTF-16 code unit (WORD, UPPER, LOWER). */
export function charClass(code: number): number {
  const v = table[code]!;
  if (v) return v;
  const ch = String.fromCharCode(code);
  let w = KNOWN;
  // Lone surrogates (astral characters) never start or continue a word here.
  if (LETTER_OR_MARK.test(ch)) {
    w |= WORD;
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (ch !== lo) w |= UPPER;
    else if (ch !== up) w |= LOWER;
  }
  table[code] = w;
  return w;
}

// Latin accents, and the Arabic-script vowel signs, hamza and madda that news text writes or leaves
// out at will (أوكرانيا = اوكرانيا, کرهٔ = کره).
const MARKS = /[\u0300-\u036f\u064b-\u065f\u0670]/g;
/** Arabic and Persian spellings of one letter (ي/ی, ى/ی, ك/ک): Persian text is often typed with Arabic letters. */
const ARABIC_VARIANTS = /[\u064a\u0649\u0643]/g;
const ARABIC_FOLD: Record<string, string> = { '\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9' };
const NON_ASCII = /[^\x00-\x7f]/;

/** The key a token is looked up by: lower case, accents dropped (Türkiye → turkiye, Київ stays Cyrillic). */
export function tokenKey(token: string): string {
  const lower = token.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  // Character by character through the fold table where every character's key stands alone (the
  // common case: Cyrillic, Arabic, accented Latin); Unicode normalisation is slow.
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const f = fold(lower.charCodeAt(i));
    if (f < 0) return slowKey(lower);
    if (f) out += String.fromCharCode(f);
  }
  return out;
}

/** tokenKey by Unicode normalisation: what the fold table is worked out from. */
function slowKey(lower: string): string {
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '').normalize('NFC').replace(/ё/g, 'е').replace(ARABIC_VARIANTS, (c) => ARABIC_FOLD[c]!) : lower;
}

/**
 * What each non-ASCII code unit becomes in a token key, so that the scan can hash and compare
 * "Türkiye" or "Київ" in place: the code unit of its key, 0 when the key drops it (a combining
 * accent), or -1 when its key depends on its neighbours or is longer than one code unit (Greek
 * capital sigma, Hangul jamo, surrogates): then the caller makes the key with tokenKey. Worked out
 * on first sight from tokenKey itself, so that both always agree.
 */
const folds = new Int32Array(65536).fill(-2);

export function fold(c: number): number {
  const v = folds[c]!;
  if (v !== -2) return v;
  let f: number;
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) || (c >= 0xa960 && c <= 0xa97f) || (c >= 0xd7b0 && c <= 0xd7ff)) f = -1;
  else {
    const ch = String.fromCharCode(c);
    const k = slowKey(ch.toLowerCase());
    f = k.length === 0 ? 0 : k.length === 1 ? k.charCodeAt(0) : -1;
  }
  folds[c] = f;
  return f;
}

/** Splits a phrase into its word tokens, the way the matcher cuts text. */
export function tokens(phrase: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < phrase.length) {
    if (!(charClass(phrase.charCodeAt(i)) & WORD)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < phrase.length && charClass(phrase.charCodeAt(j)) & WORD) j++;
    out.push(phrase.slice(i, j));
    i = j;
  }
  return out;
}

/** The key of a phrase: its tokens' keys joined by spaces (the key the trie and the town index file a name under). */
export function phraseKey(phrase: string): string {
  return tokens(phrase).map(tokenKey).join(' ');
}

/** The letters and digits of a string, for exact-case comparison of acronyms ("U.S." and "US" agree). */
export function letters(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (charClass(s.charCodeAt(i)) & WORD) out += s[i];
  return out;
}

/**
 * The code unit at `i` (0 or more), or -1 past the end of `s`: charCodeAt past the end gives NaN, and
 * the first such read deoptimises the code that makes it (the rules read the character after a match).
 */
export function codeAt(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : -1;
}

/** FNV-1a over a key's UTF-16 code units (the scan hashes lower-cased ASCII text the same way). */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The hash of text[start, end) as a key (hashKey(tokenKey(span))), or -1 when a character's key
 * depends on its neighbours (then the caller falls back to tokenKey). Reads the text in place: no
 * string is made.
 */
export function hashSpan(text: string, start: number, end: number): number {
  return hashSpanFrom(0x811c9dc5, text, start, end);
}

/** hashSpan continued from the hash state `h` (a key of several words is hashed word by word, joined by spaces). */
export function hashSpanFrom(h: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
    else {
      const f = fold(c);
      if (f < 0) return -1;
      if (f) h = Math.imul(h ^ f, 0x01000193);
    }
  }
  return h >>> 0;
}

/** True when tokenKey(text[start, end)) equals `key`, compared in place. */
export function spanEquals(text: string, start: number, end: number, key: string): boolean {
  const n = key.length;
  let j = 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) c += 32;
    } else {
      c = fold(c);
      if (c === 0) continue;
      if (c < 0) return tokenKey(text.slice(start, end)) === key;
    }
    if (j === n || c !== key.charCodeAt(j++)) return false;
  }
  return j === n;
}

/** Bits of the matcher's filters of first words (2 Mbit, 256 KB): the trie's, and the town index's. */
export const FIRST_BITS = 1 << 21;

/** Bits of the town index's filter of names of several words (4 Mbit, 512 KB: about 1 false hit in 100 misses). */
export const MULTI_BITS = 1 << 22;

/** Hashes are cut to 30 bits for Map keys: V8 keeps those as small integers, not boxed numbers. */
const SMI = 0x3fffffff;

/** A set of token keys that answers for a span of text without making a string in the common case. */
export class KeySet {
  private readonly byHash = new Map<number, string[]>();
  /**
   * A bit set of the keys' hashes (8,192 bits): most words asked about are in no set (the place
   * rules ask of almost every word beside a name), and one bit test answers them without the Map.
   */
  private readonly bits = new Int32Array(256);
  /**
   * 1 for each ASCII character that starts a key: a word whose first letter starts none is answered
   * before it is hashed (a key starts with the key of the word's first character, which for an ASCII
   * letter is that letter in lower case).
   */
  private readonly firsts = new Uint8Array(128);
  private readonly keys: Set<string>;
  constructor(words: Iterable<string>) {
    this.keys = new Set([...words].map(tokenKey));
    for (const k of this.keys) {
      const c = k.charCodeAt(0);
      if (c < 128) this.firsts[c] = 1;
      const full = hashKey(k);
      this.bits[(full >>> 5) & 255]! |= 1 << (full & 31);
      const h = full & SMI;
      const list = this.byHash.get(h);
      if (list) list.push(k);
      else this.byHash.set(h, [k]);
    }
  }
  /** True when the word text[start, end) is in the set (case-insensitive, accents folded). */
  hasSpan(text: string, start: number, end: number): boolean {
    const c = text.charCodeAt(start);
    if (end > start && c < 128 && !this.firsts[c >= 65 && c <= 90 ? c + 32 : c]) return false;
    const h = hashSpan(text, start, end);
    if (h < 0) return this.keys.has(tokenKey(text.slice(start, end)));
    if (!(this.bits[(h >>> 5) & 255]! & (1 << (h & 31)))) return false;
    const list = this.byHash.get(h & SMI);
    if (!list) return false;
    for (const k of list) if (spanEquals(text, start, end, k)) return true;
    return false;
  }
  has(key: string): boolean {
    return this.keys.has(key);
  }
}

/** Lower-case slug used for ids of places that have no ISO code ("Donetsk Oblast" → "donetsk-oblast"). */
export function slug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** One-letter codes of entry kinds in the generated data file (it keeps the Lambda bundles small). */
export const KIND_CODES: Record<string, string> = {
  country: 'c', region: 'r', city: 'y', sea: 's', 'macro-region': 'm', organization: 'o', institution: 'i', person: 'p',
  'armed-group': 'g', company: 'k',
};
