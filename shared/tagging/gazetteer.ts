// The gazetteer as the tagger uses it: entries by id, parents, office holders' roles. Loaded from the
// one generated data file (scripts/build-gazetteer.ts), indexed once per process on first use.
import type { TagKind } from '../model';
import { KIND_CODES, slug } from './chars';
// A named import, so that bundles leave out the file's `about`.
import { entries as lines } from './data/gazetteer.generated.json';

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
  lines.forEach((line, index) => {
    const ie = decodeEntry(line, index);
    entries.push(ie);
    byId.set(ie.entry.id, ie);
  });
  loaded = { entries, byId };
  return loaded;
}

/**
 * One line of the data file as an entry. The format (the file's `about`, written by
 * scripts/build-gazetteer.ts) keeps the Lambda bundles small: name|country|kind|id|wikidata|
 * parents|aliases|demonyms|roles|extras, with defaults left out (most entries are cities: "Yantai|CN").
 */
function decodeEntry(line: string, index: number): IndexedEntry {
  const [name = '', country = '', code = '', rawId = '', wikidata = '', parents = '', aliases = '', demonyms = '', roles = '', extras = ''] = line.split('|');
  const id = rawId || slug(name);
  const entry: GazetteerEntry = {
    id,
    name,
    kind: (code ? (KINDS[code] ?? code) : 'city') as TagKind,
    parents: parents === '~' ? [] : parents ? parents.split(',') : country && id !== country ? [country] : [],
    aliases: aliases === '' ? [name] : aliases === '~' ? [] : aliases.split('^').map((a) => a || name),
  };
  if (country) entry.country = country;
  if (wikidata) entry.wikidata = wikidata;
  const ie: IndexedEntry = {
    index,
    entry,
    demonyms: demonyms ? demonyms.split('^') : [],
    roles: roles ? roles.split('^').map(decodeRole) : [],
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
