// One-pass phrase matcher: a trie over word tokens of every alias of the gazetteer, compiled under each first word when the scan first meets the word.
// The scan walks the text once; only a token that starts with a capital letter can start a match
// (names are proper nouns), which also keeps "us", "turkey" and "chad" as words from matching. At
// each such token it follows the trie as far as the text allows and keeps the longest alias, so
// "Guinea-Bissau", "New Mexico" and "Normandy format" win over "Guinea", "Mexico" and "Normandy".
import { arabicLiForm, arabicProclitics, CjkNames, isArabicScript, isHangul, isHanKana, isHanKanaName, koreanParticles } from './caseless';
import { charClass, FIRST_BITS, fold, hashKey, hashSpan, KeySet, MULTI_BITS, letters, LOWER, spanEquals, phraseKey, tokenKey, tokens, UPPER, WORD } from './chars';
import type { Gazetteer, IndexedEntry } from './gazetteer';
import type { NameFacts } from './places';

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
  /** Its token keys joined by spaces ("new york"): how the disambiguation rules name it. */
  key: string;
  /** Every entry is a city or region (the "Minsk agreements" rule applies). */
  placeOnly: boolean;
  /**
   * Places of the packages share the name (several towns, a town and a county) or the one place needs
   * support in the article: shared/tagging/places.ts decides per article.
   */
  minor?: boolean;
  /** A short alias (RSF, SDF) that counts only beside another name of its entry (actors.ts). */
  needsFull?: boolean;
  /** What the place rules work out once per name from its candidates (places.ts), made on first need. */
  facts?: NameFacts;
  /** An ambiguity rule of data/rules.json settles the name (index.ts), worked out on first need. */
  ruled?: boolean;
  /**
   * Scratch of the article being tagged (index.ts settleSmallPlaces; tagging is synchronous): `at`
   * lists the indices of this name's matches in the article whose number is `mark`.
   */
  mark: number;
  at: number[] | undefined;
}

/**
 * A trie node. Children are keyed by the hash of their token key and checked against `key`, so that
 * the scan compares text in place instead of making a lower-cased string per token.
 */
interface Node {
  key: string;
  next?: NodeTable;
  /**
   * Bit (h & 31) set for the hash h of every child's key: most names are followed by no word that
   * goes on with them, and one bit test says so without reading the child table.
   */
  nextBits: number;
  /** The one child, when there is one only (most names of several words go on in one way): no table read. */
  one: Node | undefined;
  /** The hash of that child's key. */
  oneHash: number;
  /** Another child of the same parent whose key has the same hash. */
  sibling?: Node;
  target?: AliasTarget;
}

/** A phrase found in the text (`entry` is set once a shared name is resolved; -1 until then). */
export interface Found {
  start: number;
  end: number;
  target: AliasTarget;
  field: 'title' | 'text';
  entry: number;
  dateline: boolean;
  /** Inside an organisation's name or a currency ("US Department of Agriculture", "US$"): an actor, not a place. */
  org?: boolean;
  /** What the words around the match say, read once by the place rules (places.ts `around`); -1 until then. */
  around: number;
}

/**
 * A target with every field present, in one order: the scan and the rules read targets of every kind
 * (names, towns, blocking phrases, cue words), and objects of one shape keep those reads monomorphic.
 */
export function makeTarget(entries: number[], demonym: boolean, alias: string, key: string, placeOnly: boolean): AliasTarget {
  return { entries, demonym, exact: undefined, block: undefined, alias, key, placeOnly, minor: undefined, needsFull: undefined, facts: undefined, ruled: undefined, mark: 0, at: undefined };
}

/** A match with every field present, in one order (one object shape for all matches: see makeTarget). */
export function makeFound(start: number, end: number, target: AliasTarget, field: 'title' | 'text', entry: number, dateline: boolean): Found {
  return { start, end, target, field, entry, dateline, org: undefined, around: -1 };
}

/**
 * Values by an unsigned 32-bit hash: open addressing with linear probing over a typed array of hashes.
 * The scan's hashes are unsigned 32-bit numbers, which a Map keeps as boxed numbers; here a lookup is
 * a few integer compares. A slot holds the first value of a chain (`sibling`) of values whose keys
 * share the hash. The trie's children (NodeTable) and the word cache (Matcher.words) are such tables.
 */
class HashSlots<T> {
  private mask: number;
  private hashes: Int32Array;
  private slots: (T | undefined)[];
  /** Slots in use (distinct hashes). */
  size = 0;
  constructor(capacity = 2) {
    this.mask = capacity - 1;
    this.hashes = new Int32Array(capacity);
    this.slots = new Array<T | undefined>(capacity).fill(undefined);
  }
  /** The first value whose key has hash `h`, or undefined. */
  get(h: number): T | undefined {
    const hs = this.hashes;
    const ss = this.slots;
    const m = this.mask;
    const k = h | 0;
    for (let i = k & m; ; i = (i + 1) & m) {
      const v = ss[i];
      if (v === undefined || hs[i] === k) return v;
    }
  }
  /** Makes `v` the first value of hash `h` (it replaces the slot's value: chain it first). */
  set(h: number, v: T): void {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const m = this.mask;
    const k = h | 0;
    let i = k & m;
    while (this.slots[i] !== undefined && this.hashes[i] !== k) i = (i + 1) & m;
    if (this.slots[i] === undefined) this.size++;
    this.hashes[i] = k;
    this.slots[i] = v;
  }
  clear(): void {
    this.slots.fill(undefined);
    this.size = 0;
  }
  private grow(): void {
    const old = this.slots;
    const oldHashes = this.hashes;
    const cap = old.length * 2;
    this.mask = cap - 1;
    this.hashes = new Int32Array(cap);
    this.slots = new Array<T | undefined>(cap).fill(undefined);
    this.size = 0;
    // Each head re-set whole (its chain moves with it); heads have distinct hashes.
    for (let i = 0; i < old.length; i++) if (old[i] !== undefined) this.set(oldHashes[i]!, old[i]!);
  }
}

