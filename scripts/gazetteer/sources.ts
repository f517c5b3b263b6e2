// What every source module of the gazetteer builder shares: the data folder, the curated files, the
// alias key, and the Builder that collects entries in priority order (an alias claimed by an entry
// of higher priority is not given to a later one).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { KIND_CODES } from '../../shared/tagging/chars';

/** `require` for the data packages (CommonJS JSON and modules). */
export const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.resolve(here, '../../shared/tagging/data');

/** A role of an office holder: [what they lead (tag id), role, from, to]. */
export type RawRole = [of: string, role: string, from: string, to: string];

/** One gazetteer entry as built, before encoding: exactly what the loader (shared/tagging/gazetteer.ts) gives back. */
export interface BuiltEntry {
  id: string;
  name: string;
  /** One letter (KIND_CODES). */
  kind: string;
  /** ISO 3166-1 alpha-2, or ''. */
  country: string;
  /** Wikidata id, or ''. */
  wikidata: string;
  parents: string[];
  aliases: string[];
  demonyms: string[];
  roles: RawRole[];
  /** A representative point (WGS84 degrees), NaN when no source gives one. */
  lat: number;
  lon: number;
  /** Population in thousands (0: unknown), the prior between places of one name. */
  pop: number;
  /** The name is matched only with support in the article (a small place, a common word). */
  minor: boolean;
  /** The name is an everyday English word ("Reading", "Split"): it needs strong support. */
  common: boolean;
  /** The entry is its country's capital (set by translations.ts). */
  capital?: boolean;
  /** Aliases whose case forms the matcher generates in a Latin-script language: [alias index, language] (translations.ts). */
  inflect?: [number, string][];
  /** Indices of aliases that count only where the article also names the entry otherwise (actors.ts). */
  short?: number[];
  /** The package town whose point the entry takes when nothing else gives one (coordinates.ts). */
  seat?: [string, string];
}

/** An entry as the curated data files write it. */
export interface CuratedEntry {
  id: string;
  name: string;
  kind?: string;
  country?: string;
  wikidata?: string;
  parents?: string[];
  aliases?: string[];
  demonyms?: string[];
  roles?: { of: string; role: string; from?: string; to?: string }[];
  lat?: number;
  lon?: number;
  pop?: number;
  minor?: boolean;
  common?: boolean;
  /** For a curated area no package places and no place under it locates: its main town, by the package's name, and country ("Sokhumi", "GE"). */
  seat?: [string, string];
}

/** Reads one curated data file of shared/tagging/data. */
export const readData = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8')) as T;

/** The key an alias is compared by when the builder checks for collisions (the matcher's own key). */
export const aliasKey = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Collects entries in priority order: ids are unique, and an alias key goes to the first entry that claims it. */
export class Builder {
  readonly entries: BuiltEntry[] = [];
  readonly ids = new Set<string>();
  /** Alias keys already given to an entry of higher priority. */
  readonly claimed = new Set<string>();
  readonly byId = new Map<string, BuiltEntry>();
  private readonly drop: Set<string>;
  constructor(dropAliases: string[]) {
    this.drop = new Set(dropAliases.map(aliasKey));
  }
  /** Adds an entry; `nameIsAlias: false` for a name that must go through the disambiguation rules (Georgia the state). */
  add(e: CuratedEntry, kind: string, nameIsAlias = true, claim = true): BuiltEntry {
    if (this.ids.has(e.id)) throw new Error(`duplicate gazetteer id ${e.id}`);
    this.ids.add(e.id);
    const aliases = [...new Set([...(nameIsAlias ? [e.name] : []), ...(e.aliases ?? [])])].filter((a) => a && !this.drop.has(aliasKey(a)));
    const demonyms = [...new Set(e.demonyms ?? [])].filter((a) => a && !this.drop.has(aliasKey(a)));
    if (claim) for (const a of [...aliases, ...demonyms]) this.claimed.add(aliasKey(a));
    // A place's parent defaults to its country (the loader has always read it so).
    const parents = e.parents?.length || !e.country || e.id === e.country ? (e.parents ?? []) : [e.country];
    const roles = (e.roles ?? []).map((r): RawRole => [r.of, r.role, r.from ?? '', r.to ?? '']);
    const built: BuiltEntry = {
      id: e.id, name: e.name, kind: KIND_CODES[kind] ?? kind, country: e.country ?? '', wikidata: e.wikidata ?? '', parents, aliases, demonyms, roles,
      lat: e.lat ?? NaN, lon: e.lon ?? NaN, pop: e.pop ?? 0, minor: e.minor ?? false, common: e.common ?? false,
    };
    if (e.seat) built.seat = e.seat;
    this.entries.push(built);
    this.byId.set(built.id, built);
    return built;
  }
  /** The names of `list` that no entry has claimed yet. */
  unclaimed(list: string[]): string[] {
    return list.filter((a) => !this.claimed.has(aliasKey(a)));
  }
}
