// Countries from world-countries, with the curated names it lacks (data/countries-extra.json).
import { slug } from '../../shared/tagging/chars';
import { countryPoints } from './shapes';
import { type Builder, readData, require } from './sources';

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
  latlng?: [number, number];
  ccn3?: string;
}

/** The curated additions to the country package. */
export interface CountriesExtra {
  subregionIds: Record<string, string>;
  extraParents: Record<string, string[]>;
  dropAliases: string[];
  countries: Record<string, { wikidata?: string; aliases?: string[]; demonyms?: string[] }>;
}

/** Reads data/countries-extra.json. */
export const countriesExtra = () => readData<CountriesExtra>('countries-extra.json');

/** Adds every country; returns the capitals as "Name|CC" keys. */
export function addCountries(b: Builder, extraData: CountriesExtra): Set<string> {
  // Sovereign states first: a territory that shares a demonym or name with one ("American" for the
  // Northern Mariana Islands, "French" for the French Southern Lands) must not take it from them.
  const world = [...(require('world-countries') as WorldCountry[])].sort((a, b) => Number(b.independent) - Number(a.independent) || a.cca2.localeCompare(b.cca2));
  const capitals = new Set<string>();
  const points = countryPoints();
  for (const c of world) {
    const extra = extraData.countries[c.cca2] ?? {};
    // Two-letter codes and "X, Republic of" forms read badly in text; a spelling the curated data gives
    // as a demonym is one ("Saudi authorities", "Saudi hospitals"), not a name of the place.
    const curatedDemonyms = new Set((extra.demonyms ?? []).map((d) => d.toLowerCase()));
    const alt = c.altSpellings.filter((a) => a.length > 3 && !/,/.test(a) && !curatedDemonyms.has(a.toLowerCase()));
    const rus = c.translations?.rus?.common;
    const demonym = c.demonyms?.eng?.m;
    const parents = [extraData.subregionIds[c.subregion] ?? extraData.subregionIds[c.region] ?? slug(c.region), ...(extraData.extraParents[c.cca2] ?? [])].filter(Boolean);
    b.add({
      id: c.cca2,
      name: c.name.common,
      country: c.cca2,
      wikidata: extra.wikidata,
      parents: [...new Set(parents)],
      aliases: b.unclaimed([c.name.common, c.name.official, ...alt, ...(rus ? [rus] : []), ...(extra.aliases ?? [])]),
      demonyms: b.unclaimed([...(demonym ? [demonym] : []), ...(extra.demonyms ?? [])]),
      lat: points.get(c.ccn3 ?? '')?.[0] ?? c.latlng?.[0],
      lon: points.get(c.ccn3 ?? '')?.[1] ?? c.latlng?.[1],
    }, 'country');
    if (c.capital?.[0]) capitals.add(`${c.capital[0]}|${c.cca2}`);
  }
  return capitals;
}