/** Children of a trie node by the hash of their token key. */
type NodeTable = HashSlots<Node>;

export interface Matcher {
  root: NodeTable;
  /**
   * The steps of the compile, by the hash of the first token key they start with (COMPILED once run):
   * the trie under a first word is compiled when the scan first meets the word (rootNode).
   */
  pending: Map<number, Step[]>;
  /** Runs one step of the compile. */
  run: (step: Step) => void;
  /** Bit set of the hashes of first-token keys: most capitalised words are rejected without a lookup. */
  firsts: Uint8Array;
  /** Names in Han and kana, found anywhere inside a run of characters (caseless.ts). */
  cjk: CjkNames;
  /**
   * Compiles the case forms whose keys hold letters outside ASCII (Москвою, Niemczech's ł-less
   * cousins Białorusią) into the trie; set until the scan first meets such a letter, so that English
   * text never pays for them. A text without such a letter cannot match such a form, so results do
   * not depend on what was tagged before.
   */
  addForms?: () => void;
  /** The same for the towns of the gazetteer's town index, which are looked up by key, not in the trie. */
  townFirsts: Uint8Array;
  g: Gazetteer;
  /** Targets of town names, made on first sight (a town shares one with the trie's places of its name). */
  townTargets: Map<string, AliasTarget | null>;
  /** What the trie and the town index say of each capitalised word seen (see Word). */
  words: HashSlots<Word>;
}

/**
 * What the trie and the town index say of one capitalised word, by its token key: worked out the first
 * time the scan meets the word and kept for the process. News repeats its capitalised words (sentence
 * openers, the names of the story), and a word seen before then costs one probe of this table instead
 * of the two first-word filters, a probe of the trie's root, of the towns' word counts and of their
 * one-word names (tables of megabytes, a cache miss each).
 */
interface Word {
  key: string;
  /** The trie's node for the word (undefined: no alias starts with it). */
  node: Node | undefined;
  /** How many words a town name that starts with this word may have (towns.mostWords; 0: none starts so). */
  most: number;
  /** The town index's key of a one-word town name that is this word, or undefined. */
  town: string | undefined;
  /** Another word whose key has the same hash. */
  sibling: Word | undefined;
  /** The key packed in a number (packedKey) when it is one to six letters a–z, else -1. */
  packed: number;
}

/**
 * A key of one to six letters a–z as a number (five bits a letter, the first letter highest), -1 for
 * any other key: the scan packs a token's letters as it hashes them, and finds a short word in the
 * table by comparing numbers instead of reading the word's key string.
 */
function packedKey(key: string): number {
  if (key.length > 6) return -1;
  let p = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 97 || c > 122) return -1;
    p = p * 32 + (c - 96);
  }
  return key.length ? p : -1;
}

/** Words kept at most (about 5 MB): past that, a new word is worked out each time it is met. */
const MAX_WORDS = 1 << 16;

/** The Word of the capitalised token [i, j) whose key has hash `h` (unsigned), worked out on first sight. */
function wordAt(m: Matcher, text: string, i: number, j: number, h: number, packed: number): Word {
  // `packed`: the token's letters as packedKey packs its key, when the scan saw only a–z (else -1:
  // compared as text; a token with a letter beyond ASCII may still have a short a–z key).
  for (let c = m.words.get(h); c; c = c.sibling) if (packed >= 0 ? c.packed === packed : spanEquals(text, i, j, c.key)) return c;
  // The filters first: a word no alias or town name starts with needs no lookup.
  const b = h & (FILTER_BITS - 1);
  const node = m.firsts[b >> 3]! & (1 << (b & 7)) ? rootNode(m, text, i, j, h) : undefined;
  const towns = m.g.towns;
  const most = m.townFirsts[b >> 3]! & (1 << (b & 7)) ? towns.mostWords(h) : 0;
  let town: string | undefined;
  if (most > 0) {
    const o = towns.oneWordKeys(h);
    town = o === undefined ? undefined : typeof o === 'string' ? (spanEquals(text, i, j, o) ? o : undefined) : o.find((k) => spanEquals(text, i, j, k));
  }
  const key = tokenKey(text.slice(i, j));
  const word: Word = { key, node, most, town, sibling: undefined, packed: packedKey(key) };
  if (m.words.size < MAX_WORDS) {
    word.sibling = m.words.get(h); // a word of another key with the same hash stays findable behind it
    m.words.set(h, word);
  }
  return word;
}

