// The map drawn on the server: Natural Earth country shapes (world-atlas, TopoJSON) projected with
// d3-geo into SVG path strings once per process, keyed by ISO 3166-1 alpha-2 (world-countries maps
// the atlas's numeric codes). No map tile or script reaches the browser: the page is plain SVG.
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** One country's outline on the map. */
export interface CountryShape {
  /** ISO 3166-1 alpha-2, or '' for an area the atlas gives no code. */
  code: string;
  name: string;
  d: string;
}

/** The projected map: its size, the country outlines and a projection for points. */
export interface WorldMap {
  width: number;
  height: number;
  countries: CountryShape[];
  /** [x, y] on the map of a point in degrees, or undefined when it falls outside. */
  project(lon: number, lat: number): [number, number] | undefined;
  /** Country names by alpha-2 code (for the table beside the map). */
  names: Map<string, string>;
}

const require = createRequire(import.meta.url);
const WIDTH = 960;
const HEIGHT = 470;
let cached: WorldMap | undefined;

/** The world map, projected on first use (≈ 100 KB of path data from the 1:110m atlas). */
export function worldMap(): WorldMap {
  if (cached) return cached;
  const topo = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const byNumeric = new Map<string, { cca2: string; name: string }>();
  for (const c of require('world-countries') as { ccn3: string; cca2: string; name: { common: string } }[]) if (c.ccn3) byNumeric.set(c.ccn3, { cca2: c.cca2, name: c.name.common });
  const shapes = feature(topo, topo.objects.countries);
  const projection: GeoProjection = geoEqualEarth().fitSize([WIDTH, HEIGHT], shapes);
  const path = geoPath(projection).digits(1);
  const countries: CountryShape[] = [];
  const names = new Map<string, string>();
  for (const f of shapes.features) {
    const c = byNumeric.get(String(f.id ?? ''));
    const d = path(f);
    if (!d) continue;
    // Areas without an ISO code in the atlas (N. Cyprus, Somaliland, Kosovo) are drawn, never shaded.
    countries.push({ code: c?.cca2 ?? '', name: c?.name ?? f.properties?.name ?? '', d });
  }
  for (const c of byNumeric.values()) names.set(c.cca2, c.name);
  cached = {
    width: WIDTH,
    height: HEIGHT,
    countries,
    names,
    project: (lon, lat) => {
      const p = projection([lon, lat]);
      return p && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10] : undefined;
    },
  };
  return cached;
}
