// The gazetteer as the tagger uses it: entries by id, parents, coordinates, office holders' roles.
// Loaded from the one generated data file (scripts/build-gazetteer.ts), read once per process on first
// use. The file is not part of any JavaScript bundle (140,000 places are 5.6 MB): it ships beside the
// bundle (docs/DEPLOY.md), and is found there, or through NEWS_MONITOR_GAZETTEER, or in the source tree.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TagKind } from '../model';
import { KIND_CODES, slug } from './chars';

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

export interface Gazetteer {
  entries: IndexedEntry[];
  byId: Map<string, IndexedEntry>;
}

let loaded: Gazetteer | undefined;

/** The gazetteer, built from the generated data file on first call and kept for the process. */
export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const entries: IndexedEntry[] = [];
  const byId = new Map<string, IndexedEntry>();
  const text = fs.readFileSync(gazetteerPath(), 'utf8');
  // The first line describes the format; one entry a line follows.
  for (let at = text.indexOf('\n') + 1, index = 0; at < text.length; index++) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const ie = decodeEntry(text.slice(at, end), index);
    entries.push(ie);
    byId.set(ie.entry.id, ie);
    at = end + 1;
  }
  loaded = { entries, byId };
  return loaded;
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
    parents: parents === '~' ? NONE : parents ? parents.split(',') : country && id !== country ? countryParents(country) : NONE,
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