const FILTER_BITS = FIRST_BITS;

/**
 * The trie's node for the first token text[i, j) (`hash`: its key hash, -1 when not known), the part
 * of the trie under it compiled first if it was not yet.
 */
function rootNode(m: Matcher, text: string, i: number, j: number, hash: number): Node | undefined {
  const h = hash >= 0 ? hash : hashSpan(text, i, j);
  compileUnder(m, h >= 0 ? h : hashKey(tokenKey(text.slice(i, j))));
  return lookup(m.root, text, i, j, h);
}

/** Runs the compile steps of the first words whose key hash is `h`, in the order they were made. */
function compileUnder(m: Matcher, h: number): void {
  const steps = m.pending.get(h);
  if (!steps || steps === COMPILED) return;
  m.pending.set(h, COMPILED);
  for (let k = 0; k < steps.length; k++) m.run(steps[k]!);
}

/** Compiles what is left of the trie now (a test compares a trie compiled word by word with this). */
export function compileAll(m: Matcher): void {
  for (const h of [...m.pending.keys()]) compileUnder(m, h);
}

/**
 * One step of the compile: a number for a name (an entry's alias or demonym: entry index × 1024 +
 * 512 for a demonym + its place in the list — 40,000 of them, no closure each), a function for the rest.
 */
type Step = number | (() => void);

/** In Matcher.pending, a first word whose steps ran: a step filed under it later runs at once. */
const COMPILED: Step[] = [];

/** The hash of the key of the first token of `phrase` (hashKey(tokenKey(token))), or -1 when it has none. */
function firstKeyHash(phrase: string): number {
  let i = 0;
  while (i < phrase.length && !(charClass(phrase.charCodeAt(i)) & WORD)) i++;
  if (i === phrase.length) return -1;
  let j = i + 1;
  while (j < phrase.length && charClass(phrase.charCodeAt(j)) & WORD) j++;
  const h = hashSpan(phrase, i, j);
  return h >= 0 ? h : hashKey(tokenKey(phrase.slice(i, j)));
}

/** The child of `map` for `key` (`h`: hashKey(key)), made when missing. */
function child(map: NodeTable, key: string, h: number): Node {
  let n = map.get(h);
  for (let c = n; c; c = c.sibling) if (c.key === key) return c;
  const made: Node = { key, next: undefined, nextBits: 0, one: undefined, oneHash: 0, sibling: undefined, target: undefined };
  if (n) {
    while (n.sibling) n = n.sibling;
    n.sibling = made;
  } else map.set(h, made);
  return made;
}

/** The child of `map` for the token text[start, end), or undefined. */
function lookup(map: NodeTable, text: string, start: number, end: number, hash = -1): Node | undefined {
  const h = hash >= 0 ? hash : hashSpan(text, start, end);
  if (h < 0) {
    const key = tokenKey(text.slice(start, end));
    for (let c = map.get(hashKey(key)); c; c = c.sibling) if (c.key === key) return c;
    return undefined;
  }
  for (let c = map.get(h); c; c = c.sibling) if (spanEquals(text, start, end, c.key)) return c;
  return undefined;
}

const PLACE = new Set(['city', 'region']);

/** Longest run of separator characters allowed between two tokens of one alias ("New\n    York"). */
const MAX_GAP = 12;

/**
 * Compiles every alias, demonym and blocking phrase into one trie — lazily: each step (an alias made
 * a node, a phrase marked as blocking, a case form added) is filed under the first word it starts
 * with and runs when the scan first meets that word (rootNode). A step only touches the part of the
 * trie under its first word, and the steps under one word run in the order of an eager compile, so
 * the trie a text meets is the one an eager compile makes; a first tag compiles a few dozen words,
 * not the 40,000 names (the ingest function's cold start).
 */
