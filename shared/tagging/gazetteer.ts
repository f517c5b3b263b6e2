// The gazetteer as the tagger uses it: entries by id, parents, coordinates, office holders' roles.
// Loaded from the one generated data file (scripts/build-gazetteer.ts), read once per process on first
// use. The file is not part of any JavaScript bundle (140,000 places are 5.6 MB): it ships beside the
// bundle (docs/DEPLOY.md), and is found there, or through NEWS_MONITOR_GAZETTEER, or in the source tree.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TagKind } from '../model';
import { charClass, FIRST_BITS, fold, hashKey, KIND_CODES, MULTI_BITS, slug, phraseKey, tokenKey, tokens, WORD } from './chars';

/** The data file's name, beside the bundle or in shared/tagging/data. */
export const GAZETTEER_FILE = 'gazetteer.generated.txt';

/** The gazetteer data file could not be found or read. */
export class GazetteerMissingError extends Error {
  constructor(readonly tried: string[]) {
    super(`gazetteer data file not found (tried ${tried.join(', ')}; set NEWS_MONITOR_GAZETTEER to its path)`);
    this.name = 'GazetteerMissingError';
  }
}

/** Where the data file is: NEWS_MONITOR_GAZETTEER, beside this module (a bundle), or in ./data (the source tree). */
export function gazetteerPath(): string {
  const env = process.env.NEWS_MONITOR_GAZETTEER;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const tried = env ? [env] : [path.join(here, GAZETTEER_FILE), path.join(here, 'data', GAZETTEER_FILE)];
  const found = tried.find((p) => fs.existsSync(p));
  if (!found) throw new GazetteerMissingError(tried);
  return found;
}

const KINDS: Record<string, string> = Object.fromEntries(Object.entries(KIND_CODES).map(([k, c]) => [c, k]));

/** One thing the tagger can name: a country, region, city, sea, organisation, institution or person. */
export interface GazetteerEntry {
  id: string;
  name: string;
  kind: TagKind;
  /** ISO 3166-1 alpha-2 of the country the entry is or lies in. */
  country?: string;
  wikidata?: string;
  /** Ids this entry rolls up to (Donetsk Oblast → donbas; State Duma → RU). */
  parents: string[];
  aliases: string[];
  /** A representative point (WGS84 degrees): a city's centre, a region's or country's centroid. */
  lat?: number;
  lon?: number;
}

/** One office a person held: what they led (a tag id), the role, and the time span (ISO dates). */
export interface Role {
  of: string;
  role: string;
  from?: string;
  to?: string;
}

/** An entry as the matcher sees it: its index, the entry, its demonyms and (for people) roles. */
export interface IndexedEntry {
  index: number;
  entry: GazetteerEntry;
  demonyms: string[];
  roles: Role[];
  /** Population in thousands (0: unknown): the prior between places of one name. */
  pop: number;
  /** Read as a place only with support in the article (a small place, a unit no city links to). */
  minor: boolean;
  /** The name is an everyday English word ("Reading", "Split"). */
  common: boolean;
  /** Cached ancestors as places (Donetsk → donbas, UA, eastern-europe, europe), by entry index. */
  placeUp?: number[];
  /** Cached ancestors as actors (State Duma → RU; UN Security Council → un); a country has none. */
  actorUp?: number[];
  /** The entry is its country's capital: "Moscow warned" names the government (actors.ts). */
  capital?: boolean;
  /** Aliases whose case forms the builder generated in a Latin-script language (Polish, German): [alias, language]. */
  inflect?: [string, string][];
  /**
   * The case forms of the aliases, as the data file writes them (scripts/gazetteer/encode.ts):
   * ^-separated, each <alias index>=<form> (a key of plain ASCII) or <alias index>:<form> (a key with
   * letters beyond ASCII). The matcher compiles them (matcher.ts); no word is declined at run time.
   */
  forms?: string;
  /** Short aliases (RSF, SDF, IS) that count only where the article also names the entry otherwise. */
  short?: string[];
}

const ACTOR_KINDS = new Set(['organization', 'institution', 'person', 'armed-group', 'company']);

/** True for kinds that act (organisations, institutions, people, armed groups, companies) rather than places. */
export const isActorKind = (kind: string): boolean => ACTOR_KINDS.has(kind);

/**
 * Everything an entry rolls up to on one side, nearest first, computed once per entry. Places roll up
 * through places; actors through actors and stop at a country (a country as an actor stands alone).
 */
