// US counties from the Census Bureau's shapes (us-atlas, counties-10m): local news names them all the
// time ("Santa Clara County", "Scott County, Indiana", "Jefferson Parish"), and 30 states have a
// Washington County, so each is a unit that needs support like any other (its state named, a place
// near it). Only the full name is an alias ("Scott County", never "Scott"); the point is the centroid
// of the county's shape. Left out: Alaska's boroughs and census areas, the territories, and the
// independent cities (county codes 500 and up: Baltimore, St. Louis, Virginia's cities), which are
// towns already.
import fs from 'node:fs';
import { slug } from '../../shared/tagging/chars';
import { type Builder, type BuiltEntry, require } from './sources';

interface Topo { objects: { counties: { geometries: { id: string; properties: { name: string } }[] }; states: { geometries: { id: string; properties: { name: string } }[] } } }
const { geoCentroid } = require('d3-geo') as { geoCentroid(g: unknown): [number, number] };
const { feature } = require('topojson-client') as { feature(topo: unknown, o: unknown): { features: { id?: string; properties: { name: string }; geometry: unknown }[] } };

/** State FIPS codes whose county-level units are not counties of that name, or are not states. */
const LEFT_OUT = new Set(['02', '11', '60', '66', '69', '72', '78']);
/** What a state calls its counties, where it is not "County". */
const TYPE_WORD: Record<string, string> = { '22': 'Parish' };

/** Adds every US county, under its state (after the states and towns, claiming no names). */
export function addCounties(b: Builder): void {
  const topo = JSON.parse(fs.readFileSync(require.resolve('us-atlas/counties-10m.json'), 'utf8')) as Topo;
  const stateIds = new Map<string, string>();
  for (const s of topo.objects.states.geometries) {
    const e = b.entries.find((x) => x.kind === 'r' && x.country === 'US' && x.name === s.properties.name && /^us-[a-z]{2}$/.test(x.id));
    if (e) stateIds.set(s.id, e.id);
  }
  const byState = new Map<string, BuiltEntry[]>();
  const counties = feature(topo, topo.objects.counties).features.sort((x, y) => String(x.id).localeCompare(String(y.id)));
  for (const c of counties) {
    const fips = String(c.id);
    const st = fips.slice(0, 2);
    const state = stateIds.get(st);
    if (!state || LEFT_OUT.has(st) || Number(fips.slice(2)) >= 500) continue;
    const name = `${c.properties.name} ${TYPE_WORD[st] ?? 'County'}`;
    const id = `${state}-${slug(name)}`;
    if (b.ids.has(id)) continue;
    const [lon, lat] = geoCentroid(c.geometry);
    const e = b.add({ id, name, country: 'US', parents: [state], aliases: [name], lat, lon, minor: true }, 'region', true, false);
    let l = byState.get(state);
    if (!l) byState.set(state, (l = []));
    l.push(e);
  }
  // The population prior between counties of one name (eight Orange Counties): the towns of the state
  // whose centre is nearest to each county's, added up (an estimate; the shapes carry no population).
  for (const t of b.entries) {
    if (t.kind !== 'y' || t.country !== 'US' || !t.pop) continue;
    const l = byState.get(t.parents[0] ?? '');
    if (!l) continue;
    let best: BuiltEntry | undefined;
    let bestD = Infinity;
    const cos = Math.cos((t.lat * Math.PI) / 180);
    for (const c of l) {
      const d = (c.lat - t.lat) ** 2 + ((c.lon - t.lon) * cos) ** 2;
      if (d < bestD) [best, bestD] = [c, d];
    }
    if (best) best.pop += t.pop;
  }
}