export function compileMatcher(g: Gazetteer, blockPhrases: string[], shared: Map<string, number[]>, cueWords: string[] = []): Matcher {
  // About 10,000 first words (more once the Cyrillic forms come): a table sized for them (it grows
  // at half full) stays in the processor's cache, where one sized for 262,144 missed it at every word.
  const root: NodeTable = new HashSlots<Node>(1 << 15);
  const cjk = new CjkNames();
  const pending = new Map<number, Step[]>();
  const firsts = new Uint8Array(FILTER_BITS >> 3);
  /** Files `step` under the first word it compiles (`first`: the hash of its key), or runs it now when that word's part of the trie is compiled already. */
  const defer = (first: number, step: Step) => {
    if (first < 0) return; // no token: nothing to compile
    const b = first & (FILTER_BITS - 1);
    firsts[b >> 3]! |= 1 << (b & 7);
    const steps = pending.get(first);
    if (steps === COMPILED) run(step);
    else if (steps) steps.push(step);
    else pending.set(first, [step]);
  };
  const THE = /^the\s+/i;
  const unThe = (alias: string) => (THE.test(alias) ? alias.replace(THE, '') : alias);
  /** The trie node of an alias (made when missing) and its key; a child table is made only under a node that has children. */
  let key = '';
  const nodeOf = (alias: string): Node | undefined => nodeOfKeys(tokens(unThe(alias)).map(tokenKey));
  /** nodeOf for a phrase already cut into token keys (the case forms come so). */
  const nodeOfKeys = (keys: string[]): Node | undefined => {
    if (!keys.length) return undefined;
    let map = root;
    let node: Node | undefined;
    key = '';
    for (let q = 0; q < keys.length; q++) {
      const k = keys[q]!;
      key = q ? `${key} ${k}` : k;
      const parent = node;
      const h = hashKey(k);
      node = child(map, k, h);
      if (parent) {
        parent.nextBits |= 1 << (h & 31);
        const only = map.size === 1 ? map.get(h) : undefined;
        parent.one = only && !only.sibling ? only : undefined;
        parent.oneHash = h | 0;
      }
      if (q < keys.length - 1) map = node.next ??= new HashSlots<Node>();
    }
    return node;
  };
  const packaged = (i: number) => g.entries[i]!.minor || g.entries[i]!.pop > 0;
  /** An alias or demonym of entry `ie` made a node (the first one of a key gets the target). */
  const addName = (step: number) => {
    const ie = g.entries[step >> 10]!;
    const demonym = (step & 512) !== 0;
    const alias = (demonym ? ie.demonyms : ie.entry.aliases)[step & 511]!;
    const node = nodeOf(alias);
    if (!node) return;
    const placeOnly = PLACE.has(ie.entry.kind);
    const t = node.target;
    if (!t) {
      const target = makeTarget([ie.index], demonym, alias, key, placeOnly);
      const l = shortLetters(alias);
      if (l !== undefined) target.exact = l;
      if (ie.minor) target.minor = true;
      if (ie.short?.includes(alias)) target.needsFull = true;
      node.target = target;
    }
    // A surname two office holders share stays open until the article says which one.
    else if (ie.entry.kind === 'person' && !t.block && t.entries.every((i) => g.entries[i]!.entry.kind === 'person') && !t.entries.includes(ie.index)) t.entries.push(ie.index);
    // Towns and subdivisions that share a name are all candidates; the article decides.
    else if (placeOnly && packaged(ie.index) && !demonym && !t.block && !t.demonym && t.entries.every(packaged) && !t.entries.includes(ie.index)) {
      t.entries.push(ie.index);
      t.minor = true;
    }
  };
  const run = (step: Step) => (typeof step === 'number' ? addName(step) : step());
  // Indexed loops: 133,000 of the 140,000 slots are towns not decoded (holes), and the compile runs
  // before the engine has optimised anything (an iterator per slot is slow there).
  const entries = g.entries;
  for (let x = 0; x < entries.length; x++) {
    const ie = entries[x];
    if (!ie) continue; // a town: in the town index, not the trie
    for (let d = 0; d < 2; d++) {
      const demonym = d === 1;
      const list = demonym ? ie.demonyms : ie.entry.aliases;
      for (let a = 0; a < list.length; a++) {
        const alias = list[a]!;
        // Names in Han or kana are found inside runs of characters, not word by word (caseless.ts).
        if (isHanKanaName(alias)) cjk.add(alias, makeTarget([ie.index], demonym, alias, alias, PLACE.has(ie.entry.kind)));
        else defer(firstKeyHash(unThe(alias)), (x << 10) | (d << 9) | a);
      }
    }
  }
  for (const phrase of blockPhrases) {
    defer(firstKeyHash(unThe(phrase)), () => {
      const node = nodeOf(phrase);
      if (!node) return;
      if (node.target) {
        node.target.block = true;
        node.target.entries = [];
      } else {
        node.target = makeTarget([], false, phrase, key, false);
        node.target.block = true;
      }
    });
  }
  // Names that the rules say are ambiguous get every candidate; the rules pick one per article.
  for (const [alias, ids] of shared) {
    defer(firstKeyHash(unThe(alias)), () => {
      const node = nodeOf(alias);
      if (!node) return;
      if (node.target) node.target.entries = [...ids];
      else node.target = makeTarget([...ids], false, alias, key, false);
    });
  }
  // Cue words of the disambiguation rules ("Governor", "County") are found in the same pass; a cue
  // that is also a name stays a name (its key serves as the cue).
  for (const w of cueWords) {
    defer(firstKeyHash(unThe(w)), () => {
      const node = nodeOf(w);
      if (node && !node.target) node.target = makeTarget([], false, w, key, false);
    });
  }
  // Case forms last: a form never displaces a name, a blocking phrase or a cue (inflect.ts). Those
  // whose keys are plain ASCII now (Rosji, Iranu), the others when the scan first needs them.
  const addForms = (eager: boolean) => {
    for (const { form, keys, index, alias } of caseForms(g, eager)) {
      // Its token keys are worked out already (caseForms); a form that opens with "the" is cut as names are.
      const the = THE.test(form);
      defer(the ? firstKeyHash(unThe(form)) : keys.length ? hashKey(keys[0]!) : -1, () => {
        const node = the ? nodeOf(form) : nodeOfKeys(keys);
        if (!node || node.target) return;
        const ie = g.entries[index]!;
        const target = makeTarget([index], false, alias, key, PLACE.has(ie.entry.kind));
        const l = shortLetters(form);
        if (l !== undefined) target.exact = l;
        if (ie.minor) target.minor = true;
        node.target = target;
      });
    }
  };
  addForms(true);
  const townFirsts = g.towns.firstBits; // built at load, by the hash of every town name's first word
  const m: Matcher = { root, pending, run, firsts, cjk, townFirsts, g, townTargets: new Map(), words: new HashSlots<Word>(1 << 12) };
  m.addForms = () => {
    m.addForms = undefined;
    addForms(false);
    m.words.clear(); // the forms add first words to the trie: what the table says of them changed
  };
  return m;
}