export function ancestors(g: Gazetteer, ie: IndexedEntry, side: 'place' | 'actor'): number[] {
  const cached = side === 'place' ? ie.placeUp : ie.actorUp;
  if (cached) return cached;
  const out: number[] = [];
  if (!(side === 'actor' && ie.entry.kind === 'country')) {
    const seen = new Set<string>([ie.entry.id]);
    const queue = [...ie.entry.parents];
    for (let q = 0; q < queue.length; q++) {
      const id = queue[q]!;
      if (seen.has(id)) continue;
      seen.add(id);
      const p = g.byId.get(id);
      if (!p) continue;
      const actor = isActorKind(p.entry.kind);
      if (side === 'place' ? actor : !actor && p.entry.kind !== 'country') continue;
      out.push(p.index);
      if (!(side === 'actor' && p.entry.kind === 'country')) queue.push(...p.entry.parents);
    }
  }
  if (side === 'place') ie.placeUp = out;
  else ie.actorUp = out;
  return out;
}

/** A town index's names in the order they were added (what the data file's precomputed index holds). */
export interface TownNames {
  /** Each name's line, and which of its aliases (-1: the line's name). */
  line: Int32Array;
  alias: Int16Array;
  /** The hash of its key, and of its key's first word (hashKey). */
  hash: Int32Array;
  first: Int32Array;
  /** Its number of words (at most 255). */
  words: Uint8Array;
  /** TownIndex.prefixes: the bit set of the names' proper prefixes of two words or more. */
  prefixes: Uint8Array;
  maxTokens: number;
}

/**
 * The towns that need support in an article (135,000 of the 140,000 entries) are not decoded at load:
 * only their names are indexed, by the hash of the key the matcher uses, and an entry is decoded the
 * first time the text names it. The index holds no string: each name is hashed in place in the data
 * file's text (FNV-1a over its token keys, as the scan hashes the text), into open-addressing tables of
 * typed arrays, and a key is made only for a name whose hash the text hits. That keeps the load to a
 * walk over the file and the matcher's compile to what news names every day.
 */
export class TownIndex {
  /** Most words in a town's name. */
  maxTokens = 1;
  /** Bit set (FIRST_BITS) of the hashes of every first word of a town's name: the scan's first test. */
  readonly firstBits = new Uint8Array(FIRST_BITS >> 3);
  /**
   * Bit set of the hashes (hashKey, low MULTI_BITS bits) of every town key of several words: the scan
   * rules out most word sequences with one bit test, before making their key.
   */
  readonly multiWord = new Uint8Array(MULTI_BITS >> 3);
  /**
   * Bit set (MULTI_BITS) of the hashes of every proper prefix of two words or more of a town's name
   * ("rio grande" of "rio grande city"): the scan stops reading the words after a capitalised word
   * once no longer name can start with those it has read ("The government said …" after "The").
   */
  prefixes: Uint8Array = new Uint8Array(MULTI_BITS >> 3);
  // Names by the hash of their whole key: open addressing over pairs (hash, first name of its chain
  // + 1; 0 = empty slot), one array so that a probe is one memory access. A name is a line and which
  // of its aliases (-1: the line's name); a chain runs from the last name added to the first.
  private slotMask: number;
  private slots: Int32Array;
  private nameLine: Int32Array;
  private nameAlias: Int16Array;
  private nameWords: Uint8Array;
  private nameNext: Int32Array; // name + 1; 0 = end of chain
  private nameHash: Int32Array;
  private nameFirst: Int32Array;
  private names = 0;
  // The most words of a name by the hash of its first word: pairs (hash, most words; 0 = empty slot).
  private firstMask: number;
  private firsts: Int32Array;
  /**
   * One-word keys by hash, made the first time the text hits the hash. Keyed by the hash's top 30
   * bits (a small integer, which a Map looks up fast; a 32-bit hash would be a boxed number), with
   * the whole hash kept to check.
   */
  private readonly oneWordCache = new Map<number, { hash: number; keys: string | string[] | undefined }>();

  constructor(
    /** The data file's lines by entry index (a name's key is made from its line). */
    private readonly lines: { line(i: number): string },
    capacity: number,
  ) {
    // Room for twice as many names as lines (a load factor of at most about a half).
    const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.slotMask = this.firstMask = size - 1;
    this.slots = new Int32Array(size * 2);
    this.firsts = new Int32Array(size * 2);
    this.nameLine = new Int32Array(capacity);
    this.nameAlias = new Int16Array(capacity);
    this.nameWords = new Uint8Array(capacity);
    this.nameNext = new Int32Array(capacity);
    this.nameHash = new Int32Array(capacity);
    this.nameFirst = new Int32Array(capacity);
  }

  /** Indexes one name of the town on `line` (`alias`: which item of its aliases field, -1 for the name) by its key's hash. */
  add(hash: number, firstHash: number, words: number, line: number, alias: number): void {
    if (this.names === this.nameLine.length) this.growNames();
    const n = this.names++;
    const w = words > 255 ? 255 : words;
    this.nameLine[n] = line;
    this.nameAlias[n] = alias;
    this.nameWords[n] = w;
    this.nameHash[n] = hash;
    this.nameFirst[n] = firstHash;
    if (words > this.maxTokens) this.maxTokens = words;
    if (this.names * 4 > this.slots.length * 3 / 2) this.rehash(); // more than three quarters full
    else this.place(n);
  }

