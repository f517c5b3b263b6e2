// Subdivisions: the states and provinces of the US, Canada and Australia (iso-3166-2, with the rules for
// Georgia, Washington and New York), then every subdivision country-state-city lists for every country
// (first-level units everywhere, and the second-level ones it carries, such as England's counties), with
// coordinates. A curated region that names the same subdivision (Donetsk Oblast, "Donetska oblast" in the
// package) takes its place and its coordinates. The English name the Unicode CLDR gives each ISO 3166-2
// code (cldr-subdivisions-full) is an alias beside the package's, which is often the local form: "West Java"
// beside "Jawa Barat", "Guangxi" beside "Guangxi Zhuang", "Kasaï-Occidental" beside nothing.
import { distance } from 'fastest-levenshtein';
import { aliasKey, type Builder, type BuiltEntry, readData, require } from './sources';

interface CscState { name: string; isoCode: string; countryCode: string; latitude: string | null; longitude: string | null }

/** The curated additions to the subdivision packages. */
export interface SubdivisionsExtra {
  typeWords: string[];
  genericWords: string[];
  aliases: Record<string, string[]>;
}

/** Subdivisions by "CC|code" (the package's ISO 3166-2 code without the country), the ids they were given. */
export type SubdivisionCodes = Map<string, string>;

/** CLDR's English subdivision names by lower-case ISO 3166-2 code without the hyphen ("idjb" → "West Java"). */
export function cldrSubdivisionNames(): Map<string, string> {
  const j = require('cldr-subdivisions-full/subdivisions/en/en.json') as { subdivisions: { localeDisplayNames: { subdivisions: Record<string, string> } } };
  return new Map(Object.entries(j.subdivisions.localeDisplayNames.subdivisions));
}

const coord = (s: string | null) => (s === null || s === '' || !Number.isFinite(Number(s)) ? NaN : Number(s));

