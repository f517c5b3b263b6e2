// Country points from Natural Earth shapes (world-atlas, countries-50m): for a country with one
// dominant landmass (at least DOMINANT of its land), the centroid of that landmass, where a reader puts
// the country (the centroid of all its parts falls in the sea for the US, with Alaska and Hawaii; the
// factbook point of world-countries lies 260 km off the contiguous states' centre). An archipelago
// (Indonesia, the Philippines, New Zealand) keeps world-countries' factbook point: the centroid of its
// largest island would be one island's.
import fs from 'node:fs';
import { require } from './sources';

interface Polygon { type: 'Polygon'; coordinates: number[][][] }
type Geometry = Polygon | { type: 'MultiPolygon'; coordinates: number[][][][] } | { type: string; coordinates?: unknown };
const { geoArea, geoCentroid } = require('d3-geo') as { geoArea(g: Polygon): number; geoCentroid(g: Polygon): [number, number] };
const { feature } = require('topojson-client') as { feature(topo: unknown, o: unknown): { features: { id?: string | number; geometry: Geometry | null }[] } };

/** Share of a country's land its largest landmass must hold for its centroid to be the country's point. */
const DOMINANT = 0.75;

/** Latitude and longitude of the largest landmass centroid of each country that has a dominant one, by ISO 3166-1 numeric code. */
export function countryPoints(): Map<string, [number, number]> {
  const topo = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as { objects: { countries: unknown } };
  const fc = feature(topo, topo.objects.countries);
  const out = new Map<string, [number, number]>();
  // Some territories carry their country's code (Ashmore and Cartier Islands: 036): the largest shape wins.
  const areas = new Map<string, number>();
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g || f.id === undefined) continue;
    let polygon: Polygon | undefined;
    let best = -1;
    let total = 0;
    if (g.type === 'Polygon') {
      polygon = g as Polygon;
      const a = geoArea(polygon);
      best = total = Math.min(a, 4 * Math.PI - a);
    }
    else if (g.type === 'MultiPolygon') {
      for (const coordinates of g.coordinates as number[][][][]) {
        const p: Polygon = { type: 'Polygon', coordinates };
        // A ring wound the other way measures the rest of the sphere: take the smaller reading, and
        // leave out rings that still measure more than any country (degenerate ones near the poles).
        const a = geoArea(p);
        const area = Math.min(a, 4 * Math.PI - a);
        if (area < 1) total += area;
        if (area > best && area < 1) {
          best = area;
          polygon = p;
        }
      }
    }
    const id = String(f.id).padStart(3, '0');
    if (!polygon || best <= (areas.get(id) ?? -1)) continue;
    areas.set(id, best);
    if (best < DOMINANT * total) {
      out.delete(id);
      continue;
    }
    const [lon, lat] = geoCentroid(polygon);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    out.set(id, [lat, lon]);
  }
  return out;
}