  /** The names added, in order, in arrays of their exact length. */
  saved(): TownNames {
    const n = this.names;
    return { line: this.nameLine.slice(0, n), alias: this.nameAlias.slice(0, n), hash: this.nameHash.slice(0, n), first: this.nameFirst.slice(0, n), words: this.nameWords.slice(0, n), prefixes: this.prefixes, maxTokens: this.maxTokens };
  }

  /**
   * The index holding `names` (saved()), as adding them one by one would make it: the tables sized
   * once for all of them, each name put in its place in the same order (a chain's order is kept).
   */
  static restore(lines: { line(i: number): string }, names: TownNames): TownIndex {
    const n = names.line.length;
    const t = new TownIndex(lines, 0);
    const size = 1 << Math.ceil(Math.log2(Math.max(16, (4 * n) / 3))); // at most three quarters full, as add() keeps it
    t.slotMask = t.firstMask = size - 1;
    t.slots = new Int32Array(size * 2);
    t.firsts = new Int32Array(size * 2);
    t.nameLine = names.line;
    t.nameAlias = names.alias;
    t.nameHash = names.hash;
    t.nameFirst = names.first;
    t.nameWords = names.words;
    t.prefixes = names.prefixes;
    t.nameNext = new Int32Array(n);
    t.names = n;
    t.maxTokens = names.maxTokens;
    for (let k = 0; k < n; k++) t.place(k);
    return t;
  }

  /** Puts name n in the tables and the bit sets. */
  private place(n: number): void {
    const hash = this.nameHash[n]!;
    const firstHash = this.nameFirst[n]!;
    const w = this.nameWords[n]!;
    const slots = this.slots;
    const k = hash | 0;
    const m = this.slotMask;
    let i = k & m;
    while (slots[2 * i + 1] !== 0 && slots[2 * i] !== k) i = (i + 1) & m;
    slots[2 * i] = k;
    this.nameNext[n] = slots[2 * i + 1]!;
    slots[2 * i + 1] = n + 1;
    const fb = firstHash & (FIRST_BITS - 1);
    this.firstBits[fb >> 3]! |= 1 << (fb & 7);
    if (w > 1) {
      const b = hash & (MULTI_BITS - 1);
      this.multiWord[b >> 3]! |= 1 << (b & 7);
    }
    const firsts = this.firsts;
    const f = firstHash | 0;
    const fm = this.firstMask;
    let j = f & fm;
    while (firsts[2 * j + 1] !== 0 && firsts[2 * j] !== f) j = (j + 1) & fm;
    firsts[2 * j] = f;
    if (firsts[2 * j + 1]! < w) firsts[2 * j + 1] = w;
  }

  /** Marks the hash of a proper prefix (two words or more) of a town's name. */
  addPrefix(hash: number): void {
    const b = hash & (MULTI_BITS - 1);
    this.prefixes[b >> 3]! |= 1 << (b & 7);
  }

  /** The most words of a town name whose first word's key has hash `firstHash` (hashKey), or 0: none starts so. */
  mostWords(firstHash: number): number {
    const firsts = this.firsts;
    const f = firstHash | 0;
    const m = this.firstMask;
    for (let j = f & m; ; j = (j + 1) & m) {
      const most = firsts[2 * j + 1]!;
      if (most === 0 || firsts[2 * j] === f) return most;
    }
  }

  /** The entry indices of the towns named `key` (token keys joined by spaces), in the data file's order, or undefined. */
  get(key: string): number[] | undefined {
    let out: number[] | undefined;
    for (let n = this.chain(hashKey(key)); n > 0; n = this.nameNext[n - 1]!) {
      if (this.keyOf(n - 1) === key) (out ??= []).push(this.nameLine[n - 1]!);
    }
    return out?.reverse(); // chains run from the last name added
  }

  /** The keys of one-word town names whose hash is `hash` (several when keys collide), or undefined. */
  oneWordKeys(hash: number): string | string[] | undefined {
    const cached = this.oneWordCache.get(hash >>> 2);
    if (cached !== undefined && cached.hash === hash) return cached.keys;
    let keys: string | string[] | undefined;
    for (let n = this.chain(hash); n > 0; n = this.nameNext[n - 1]!) {
      if (this.nameWords[n - 1] !== 1) continue;
      const key = this.keyOf(n - 1);
      if (hashKey(key) !== hash >>> 0) continue;
      if (keys === undefined) keys = key;
      else if (typeof keys === 'string') {
        if (keys !== key) keys = [keys, key];
      } else if (!keys.includes(key)) keys.push(key);
    }
    if (cached === undefined) this.oneWordCache.set(hash >>> 2, { hash, keys });
    return keys;
  }

  /** Every distinct town key (tests and tools). */
  keys(): Set<string> {
    const out = new Set<string>();
    for (let n = 0; n < this.names; n++) out.add(this.keyOf(n));
    return out;
  }