/** Adds the subdivisions; returns their ids by code, for the cities to link to. */
export function addSubdivisions(b: Builder): SubdivisionCodes {
  const extra = readData<SubdivisionsExtra>('subdivisions-extra.json');
  const codes: SubdivisionCodes = new Map();
  const csc = (require('country-state-city') as { State: { getAllStates(): CscState[] } }).State.getAllStates();
  const cscByCode = new Map(csc.map((s) => [`${s.countryCode}|${s.isoCode}`, s]));
  const place = (e: BuiltEntry, s: CscState | undefined) => {
    if (s && Number.isNaN(e.lat)) {
      e.lat = coord(s.latitude);
      e.lon = coord(s.longitude);
    }
  };
  const typeWords = new RegExp(`\\s+(?:${extra.typeWords.join('|')})$`, 'i');
  const generic = new Set(extra.genericWords.map(aliasKey));
  const cldr = cldrSubdivisionNames();
  /** CLDR's English name of a unit, when it differs from the package's; footnote marks ("Rakvere²") dropped. */
  const english = (cc: string, code: string, name: string) => {
    const n = cldr.get(`${cc}${code}`.toLowerCase().replace(/[^a-z0-9]/g, ''))?.replace(/[\u00b2\u00b3\u00b9\u2070-\u209f]+$/u, '');
    return n && aliasKey(n) !== aliasKey(name) ? n : undefined;
  };
  /** The name without its type word ("Bulacan Province" → "Bulacan"), when that still reads as a name. */
  const short = (name: string) => {
    const s = name.replace(typeWords, '');
    return s !== name && s.length >= 4 && !generic.has(aliasKey(s)) ? s : undefined;
  };

  // 1. iso-3166-2 for the US, Canada and Australia, as before.
  const iso = require('iso-3166-2') as { country(code: string): { sub: Record<string, { name: string; type: string }> } };
  const ambiguousStates = new Set(['georgia', 'washington', 'new york']);
  for (const cc of ['US', 'CA', 'AU']) {
    for (const [code, s] of Object.entries(iso.country(cc).sub).sort(([a], [c]) => a.localeCompare(c))) {
      if (!/^(State|Province|Territory|District)$/.test(s.type)) continue;
      const id = code.toLowerCase();
      if (b.ids.has(id) || code === 'US-DC') continue;
      const key = aliasKey(s.name);
      // Georgia, Washington and New York share their name with a country or a city: the bare name goes
      // through the disambiguation rules; the unambiguous long forms are aliases.
      const aliases = ambiguousStates.has(key)
        ? [`${s.name} state`, `${s.name} State`, `state of ${s.name}`, `State of ${s.name}`]
        : [s.name];
      if (key === 'georgia') aliases.push('Georgia Tech', 'University of Georgia', 'Georgia Power');
      aliases.push(...(extra.aliases[code] ?? []));
      const e = b.add({ id, name: s.name, country: cc, parents: [cc], aliases: b.unclaimed(aliases) }, 'region', !ambiguousStates.has(key));
      const local = code.slice(3);
      codes.set(`${cc}|${local}`, id);
      place(e, cscByCode.get(`${cc}|${local}`));
    }
  }

  // 2. A curated region of the same country whose name is within two edits of the package's is that
  //    subdivision ("Donetsk Oblast" and "Donetska oblast"), as is one whose short name the package's
  //    makes an adjective of ("Kharkiv Oblast" and "Kharkivska oblast", "Sumy" and "Sumska", "Rivne"
  //    and "Rivnenska": the Slavic "-ska", "-skaya" of a unit named after its city).
  const curated = b.entries.filter((e) => (e.kind === 'r' || e.kind === 'y') && e.country);
  const byCountry = new Map<string, BuiltEntry[]>();
  for (const e of curated) byCountry.set(e.country, [...(byCountry.get(e.country) ?? []), e]);
  const sorted = [...csc].sort((x, y) => x.countryCode.localeCompare(y.countryCode) || x.isoCode.localeCompare(y.isoCode));
  for (const s of sorted) {
    const k = `${s.countryCode}|${s.isoCode}`;
    if (codes.has(k)) continue;
    const names = [s.name, short(s.name)].filter((n): n is string => !!n).map(aliasKey);
    // A region first: the unit named after its city ("Zaporizka oblast") is the oblast, not the city;
    // a curated city only for a city that is a unit itself (Kyiv, Sevastopol).
    const fits = (e: BuiltEntry) =>
      [e.name, ...e.aliases].some((a) => names.some((n) => (Math.abs(n.length - aliasKey(a).length) <= 2 && distance(n, aliasKey(a)) <= (n.length >= 8 ? 2 : 0)) || (e.kind === 'r' && adjectiveOf(n, short(a) ?? a))));
    const candidates = byCountry.get(s.countryCode) ?? [];
    const same = candidates.find((e) => e.kind === 'r' && fits(e)) ?? candidates.find((e) => e.kind !== 'r' && fits(e));
    if (same) {
      codes.set(k, same.id);
      place(same, s);
    }
  }

  // 3. Every other subdivision of country-state-city. They claim no names: a city of the same name
  //    stays a candidate, and the article decides (Cornwall the county or the Ontario city).
  for (const s of sorted) {
    const k = `${s.countryCode}|${s.isoCode}`;
    if (codes.has(k) || !b.ids.has(s.countryCode)) continue;
    const id = `${s.countryCode}-${s.isoCode}`.toLowerCase().replace(/[^a-z0-9-]+/g, '');
    if (b.ids.has(id)) continue;
    // A unit named only "West" or "Central" (Cameroon's, Ghana's regions) is never read from its name alone.
    const en = english(s.countryCode, s.isoCode, s.name);
    const names = [s.name, short(s.name), en, en && short(en), ...(extra.aliases[`${s.countryCode}-${s.isoCode}`] ?? [])];
    const aliases = b.unclaimed([...new Set(names.filter((a): a is string => !!a && !generic.has(aliasKey(a))))]);
    if (!aliases.length) continue;
    const e = b.add({ id, name: s.name, country: s.countryCode, parents: [s.countryCode], aliases }, 'region', true, false);
    codes.set(k, id);
    place(e, s);
  }
  return codes;
}

/**
 * True when `pkg` (an alias key) is the adjective of `name` that Slavic units named after their city
 * take: the name, or the name without its final vowel, then "ska", "nska", "skaya", "skyi", "skiy"
 * ("kharkivska" of Kharkiv, "sumska" of Sumy, "rivnenska" of Rivne).
 */
function adjectiveOf(pkg: string, name: string): boolean {
  const key = aliasKey(name);
  if (key.length < 4) return false;
  const stems = /[aeiouy]$/.test(key) ? [key, key.slice(0, -1)] : [key];
  return stems.some((st) => pkg.startsWith(st) && /^n?s'?k(?:a|aya|yi|iy|y)$/.test(pkg.slice(st.length)));
}