const ASCII_KEY = /^[\x00-\x7f]*$/;

/**
 * Letters whose token keys are not ASCII and that case forms hold: Latin with a stroke or ß (ł, ß),
 * Cyrillic — U+00C0–U+024F, U+0400–U+04FF and U+1E9E, written as the characters themselves (the
 * bundles keep non-ASCII text as UTF-8, test/infra/bundle.test.ts).
 */
const FORM_LETTER = /[À-ɏЀ-ӿẞ]/;

/**
 * The case forms of every name, by form: those the builder worked out with inflect.ts (Cyrillic names
 * in Russian or Ukrainian as their letters tell, Latin names in the languages the data file marks),
 * read from each entry's `forms`, and the li- form of Arabic al- names. A form that two entries
 * generate (or a name of another entry) is left out: it would decide nothing.
 */
function caseForms(g: Gazetteer, eager: boolean): { form: string; keys: string[]; index: number; alias: string }[] {
  const byKey = new Map<string, { form: string; keys: string[]; index: number; alias: string } | null>();
  const give = (form: string, index: number, alias: string) => {
    const keys = tokens(form).map(tokenKey);
    const key = keys.join(' ');
    // Now: forms with plain ASCII keys (Rosji, Iranu) and the Arabic li- forms; later (addForms):
    // those whose keys hold Cyrillic or Latin letters beyond ASCII.
    if (eager !== (ASCII_KEY.test(key) || isArabicScript(key.charCodeAt(0)))) return;
    const prev = byKey.get(key);
    if (prev === undefined) byKey.set(key, { form, keys, index, alias });
    else if (prev && prev.index !== index) byKey.set(key, null);
  };
  // The data file marks each form: = for a key of plain ASCII (now), : for one beyond (later).
  const mark = eager ? 61 : 58;
  const entries = g.entries;
  for (let x = 0; x < entries.length; x++) {
    const ie = entries[x];
    if (!ie) continue; // a town not decoded yet: towns have no case forms (they are found by key)
    const aliases = ie.entry.aliases;
    const forms = ie.forms ? ie.forms.split('^') : NO_FORMS;
    let k = 0;
    for (let a = 0; a < aliases.length; a++) {
      for (; k < forms.length; k++) {
        const f = forms[k]!;
        const at = markAt(f);
        if (Number(f.slice(0, at)) !== a) break;
        if (f.charCodeAt(at) === mark) give(f.slice(at + 1), ie.index, aliases[a]!);
      }
      const li = eager ? arabicLiForm(aliases[a]!) : undefined;
      if (li) give(li, ie.index, aliases[a]!);
    }
  }
  // A name of another entry keeps its entry: insert() leaves a node that has a target as it is.
  return [...byKey.values()].filter((v) => v !== null);
}

const NO_FORMS: string[] = [];

/** Where the alias number of a form item ends (its = or :). */
function markAt(item: string): number {
  let i = 0;
  while (i < item.length && item.charCodeAt(i) >= 48 && item.charCodeAt(i) <= 57) i++;
  return i;
}

/** Where a name can start: a capital ASCII letter, or any non-ASCII character (checked further). */
const CANDIDATE = /[A-Z\u0080-\uffff]/g;