  /** The first name (+ 1) of the chain of names whose key hash is `hash`, or 0. */
  private chain(hash: number): number {
    const slots = this.slots;
    const k = hash | 0;
    const m = this.slotMask;
    for (let i = k & m; ; i = (i + 1) & m) {
      const head = slots[2 * i + 1]!;
      if (head === 0 || slots[2 * i] === k) return head;
    }
  }

  /** The key of name `n`, made from its line. */
  private keyOf(n: number): string {
    const line = this.lines.line(this.nameLine[n]!);
    const alias = this.nameAlias[n]!;
    const name = line.slice(0, line.indexOf('|'));
    return nameKeyOf(alias < 0 ? name : townAliases(line, name)[alias]!);
  }

  /** Doubles the tables and puts every name back, in order. */
  private rehash(): void {
    const size = this.slots.length; // twice the slots: the new number of slots
    this.slotMask = this.firstMask = size - 1;
    this.slots = new Int32Array(size * 2);
    this.firsts = new Int32Array(size * 2);
    for (let n = 0; n < this.names; n++) this.place(n);
  }

  private growNames(): void {
    const cap = Math.max(16, this.nameLine.length * 2);
    const grow = <T extends Int32Array | Int16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.nameLine = grow(this.nameLine, (n) => new Int32Array(n));
    this.nameAlias = grow(this.nameAlias, (n) => new Int16Array(n));
    this.nameWords = grow(this.nameWords, (n) => new Uint8Array(n));
    this.nameNext = grow(this.nameNext, (n) => new Int32Array(n));
    this.nameHash = grow(this.nameHash, (n) => new Int32Array(n));
    this.nameFirst = grow(this.nameFirst, (n) => new Int32Array(n));
  }
}

/** A name's key as the matcher makes it: its token keys joined by spaces. */
const nameKeyOf = phraseKey;

export interface Gazetteer {
  /** Every entry by index; a town's slot is filled the first time it is asked for (entryAt, byId, allEntries). */
  entries: IndexedEntry[];
  byId: IdIndex;
  towns: TownIndex;
  /** The entry at `index`, decoded now if it was not yet. */
  entryAt(index: number): IndexedEntry;
}

/** Entries by id; the ids of undecoded towns are worked out on the first miss (a query for a town by id). */
export class IdIndex {
  private readonly map = new Map<string, IndexedEntry>();
  private lazy: Map<string, number> | undefined;
  constructor(private readonly g: () => LoadedGazetteer) {}
  set(id: string, ie: IndexedEntry): void {
    this.map.set(id, ie);
  }
  get(id: string): IndexedEntry | undefined {
    const hit = this.map.get(id);
    if (hit) return hit;
    const g = this.g();
    if (!this.lazy) {
      this.lazy = new Map();
      for (let i = 0; i < g.entries.length; i++) if (!g.entries[i]) this.lazy.set(lineId(g.lines.line(i)), i);
    }
    const i = this.lazy.get(id);
    return i === undefined ? undefined : g.entryAt(i);
  }
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

interface LoadedGazetteer extends Gazetteer {
  lines: DataLines;
}

/** The data file's bytes and where each entry's line starts: a line is decoded only when asked for. */
class DataLines {
  constructor(
    readonly bytes: Buffer,
    /** Byte offset of each entry's line, and one past the end (after the last newline). */
    readonly starts: Int32Array,
  ) {}
  /** Entry i's line, without its newline. */
  line(i: number): string {
    return this.bytes.toString('utf8', this.starts[i]!, this.starts[i + 1]! - 1);
  }
}

let loaded: LoadedGazetteer | undefined;

/**
 * The gazetteer, read from the generated data file on first call and kept for the process. The file
 * is walked once as bytes: a town's line (most of them) is not decoded, its name is hashed where it
 * stands; the other entries (countries, curated entries, subdivisions: about 10,000) are decoded now.
 */
export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const bytes = fs.readFileSync(gazetteerPath());
  const index = dataFileIndex(bytes);
  const lines = new DataLines(bytes, index.starts);
  const entries: IndexedEntry[] = new Array(index.starts.length - 1);
  const byId = new IdIndex(() => loaded!);
  const towns = TownIndex.restore(lines, index.names);
  decodeOthers(lines, index.others, entries, byId);
  const g: LoadedGazetteer = {
    entries,
    byId,
    towns,
    lines,
    entryAt(i: number): IndexedEntry {
      let ie = entries[i];
      if (ie) return ie;
      ie = entries[i] = decodeEntry(lines.line(i), i);
      byId.set(ie.entry.id, ie);
      return ie;
    },
  };
  loaded = g;
  return g;
}

/** The data file's index: the one the builder precomputed into it, or, when it has none, worked out from its text. */
export function dataFileIndex(bytes: Buffer): TextIndex {
  return readTownIndex(bytes) ?? indexText(bytes, bytes.length);
}

