// Country points from Natural Earth shapes (world-atlas, countries-50m): the centroid of each
// country's largest landmass, which is where a reader (and an encyclopaedia's coordinates) puts the
// country; the centroid of all its parts would fall in the sea for the US (Alaska, Hawaii) or France
// (its overseas departments). world-countries' own point is the fallback for the few shapes missing.
import fs from 'node:fs';
import { require } from './sources';

interface Polygon { type: 'Polygon'; coordinates: number[][][] }
type Geometry = Polygon | { type: 'MultiPolygon'; coordinates: number[][][][] } | { type: string; coordinates?: unknown };
const { geoArea, geoCentroid } = require('d3-geo') as { geoArea(g: Polygon): number; geoCentroid(g: Polygon): [number, number] };
const { feature } = require('topojson-client') as { feature(topo: unknown, o: unknown): { features: { id?: string | number; geometry: Geometry | null }[] } };

/** Latitude and longitude of each country's largest landmass centroid, by ISO 3166-1 numeric code. */
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
    if (g.type === 'Polygon') {
      polygon = g as Polygon;
      const a = geoArea(polygon);
      best = Math.min(a, 4 * Math.PI - a);
    }
    else if (g.type === 'MultiPolygon') {
      for (const coordinates of g.coordinates as number[][][][]) {
        const p: Polygon = { type: 'Polygon', coordinates };
        // A ring wound the other way measures the rest of the sphere: take the smaller reading, and
        // leave out rings that still measure more than any country (degenerate ones near the poles).
        const a = geoArea(p);
        const area = Math.min(a, 4 * Math.PI - a);
        if (area > best && area < 1) {
          best = area;
          polygon = p;
        }
      }
    }
    const id = String(f.id).padStart(3, '0');
    if (!polygon || best <= (areas.get(id) ?? -1)) continue;
    const [lon, lat] = geoCentroid(polygon);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    out.set(id, [lat, lon]);
    areas.set(id, best);
  }
  return out;
}
