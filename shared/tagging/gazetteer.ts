// The gazetteer as the tagger uses it: entries by id, parents, coordinates, office holders' roles.
// Loaded from the one generated data file (scripts/build-gazetteer.ts), read once per process on first
// use. The file is not part of any JavaScript bundle (140,000 places are 5.6 MB): it ships beside the
// bundle (docs/DEPLOY.md), and is found there, or through NEWS_MONITOR_GAZETTEER, or in the source tree.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TagKind } from '../model';
import { hashKey, KIND_CODES, MULTI_BITS, slug, tokenKey, tokens } from './chars';

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
  /** Aliases whose case forms the matcher generates in a Latin-script language (Polish, German): [alias, language]. */
  inflect?: [string, string][];
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

/**
 * The towns that need support in an article (135,000 of the 140,000 entries) are not decoded at load:
 * only their names are indexed, by the same keys the matcher uses, and an entry is decoded the first
 * time the text names it. That keeps the load and the matcher's compile to what news names every day.
 */
export interface TownIndex {
  /** Alias key ("chasiv yar") → entry index, or indices most populous first (the data file's order). */
  byKey: Map<string, number | number[]>;
  /** Most words in a town's name. */
  maxTokens: number;
  /** By the hash of a first word's key (hashKey): the most words of a town name that starts with it. */
  firstWords: Map<number, number>;
  /** One-word town keys by their hash (hashKey), so the scan compares the text in place (several keys may share a hash). */
  oneWord: Map<number, string | string[]>;
  /**
   * Bit set of the hashes (hashKey, low MULTI_BITS bits) of every town key of several words: the scan
   * rules out most word sequences with one bit test, before making their key.
   */
  multiWord: Uint8Array;
}


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
      for (let i = 0; i < g.entries.length; i++) if (!g.entries[i]) this.lazy.set(lineId(g.text, g.lineStart[i]!), i);
    }
    const i = this.lazy.get(id);
    return i === undefined ? undefined : g.entryAt(i);
  }
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

interface LoadedGazetteer extends Gazetteer {
  text: string;
  lineStart: Int32Array;
}

let loaded: LoadedGazetteer | undefined;

/** The gazetteer, read from the generated data file on first call and kept for the process. */
export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const text = fs.readFileSync(gazetteerPath(), 'utf8');
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < text.length - 1; at = text.indexOf('\n', at + 1)) count++;
  const entries: IndexedEntry[] = new Array(count);
  const lineStart = new Int32Array(count + 1);
  const byId = new IdIndex(() => loaded!);
  const byKey = new Map<string, number | number[]>();
  const firstWords = new Map<number, number>();
  const oneWord = new Map<number, string | string[]>();
  const multiWord = new Uint8Array(MULTI_BITS >> 3);
  let maxTokens = 1;
  // The first line describes the format; one entry a line follows.
  let at = text.indexOf('\n') + 1;
  for (let index = 0; index < count; index++) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    lineStart[index] = at;
    // name|country|kind|coords|pop|flags|…: a town is a city (empty kind) flagged m.
    const f1 = text.indexOf('|', at);
    const f2 = f1 < 0 || f1 > end ? -1 : text.indexOf('|', f1 + 1);
    const town = f2 > 0 && f2 < end && text.charCodeAt(f2 + 1) === 124 && isTown(text, f2 + 2, end);
    if (town) {
      const name = text.slice(at, f1);
      // Most lines end after the flags or the id (no aliases field): the name is the one alias.
      const aliases = hasAliases(text, at, end) ? townAliases(text, at, end, name) : [name];
      for (const alias of aliases) {
        let key = plainKey(alias);
        if (key === undefined) {
          const words = tokens(alias);
          if (!words.length) continue;
          if (words.length > maxTokens) maxTokens = words.length;
          key = words.map(tokenKey).join(' ');
        }
        const list = byKey.get(key);
        if (list === undefined) {
          byKey.set(key, index);
          const sp = key.indexOf(' ');
          const h = hashKey(sp < 0 ? key : key.slice(0, sp));
          const words = sp < 0 ? 1 : key.split(' ').length;
          if ((firstWords.get(h) ?? 0) < words) firstWords.set(h, words);
          if (sp < 0) {
            const o = oneWord.get(h);
            if (o === undefined) oneWord.set(h, key);
            else if (typeof o === 'string') oneWord.set(h, [o, key]);
            else o.push(key);
          } else {
            const b = hashKey(key) & (MULTI_BITS - 1);
            multiWord[b >> 3]! |= 1 << (b & 7);
          }
        }
        else if (typeof list === 'number') byKey.set(key, [list, index]);
        else list.push(index);
      }
    } else {
      const ie = decodeEntry(text.slice(at, end), index);
      entries[index] = ie;
      byId.set(ie.entry.id, ie);
    }
    at = end + 1;
  }
  lineStart[count] = text.length;
  const g: LoadedGazetteer = {
    entries,
    byId,
    towns: { byKey, maxTokens, firstWords, oneWord, multiWord },
    text,
    lineStart,
    entryAt(i: number): IndexedEntry {
      let ie = entries[i];
      if (ie) return ie;
      let end = lineStart[i + 1]! - 1;
      if (text.charCodeAt(end) !== 10) end++;
      ie = entries[i] = decodeEntry(text.slice(lineStart[i]!, end), i);
      byId.set(ie.entry.id, ie);
      return ie;
    },
  };
  loaded = g;
  return g;
}