/** What loading needs besides the lines' text: where each line starts, the town index's names, the other (decoded) lines. */
export interface TextIndex {
  /** Byte offset of each entry's line, and one past the end of the last (after its newline). */
  starts: Int32Array;
  names: TownNames;
  /** The lines that are not towns, decoded at load (countries, curated entries, subdivisions). */
  others: Int32Array;
  /** Read from the file's precomputed index (else worked out from its text). */
  precomputed: boolean;
}

/**
 * Works out the TextIndex from the data file's text, bytes[0, textEnd): what the builder precomputes
 * into the file (withTownIndex), and what the loader falls back on for a file without it.
 */
function indexText(bytes: Buffer, textEnd: number): TextIndex {
  // The bytes as a one-byte string (Latin-1: no decoding, one character a byte): the separators and
  // newlines are found by the engine's string search, at byte offsets (UTF-8 never uses bytes below
  // 128 inside a character); a name or line beyond ASCII is decoded from the bytes when needed.
  const b = bytes.toString('latin1', 0, textEnd);
  const size = b.length;
  // The first line describes the format; one entry a line follows.
  const first = b.indexOf('\n') + 1;
  let count = 0;
  for (let k = b.indexOf('\n', first); k >= 0; k = b.indexOf('\n', k + 1)) count++;
  if (size > first && b.charCodeAt(size - 1) !== 10) count++;
  const starts = new Int32Array(count + 1);
  const lines = new DataLines(bytes, starts);
  const towns = new TownIndex(lines, count + 1024);
  // Each pass a loop in a function of its own, which the engine optimises once and keeps (one loop
  // doing both is thrown back to the interpreter each time a new branch runs: the towns start after
  // 5,000 lines).
  const nameEnd = new Int32Array(count);
  findLines(b, first, starts, nameEnd);
  indexTowns(towns, lines, b, nameEnd);
  let n = 0;
  for (let i = 0; i < count; i++) if (nameEnd[i] === 0) n++;
  const others = new Int32Array(n);
  n = 0;
  for (let i = 0; i < count; i++) if (nameEnd[i] === 0) others[n++] = i;
  return { starts, names: towns.saved(), others, precomputed: false };
}

// The precomputed index, appended to the data file after its text by the builder: at load the town
// names need not be found and hashed again (about 170 ms of a cold start), only put in their tables.
// Layout: a block of little-endian 32-bit words — count (lines), names, most words of a name, others;
// starts[count + 1]; others[]; the names' lines[], key hashes[], first-word hashes[]; their alias
// numbers as 16-bit words and word counts as bytes, each run padded to 4 bytes; the bit set of the
// names' prefixes (TownIndex.prefixes, 512 KB; format version 2) — then a 16-byte
// footer: the text's length, the block's length, the format version, the magic number. x86-64 and
// Lambda's arm64 are both little-endian; a file whose footer does not describe its own size (an
// older file, a text edited by hand) is indexed from its text instead.
const INDEX_MAGIC = 0x4e4d5449; // "NMTI"
const INDEX_VERSION = 2;
const FOOTER_BYTES = 16;

/** The data file's text followed by its precomputed index (scripts/build-gazetteer.ts writes this). */
export function withTownIndex(text: Buffer): Buffer {
  const { starts, names, others } = indexText(text, text.length);
  const n = names.line.length;
  const pad = (bytes: number) => (bytes + 3) & ~3;
  const words = [starts.length - 1, n, names.maxTokens, others.length];
  const block = Buffer.alloc(4 * (words.length + starts.length + others.length + 3 * n) + pad(2 * n) + pad(n) + names.prefixes.byteLength);
  let at = 0;
  const put = (a: ArrayLike<number> & { byteLength: number; buffer: ArrayBufferLike; byteOffset: number }, bytes: number) => {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(block, at);
    at += bytes;
  };
  const head = Int32Array.from(words);
  put(head, head.byteLength);
  for (const a of [starts, others, names.line, names.hash, names.first]) put(a, a.byteLength);
  put(names.alias, pad(names.alias.byteLength));
  put(names.words, pad(names.words.byteLength));
  put(names.prefixes, names.prefixes.byteLength);
  const footer = Buffer.alloc(FOOTER_BYTES);
  footer.writeUInt32LE(text.length, 0);
  footer.writeUInt32LE(block.length, 4);
  footer.writeUInt32LE(INDEX_VERSION, 8);
  footer.writeUInt32LE(INDEX_MAGIC, 12);
  return Buffer.concat([text, block, footer]);
}

