// Coordinates for the curated places no package places: a region, macro-region or contested area gets
// the mean point of the places directly under it (Donbas from Donetsk and Luhansk oblasts; Eastern
// Europe from its countries), repeated until nothing changes, so macro-regions of macro-regions get one too.
import type { Builder } from './sources';

const PLACE_KINDS = new Set(['c', 'r', 'y', 'm']);

/** Gives every place entry without coordinates the mean point of its children that have some. */
export function fillCoordinates(b: Builder): void {
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