/** Every entry, towns decoded too (tests and tools that walk the whole gazetteer). */
export function allEntries(): IndexedEntry[] {
  const g = gazetteer();
  for (let i = 0; i < g.entries.length; i++) g.entryAt(i);
  return g.entries;
}

/** The key of a one-word ASCII name (lower case), without tokenising; undefined for any other name. */
function plainKey(name: string): string | undefined {
  if (!name) return undefined;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return undefined;
  }
  return name.toLowerCase();
}

/** True when the line has a tenth field (aliases). */
function hasAliases(text: string, at: number, end: number): boolean {
  let k = at;
  for (let f = 0; f < 9; f++) {
    k = text.indexOf('|', k) + 1;
    if (k <= 0 || k > end) return false;
  }
  return true;
}

/** True when the coords, pop and flags fields from `at` mark a town (flags hold m). */
function isTown(text: string, at: number, end: number): boolean {
  const c = text.indexOf('|', at); // after coords
  if (c < 0 || c >= end) return false;
  const p = text.indexOf('|', c + 1); // after pop
  if (p < 0 || p >= end) return false;
  return text.charCodeAt(p + 1) === 109; // m
}

/** The names a town line gives: its name, and the aliases field when present (name|…|aliases is field 10). */
function townAliases(text: string, at: number, end: number, name: string): string[] {
  let k = at;
  for (let f = 0; f < 9; f++) {
    k = text.indexOf('|', k) + 1;
    if (k <= 0 || k > end) return [name];
  }
  const next = text.indexOf('|', k);
  const field = text.slice(k, next < 0 || next > end ? end : next);
  return field === '' ? [name] : field === '~' ? [] : field.split('^').map((a) => a || name);
}

/** The id a line gives (field 7), worked out as decodeEntry does. */
function lineId(text: string, at: number): string {
  const end = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  const f = text.slice(at, end).split('|');
  const name = f[0] ?? '';
  const raw = f[6] ?? '';
  return raw === '' ? idSlug(name) : raw === '+' ? `${idSlug(name)}-${(f[1] ?? '').toLowerCase()}` : raw;
}

/**
 * One line of the data file as an entry. The format (the file's first line, written by
 * scripts/gazetteer/encode.ts): name|country|kind|lat,lon|pop|flags|id|wikidata|parents|aliases|
 * demonyms|roles|extras, with defaults left out (most entries are small cities: "Pokrovsk|UA||48.28,37.18|68|m").
 */
function decodeEntry(line: string, index: number): IndexedEntry {
  const [name = '', country = '', code = '', coords = '', pop = '', flags = '', rawId = '', wikidata = '', parents = '', aliases = '', demonyms = '', roles = '', extras = ''] = line.split('|');
  const id = rawId === '' ? idSlug(name) : rawId === '+' ? `${idSlug(name)}-${country.toLowerCase()}` : rawId;
  const entry: GazetteerEntry = {
    id,
    name,
    kind: (code ? (KINDS[code] ?? code) : 'city') as TagKind,
    parents: parents === '~' ? NONE : parents ? parentList(parents) : country && id !== country ? countryParents(country) : NONE,
    aliases: aliases === '' ? [name] : aliases === '~' ? NONE : aliases.split('^').map((a) => a || name),
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
  };
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
  const [of = '', role = '', from, to] = text.split(',');
  return { of, role, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** True when a role was held on the given day (ISO date or timestamp); every role counts without a date. */
export function roleHeld(role: Role, date: string | undefined): boolean {
  if (!date) return true;
  const day = date.slice(0, 10);
  return (!role.from || role.from <= day) && (!role.to || day < role.to);
}