/** Finds every alias in `text`, longest first at each position, in one left-to-right pass; appends to `out`. */
export function scan(m: Matcher, text: string, field: 'title' | 'text', out: Found[]): void {
  // The case forms with letters beyond ASCII are compiled the first time a text holds such a letter
  // anywhere — inside a capitalised word too ("Bułgarii", whose scan starts at the B) — so a text is
  // tagged the same whatever was tagged before it.
  if (m.addForms && FORM_LETTER.test(text)) m.addForms();
  const n = text.length;
  let i = 0;
  let lastEnd = 0; // end of the last match: a particle cannot reach back into it
  // Lower-case words cannot start a name: the regular expression engine skips them at native speed.
  while (i < n) {
    CANDIDATE.lastIndex = i;
    if (!CANDIDATE.test(text)) return;
    i = CANDIDATE.lastIndex - 1;
    const c = text.charCodeAt(i);
    const cls = c < 128 ? ASCII[c]! : charClass(c);
    let j = i + 1;
    // A letter of a script without case (Han, kana, Hangul, Arabic) may start a name as a capital does.
    const free = c >= 0x590 && (cls & (WORD | UPPER | LOWER)) === WORD;
    if (free && isHanKana(c)) {
      // Chinese and Japanese: a name may begin at any character of the run.
      const end = scanHanKana(m, text, i, field, out);
      if (end < 0) i = -end;
      else i = lastEnd = end;
      continue;
    }
    if ((!(cls & UPPER) && !free) || (i > 0 && charClass(text.charCodeAt(i - 1)) & WORD)) {
      // Not a capital, or a capital inside a word (McDonald): skip to the end of the word.
      if (cls & WORD) while (j < n && charClass(text.charCodeAt(j)) & WORD) j++;
      i = j;
      continue;
    }
    // A capitalised token: hash its key (lower case, accents dropped) on the way, so that the bit set
    // can rule it out before any string is made. A rare character whose key depends on its
    // neighbours leaves the token to be looked up the slow way.
    const f0 = c < 128 ? c + 32 : fold(c);
    let hashed = f0 >= 0;
    let h = f0 > 0 ? Math.imul(0x811c9dc5 ^ f0, 0x01000193) : 0x811c9dc5;
    // The key's letters packed as packedKey does, while they are a–z (-1 once one is not, or past six).
    let packed = f0 >= 97 && f0 <= 122 ? f0 - 96 : -1;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (d < 128) {
        if (!(ASCII[d]! & WORD)) break;
        const l = d >= 65 && d <= 90 ? d + 32 : d;
        h = Math.imul(h ^ l, 0x01000193);
        packed = packed >= 0 && l >= 97 && l <= 122 && j - i < 6 ? packed * 32 + (l - 96) : -1;
      } else {
        if (!(charClass(d) & WORD)) break;
        packed = -1;
        const f = fold(d);
        if (f < 0) hashed = false;
        else if (f) h = Math.imul(h ^ f, 0x01000193);
      }
    }
    const full = hashed ? h >>> 0 : -1; // the token's key hash, as hashSpan would give it
    // A name may open with a lower-case particle: al-Qaeda, von der Leyen, sub-Saharan Africa.
    const p = i > 1 && i - lastEnd > 2 ? particleStart(text, i, lastEnd) : -1;
    if (p >= 0) {
      const e0 = tokenEnd(text, p);
      const end = matchAt(m, text, p, e0, field, out);
      if (end > i) {
        i = lastEnd = end;
        continue;
      }
      if (end > 0) out.pop(); // a particle alone is no name
    }
    // What the trie and the town index say of the word (a rare word whose key cannot be hashed in
    // place is looked up the slow way each time).
    const w = hashed ? wordAt(m, text, i, j, full, packed) : undefined;
    const node = w ? w.node : rootNode(m, text, i, j, -1);
    const most = w ? w.most : m.g.towns.mostWords(hashKey(tokenKey(text.slice(i, j))));
    if (node || most) {
      const at = out.length;
      let end = node ? matchFrom(node, text, i, j, field, out) : 0;
      if (most) end = townAt(m, text, i, j, full, most, w?.town, field, out, end > 0 ? at : -1, end);
      if (end > 0) {
        i = lastEnd = end;
        continue;
      }
    }
    if (free) {
      const end = affixMatch(m, text, i, j, field, out);
      if (end > 0) {
        i = lastEnd = end;
        continue;
      }
    }
    i = j;
  }
}

/**
 * Finds names in the run of Han or kana characters that starts at `i`, trying each character as a
 * start (longest name first). Returns the end of the last name found, or minus the end of the run
 * when none was found.
 */
function scanHanKana(m: Matcher, text: string, i: number, field: 'title' | 'text', out: Found[]): number {
  const n = text.length;
  let p = i;
  let found = false;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (!isHanKana(c) && !(charClass(c) & WORD)) break;
    const x = isHanKana(c) ? m.cjk.at(text, p) : undefined;
    if (x) {
      out.push(makeFound(p, p + x.text.length, x.target, field, -1, false));
      p += x.text.length;
      found = true;
    } else p++;
  }
  return found ? p : -p;
}

/**
 * A Korean name with a particle written onto it (러시아가 → 러시아), or an Arabic-script name with a
 * conjunction or preposition written before it (وروسيا → روسيا): the name without the affix, and
 * its end (0: none). The mention covers the name only.
 */
function affixMatch(m: Matcher, text: string, i: number, j: number, field: 'title' | 'text', out: Found[]): number {
  const c = text.charCodeAt(i);
  if (isHangul(c)) {
    for (let k = 1; k <= 3 && j - k > i; k++) if (koreanParticles.hasSpan(text, j - k, j)) {
      const end = matchAt(m, text, i, j - k, field, out);
      if (end > 0) return end;
    }
  } else if (isArabicScript(c)) {
    for (const p of arabicProclitics) if (j - i > p.length + 1 && text.startsWith(p, i)) {
      const end = matchAt(m, text, i + p.length, j, field, out);
      if (end > 0) return end;
    }
  }
  return 0;
}

/** Lower-case words that open names: al-Qaeda, el-Sisi, von der Leyen, bin Salman, sub-Saharan. */
const PARTICLE_WORDS = ['al', 'el', 'ad', 'von', 'van', 'der', 'den', 'de', 'du', 'la', 'le', 'bin', 'ibn', 'sub'];
const PARTICLES = new KeySet(PARTICLE_WORDS);
/** Bit (c - 97) set for the first letter c of every particle: "the", "of", "to" are ruled out before the set. */
const PARTICLE_FIRST = PARTICLE_WORDS.reduce((bits, w) => bits | (1 << (w.charCodeAt(0) - 97)), 0);