/** The precomputed index of a data file, or undefined when it has none (or not this version). */
function readTownIndex(bytes: Buffer): TextIndex | undefined {
  if (bytes.length < FOOTER_BYTES) return undefined;
  const f = bytes.length - FOOTER_BYTES;
  const textEnd = bytes.readUInt32LE(f);
  const blockBytes = bytes.readUInt32LE(f + 4);
  if (bytes.readUInt32LE(f + 12) !== INDEX_MAGIC || bytes.readUInt32LE(f + 8) !== INDEX_VERSION || textEnd + blockBytes !== f) return undefined;
  // Copied out of the file's buffer into arrays of their own: aligned, and the rest of the buffer is
  // the lines' text, which stays.
  let at = textEnd;
  const take = <T>(make: (b: ArrayBuffer) => T, len: number, padded = len): T => {
    const out = make(new Uint8Array(bytes.subarray(at, at + len)).buffer);
    at += padded;
    return out;
  };
  const ints = (n: number) => take((b) => new Int32Array(b), 4 * n);
  const [count, n, maxTokens, others] = ints(4);
  const starts = ints(count! + 1);
  const otherLines = ints(others!);
  const line = ints(n!);
  const hash = ints(n!);
  const first = ints(n!);
  const alias = take((b) => new Int16Array(b), 2 * n!, (2 * n! + 3) & ~3);
  const words = take((b) => new Uint8Array(b), n!, (n! + 3) & ~3);
  const prefixes = take((b) => new Uint8Array(b), MULTI_BITS >> 3);
  if (at !== f || starts[count!] !== textEnd) return undefined;
  return { starts, others: otherLines, names: { line, hash, first, alias, words, prefixes, maxTokens: maxTokens! }, precomputed: true };
}

/**
 * 1. Where each line starts (and, in the last slot, one past the end of the last), and which lines
 * are towns (name|country||coords|pop|m…: a city, kind empty, flagged m), with the end of their name
 * (negated when the line has an aliases field), 0 for the other lines.
 */
function findLines(b: string, first: number, starts: Int32Array, nameEnd: Int32Array): void {
  const size = b.length;
  const count = nameEnd.length;
  let at = first;
  for (let index = 0; index < count; index++) {
    starts[index] = at;
    let end = b.indexOf('\n', at);
    if (end < 0) end = size;
    nameEnd[index] = townLine(b, at, end);
    at = end + 1;
  }
  starts[count] = at;
}

/** 2. The towns' names, hashed where they stand in the bytes (plain ASCII), else in their decoded string. */
function indexTowns(towns: TownIndex, lines: DataLines, b: string, nameEnd: Int32Array): void {
  for (let index = 0; index < nameEnd.length; index++) {
    const f1 = nameEnd[index]!;
    if (f1 > 0) indexTown(towns, lines.bytes, b, lines.starts[index]!, f1, index);
    else if (f1 < 0) {
      const line = lines.line(index);
      const aliases = townAliases(line, line.slice(0, line.indexOf('|')));
      for (let a = 0; a < aliases.length; a++) indexKey(towns, nameKeyOf(aliases[a]!), index, a);
    }
  }
}

/** Every other entry (countries, curated entries, subdivisions: about 10,000), decoded now. */
function decodeOthers(lines: DataLines, others: Int32Array, entries: IndexedEntry[], byId: IdIndex): void {
  for (let k = 0; k < others.length; k++) {
    const index = others[k]!;
    const ie = decodeEntry(lines.line(index), index);
    entries[index] = ie;
    byId.set(ie.entry.id, ie);
  }
}

/**
 * For the line b[at, end) (the data file as a Latin-1 string): 0 when it is not a town, else the end
 * of its name (the first field separator), negated when the line has an aliases field (a tenth field).
 */
function townLine(b: string, at: number, end: number): number {
  const f1 = b.indexOf('|', at);
  if (f1 < 0 || f1 >= end) return 0;
  const f2 = b.indexOf('|', f1 + 1); // after the country
  if (f2 < 0 || f2 + 1 >= end || b.charCodeAt(f2 + 1) !== 124) return 0; // the kind is not empty
  const f4 = b.indexOf('|', f2 + 2); // after the coordinates
  if (f4 < 0 || f4 >= end) return 0;
  const f5 = b.indexOf('|', f4 + 1); // after the population
  if (f5 < 0 || f5 + 1 >= end || b.charCodeAt(f5 + 1) !== 109) return 0; // flags: m
  // The ninth separator, if any, before the end: the aliases field follows it.
  let k = f5;
  for (let bar = 5; bar < 9; bar++) {
    k = b.indexOf('|', k + 1);
    if (k < 0 || k >= end) return f1;
  }
  return -f1;
}

/** Indexes a town line's one name, text b[at, f1), hashed where it stands (its UTF-8 decoded on the way). */
function indexTown(towns: TownIndex, bytes: Buffer, b: string, at: number, f1: number, index: number): void {
  if (hashUtf8Name(b, at, f1)) {
    if (HASHED.words > 0) {
      towns.add(HASHED.hash, HASHED.first, HASHED.words, index, -1);
      for (let p = 0; p < HASHED.prefixCount; p++) towns.addPrefix(PREFIXES[p]!);
    }
  } else indexKey(towns, nameKeyOf(bytes.toString('utf8', at, f1)), index, -1);
}

