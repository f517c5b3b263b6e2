// The gazetteer as the tagger uses it: entries by id, parents, office holders' roles. Loaded from the
// one generated data file (scripts/build-gazetteer.ts), indexed once per process on first use.
import type { TagKind } from '../model';
import data from './data/gazetteer.generated.json';

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
}

export interface Gazetteer {
  entries: IndexedEntry[];
  byId: Map<string, IndexedEntry>;
}

type Raw = [string, string, string, string, string, string[], string[]?, string[]?];
type RawRole = [string, string, string, string];

let loaded: Gazetteer | undefined;

/** The gazetteer, built from the generated data file on first call and kept for the process. */
export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const rows = (data as unknown as { entries: Raw[] }).entries;
  const roles = (data as unknown as { roles: Record<string, RawRole[]> }).roles;
  const entries: IndexedEntry[] = [];
  const byId = new Map<string, IndexedEntry>();
  rows.forEach((r, index) => {
    const [id, name, kind, country, wikidata, parents, aliases, demonyms] = r;
    const entry: GazetteerEntry = { id, name, kind: kind as TagKind, parents, aliases: aliases ?? [name] };
    if (country) entry.country = country;
    if (wikidata) entry.wikidata = wikidata;
    const ie: IndexedEntry = {
      index,
      entry,
      demonyms: demonyms ?? [],
      roles: (roles[id] ?? []).map(([of, role, from, to]) => ({ of, role, ...(from ? { from } : {}), ...(to ? { to } : {}) })),
    };
    entries.push(ie);
    byId.set(id, ie);
  });
  loaded = { entries, byId };
  return loaded;
}

/** True when a role was held on the given day (ISO date or timestamp); every role counts without a date. */
export function roleHeld(role: Role, date: string | undefined): boolean {
  if (!date) return true;
  const day = date.slice(0, 10);
  return (!role.from || role.from <= day) && (!role.to || day < role.to);
}