/** Start of the lower-case particles (one or two) right before the token at `i`, or -1. */
function particleStart(text: string, i: number, floor: number): number {
  let start = -1;
  let k = i;
  for (let n = 0; n < 2 && k > 0; n++) {
    const sep = text.charCodeAt(k - 1);
    if (sep !== 45 && sep !== 32) break; // "al-Qaeda", "von der Leyen"
    let s = k - 1;
    while (s > floor && k - s <= 4 && isLowerAscii(text.charCodeAt(s - 1))) s--; // particles have at most 3 letters
    if (s === k - 1 || k - 1 - s > 3 || !(PARTICLE_FIRST & (1 << (text.charCodeAt(s) - 97))) || !PARTICLES.hasSpan(text, s, k - 1)) break;
    if (s > 0 && charClass(text.charCodeAt(s - 1)) & WORD) break;
    start = s;
    k = s;
  }
  return start;
}

/** A lower-case ASCII letter (the class table is read in bounds: a read past its end deoptimises the scan). */
const isLowerAscii = (c: number) => c < 128 && (ASCII[c]! & LOWER) !== 0;

/** End of the word token that starts at `i`. */
function tokenEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && charClass(text.charCodeAt(j)) & WORD) j++;
  return j;
}

const ASCII = Uint8Array.from({ length: 128 }, (_, c) => charClass(c));

/** Follows the trie from the token [i, j) (`hash`: its key hash when already known); records the longest alias found and returns its end (0: none). */
function matchAt(m: Matcher, text: string, i: number, j: number, field: 'title' | 'text', out: Found[], hash = -1): number {
  const node = rootNode(m, text, i, j, hash);
  return node ? matchFrom(node, text, i, j, field, out) : 0;
}

/** matchAt from the trie's node for the token [i, j). */
function matchFrom(node: Node, text: string, i: number, j: number, field: 'title' | 'text', out: Found[]): number {
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
      if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 45 || c === 39 || c === 0x2019 || c === 0x2010 || (c === 46 && shortPrev) || c === 0x200c) k++;
      else break;
    }
    if (k === tokEnd || k >= n || !(charClass(text.charCodeAt(k)) & WORD)) break;
    const e = hashWord(text, k, 0x811c9dc5);
    const h = wordHash;
    if (h >= 0 && !(node.nextBits & (1 << (h & 31)))) break;
    const one = node.one;
    const next = one && h >= 0 ? ((h | 0) === node.oneHash && spanEquals(text, k, e, one.key) ? one : undefined) : lookup(node.next, text, k, e, h);
    if (!next) break;
    node = next;
    tokStart = k;
    tokEnd = e;
    if (node.target && caseOk(node.target, text, i, e)) {
      best = node;
      bestEnd = e;
    }
  }
  if (!best) return 0;
  out.push(makeFound(i, bestEnd, best.target!, field, -1, false));
  return bestEnd;
}

/**
 * Looks the words from token [i, j) up in the town index, longest first, and records a town name
 * that is at least as long as the trie's match (`trieAt`: its index in `out`, or -1; `trieEnd`: its end).
 * A town and the trie's places of the same name share one target. Returns the end of what was recorded.
 */
function townAt(m: Matcher, text: string, i: number, j: number, hash: number, most: number, oneWord: string | undefined, field: 'title' | 'text', out: Found[], trieAt: number, trieEnd: number): number {
  // `most`: how many words a town name that starts with this word may have; `oneWord`: the key of the
  // one-word town name this word is, if any (known only when the word's key has a hash).
  if (j >= trieEnd && hash >= 0) {
    if (most === 1) return oneWord === undefined ? trieEnd : record(m, text, i, j, oneWord, field, out, trieAt, trieEnd);
    // A longer name is tried first below; the one-word key is the fallback.
    const longer = townLonger(m, text, i, j, hash, most, field, out, trieAt, trieEnd);
    if (longer > j || oneWord === undefined) return longer;
    return record(m, text, i, j, oneWord, field, out, trieAt, trieEnd);
  }
  if (most === 1) {
    if (j < trieEnd) return trieEnd;
    return record(m, text, i, j, tokenKey(text.slice(i, j)), field, out, trieAt, trieEnd);
  }
  return townLonger(m, text, i, j, hash, most, field, out, trieAt, trieEnd, true);
}