/** Indexes a town name given as its key (names the in-place hash cannot do, and aliases). */
function indexKey(towns: TownIndex, key: string, line: number, alias: number): void {
  if (!key) return;
  const sp = key.indexOf(' ');
  const words = sp < 0 ? 1 : key.split(' ').length;
  towns.add(hashKey(key), hashKey(sp < 0 ? key : key.slice(0, sp)), words, line, alias);
  // Its proper prefixes of two words or more ("rio grande" of "rio grande city").
  for (let at = key.indexOf(' ', sp + 1); sp >= 0 && at > 0; at = key.indexOf(' ', at + 1)) towns.addPrefix(hashKey(key.slice(0, at)));
}

/** What hashUtf8Name worked out: the key's hash, its first word's hash, its number of words, and how many proper prefixes of two words or more it hashed (in PREFIXES). */
const HASHED = { hash: 0, first: 0, words: 0, prefixCount: 0 };
/** The hashes of those prefixes (a name of more words than this leaves its longer prefixes out: none has). */
const PREFIXES = new Int32Array(64);

const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => charClass(c));

/** Every entry, towns decoded too (tests and tools that walk the whole gazetteer). */
export function allEntries(): IndexedEntry[] {
  const g = gazetteer();
  for (let i = 0; i < g.entries.length; i++) g.entryAt(i);
  return g.entries;
}

/**
 * Hashes the key of the name in the UTF-8 bytes b[start, end) (b: the bytes as a Latin-1 string) as
 * hashKey(nameKeyOf(name)) would — words cut where tokens() cuts them, each folded as tokenKey folds
 * it, joined by one space — into HASHED, decoding each character on the way, so that no string is
 * made. Returns false when a character's key depends on its neighbours (fold() < 0), a word's key is
 * empty, a character lies outside the Basic Multilingual Plane or the bytes are not UTF-8: then the
 * caller makes the key as a string.
 */
function hashUtf8Name(b: string, start: number, end: number): boolean {
  let h = 0x811c9dc5;
  let first = 0;
  let words = 0;
  let prefixCount = 0;
  let inWord = false;
  let wordLen = 0;
  for (let k = start; k < end; k++) {
    let c = b.charCodeAt(k);
    if (c >= 128) {
      // Two or three bytes of UTF-8 (U+0080–U+FFFF); four (outside the BMP) left to the caller.
      if (c >= 0xc2 && c < 0xe0 && k + 1 < end) {
        const c1 = b.charCodeAt(k + 1);
        if ((c1 & 0xc0) !== 0x80) return false;
        c = ((c & 0x1f) << 6) | (c1 & 0x3f);
        k += 1;
      } else if (c >= 0xe0 && c < 0xf0 && k + 2 < end) {
        const c1 = b.charCodeAt(k + 1);
        const c2 = b.charCodeAt(k + 2);
        if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return false;
        c = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
        if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)) return false;
        k += 2;
      } else return false;
    }
    const cls = c < 128 ? ASCII_CLASS[c]! : charClass(c);
    if (!(cls & WORD)) {
      if (inWord && wordLen === 0) return false;
      inWord = false;
      continue;
    }
    if (!inWord) {
      if (words === 1) first = h;
      if (words >= 2 && prefixCount < PREFIXES.length) PREFIXES[prefixCount++] = h >>> 0;
      if (words > 0) h = Math.imul(h ^ 32, 0x01000193);
      words++;
      inWord = true;
      wordLen = 0;
    }
    const f = c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : fold(c);
    if (f < 0) return false;
    if (f > 0) {
      h = Math.imul(h ^ f, 0x01000193);
      wordLen++;
    }
  }
  if (inWord && wordLen === 0) return false;
  HASHED.hash = h >>> 0;
  HASHED.first = (words === 1 ? h : first) >>> 0;
  HASHED.words = words;
  HASHED.prefixCount = prefixCount;
  return true;
}

/** The names a town line gives: its name, and the aliases field when present (name|…|aliases is field 10). */
function townAliases(line: string, name: string): string[] {
  let k = 0;
  for (let f = 0; f < 9; f++) {
    k = line.indexOf('|', k) + 1;
    if (k <= 0) return [name];
  }
  const next = line.indexOf('|', k);
  const field = line.slice(k, next < 0 ? line.length : next);
  return field === '' ? [name] : field === '~' ? [] : field.split('^').map((a) => a || name);
}

/** The id a line gives (field 7), worked out as decodeEntry does. */
function lineId(line: string): string {
  const f = line.split('|');
  const name = f[0] ?? '';
  const raw = f[6] ?? '';
  return raw === '' ? idSlug(name) : raw === '+' ? `${idSlug(name)}-${(f[1] ?? '').toLowerCase()}` : raw;
}

/**
 * One line of the data file as an entry. The format (the file's first line, written by
 * scripts/gazetteer/encode.ts): name|country|kind|lat,lon|pop|flags|id|wikidata|parents|aliases|
 * demonyms|roles|extras|forms, with defaults left out (most entries are small cities: "Pokrovsk|UA||48.28,37.18|68|m").
 */
function decodeEntry(line: string, index: number): IndexedEntry {
  // Fields by index, not by destructuring: the loader decodes 7,000 lines before the engine has
  // optimised this function, and destructuring walks an iterator per field.
  const f = line.split('|');
  const n = f.length;
  const name = f[0]!;
  const country = n > 1 ? f[1]! : '';
  const code = n > 2 ? f[2]! : '';
  const coords = n > 3 ? f[3]! : '';
  const pop = n > 4 ? f[4]! : '';
  const flags = n > 5 ? f[5]! : '';
  const rawId = n > 6 ? f[6]! : '';
  const wikidata = n > 7 ? f[7]! : '';
  const parents = n > 8 ? f[8]! : '';
  const aliases = n > 9 ? f[9]! : '';
  const demonyms = n > 10 ? f[10]! : '';
  const roles = n > 11 ? f[11]! : '';
  const extras = n > 12 ? f[12]! : '';
  const forms = n > 13 ? f[13]! : '';
  const id = rawId === '' ? idSlug(name) : rawId === '+' ? `${idSlug(name)}-${country.toLowerCase()}` : rawId;
  const entry: GazetteerEntry = {
    id,
    name,
    kind: (code ? (KINDS[code] ?? code) : 'city') as TagKind,
    parents: parents === '~' ? NONE : parents ? parentList(parents) : country && id !== country ? countryParents(country) : NONE,
    aliases: aliases === '' ? [name] : aliases === '~' ? NONE : aliases.split('^').map((a) => a || name),
    // Every field present, in this order (undefined where the line has none): entries of one shape
    // keep the tagger's reads of them monomorphic; JSON leaves the undefined ones out as before.
    country: undefined,
    wikidata: undefined,
    lat: undefined,
    lon: undefined,
  };
  if (country) entry.country = country;
  if (wikidata) entry.wikidata = wikidata;
  if (coords) {
    const comma = coords.indexOf(',');
    entry.lat = Number(coords.slice(0, comma));
    entry.lon = Number(coords.slice(comma + 1));
  }
  const ie: IndexedEntry = {
    index,
    entry,
    demonyms: demonyms ? demonyms.split('^') : NONE,
    roles: roles ? roles.split('^').map(decodeRole) : [],
    pop: pop ? Number(pop) : 0,
    minor: flags.includes('m'),
    common: flags.includes('w'),
    placeUp: undefined,
    actorUp: undefined,
    capital: undefined,
    inflect: undefined,
    forms: undefined,
    short: undefined,
  };
  if (forms) ie.forms = forms;
  if (extras) for (const x of extras.split(',')) {
    if (x === 'cap') ie.capital = true;
    else if (x.endsWith('!')) {
      const alias = entry.aliases[Number(x.slice(0, -1))];
      if (alias) (ie.short ??= []).push(alias);
    } else {
      const m = /^(\d+)([a-z]+)$/.exec(x);
      const alias = m && entry.aliases[Number(m[1])];
      if (alias) (ie.inflect ??= []).push([alias, m[2]!]);
    }
  }
  return ie;
}

/** One empty list shared by the entries that have none (most of the 140,000 have no demonyms). */
const NONE: string[] = [];
/** The parent list [country], one per country, shared by its places. */
const byCountry = new Map<string, string[]>();
const countryParents = (cc: string) => {
  let p = byCountry.get(cc);
  if (!p) byCountry.set(cc, (p = [cc]));
  return p;
};

/** Parent lists by their text, shared: 135,000 towns name a few thousand subdivisions. */
const parentLists = new Map<string, string[]>();
const parentList = (text: string) => {
  let p = parentLists.get(text);
  if (!p) parentLists.set(text, (p = text.split(',')));
  return p;
};

/** slug() without its regular expressions for plain ASCII letters, digits and spaces (most names). */
function idSlug(name: string): string {
  let out = '';
  let dash = false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 128) return slug(name);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (dash && out) out += '-';
      dash = false;
      out += String.fromCharCode(c);
    } else dash = true;
  }
  return out;
}

/** One role as the data file writes it: of,role,from,to (dates may be empty). */
function decodeRole(text: string): Role {
  const f = text.split(',');
  const r: Role = { of: f[0] ?? '', role: f[1] ?? '' };
  if (f[2]) r.from = f[2];
  if (f[3]) r.to = f[3];
  return r;
}

/** True when a role was held on the given day (ISO date or timestamp); every role counts without a date. */
export function roleHeld(role: Role, date: string | undefined): boolean {
  if (!date) return true;
  const day = date.slice(0, 10);
  return (!role.from || role.from <= day) && (!role.to || day < role.to);
}