/** Town names of two to `most` words from token [i, j) (`hash`: its key's hash, -1: none), longest first (`withOne`: the one-word name too). */
function townLonger(m: Matcher, text: string, i: number, j: number, hash: number, most: number, field: 'title' | 'text', out: Found[], trieAt: number, trieEnd: number, withOne = false): number {
  // The token ends of up to `most` words, joined as names are (spaces, hyphens, apostrophes), and the
  // hash of the key each run of words makes (-1: a character whose key needs tokenKey).
  const ends = ENDS;
  const hashes = HASHES;
  const prefixes = m.g.towns.prefixes;
  ends[0] = j;
  let count = 1;
  let h = hash;
  hashes[0] = h;
  const n = text.length;
  let e = j;
  while (count < most && count < ENDS.length) {
    let k = e;
    while (k < n && k - e <= 2) {
      const c = text.charCodeAt(k);
      if (c === 32 || c === 45 || c === 39 || c === 0x2019 || c === 160) k++;
      else break;
    }
    if (k === e || k >= n || !(charClass(text.charCodeAt(k)) & WORD)) break;
    const q = hashWord(text, k, h >= 0 ? Math.imul(h ^ 32, 0x01000193) : 0x811c9dc5);
    if (h >= 0) h = wordHash;
    hashes[count] = h;
    ends[count++] = q;
    e = q;
    // No longer town name starts with the words read so far ("The government …"): read no further.
    if (h >= 0 && count < most && !(prefixes[(h & (MULTI_BITS - 1)) >> 3]! & (1 << (h & 7)))) break;
  }
  const filter = m.g.towns.multiWord;
  for (let w = count - 1; w >= (withOne ? 0 : 1); w--) {
    const end = ends[w]!;
    if (end < trieEnd) break;
    // No town's key of several words has this hash: no key to make, nothing to look up.
    const b = hashes[w]! & (MULTI_BITS - 1);
    if (w > 0 && hashes[w]! >= 0 && !(filter[b >> 3]! & (1 << (b & 7)))) continue;
    const got = record(m, text, i, end, phraseKey(text.slice(i, end)), field, out, trieAt, trieEnd);
    if (got === end) return end;
  }
  return trieEnd;
}

/** The key hash of the word hashWord read last (hashSpan's value: -1 when a character's key needs tokenKey). */
let wordHash = -1;

/**
 * Reads the word that starts at `k` (a word character) and returns its end, hashing its key on the way
 * from the hash state `h` into wordHash (hashSpanFrom's value): one pass over the word where finding
 * its end and then hashing it took two.
 */
function hashWord(text: string, k: number, h: number): number {
  const n = text.length;
  let e = k;
  let hashed = true;
  for (; e < n; e++) {
    const c = text.charCodeAt(e);
    if (c < 128) {
      if (!(ASCII[c]! & WORD)) break;
      h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
    } else {
      if (!(charClass(c) & WORD)) break;
      const f = fold(c);
      if (f < 0) hashed = false;
      else if (f) h = Math.imul(h ^ f, 0x01000193);
    }
  }
  wordHash = hashed ? h >>> 0 : -1;
  return e;
}

/** Scratch of townLonger (token ends and key hashes of a run of words): no allocation per capitalised word. */
const ENDS = new Int32Array(64);
const HASHES = new Float64Array(64);

/** Records the town name `key` at [i, end) if a town has it (replacing the trie's match there); returns its end, else trieEnd. */
function record(m: Matcher, text: string, i: number, end: number, key: string, field: 'title' | 'text', out: Found[], trieAt: number, trieEnd: number): number {
  const t = townTarget(m, key, trieAt >= 0 && end === trieEnd ? out[trieAt]!.target : undefined);
  if (!t || !caseOk(t, text, i, end)) return trieEnd;
  const found = makeFound(i, end, t, field, -1, false);
  if (trieAt >= 0) out[trieAt] = found;
  else out.push(found);
  return end;
}

/** The target of a town name (null: no town has it), merged with the trie's target of the same name. */
function townTarget(m: Matcher, key: string, trie: AliasTarget | undefined): AliasTarget | undefined {
  const cached = m.townTargets.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const towns = m.g.towns.get(key);
  // Only names of towns are remembered: the word sequences tried and missed are many, and a miss is one lookup.
  if (towns === undefined) return undefined;
  let t: AliasTarget | undefined;
  if (towns) {
    for (const i of towns) m.g.entryAt(i); // decoded now: the rest of the tagger reads g.entries
    const g = m.g;
    const packaged = (i: number) => g.entries[i]!.minor || g.entries[i]!.pop > 0;
    const alias = g.entries[towns[0]!]!.entry.name;
    if (!trie) {
      t = makeTarget([...towns], false, alias, key, true);
      t.minor = true;
    }
    // A place of the trie with the same name (a county, a larger city): one target, the article decides.
    else if (!trie.block && !trie.demonym && trie.entries.every(packaged)) {
      t = makeTarget([...trie.entries, ...towns], trie.demonym, trie.alias, trie.key, trie.entries.length ? trie.placeOnly : true);
      t.exact = trie.exact;
      t.block = trie.block;
      t.minor = true;
      t.needsFull = trie.needsFull;
    }
    const l = letters(alias);
    if (t && l.length <= 3) t.exact = l;
  }
  m.townTargets.set(key, t ?? null);
  return t;
}

/** letters(s) when it has three letters or fewer (the aliases matched only in their own case), else undefined; without building the string for a longer name. */
function shortLetters(s: string): string | undefined {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (charClass(s.charCodeAt(i)) & WORD && ++n > 3) return undefined;
  return letters(s);
}

function caseOk(t: AliasTarget, text: string, start: number, end: number): boolean {
  return !t.exact || letters(text.slice(start, end)) === t.exact;
}
