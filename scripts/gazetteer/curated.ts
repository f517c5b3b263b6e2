// The curated entries: regions, seas and contested areas, organisations, institutions, office
// holders and the cities the package lacks. They win over package cities and states.
import { type Builder, type CuratedEntry, readData } from './sources';

/** Adds the entries of the curated data files (cities-extra.json's `add` included). */
export function addCurated(b: Builder, cityAdds: CuratedEntry[]): void {
  const entries = (file: string) => readData<{ entries: CuratedEntry[] }>(file).entries;
  for (const r of entries('regions.json')) b.add(r, r.kind ?? 'region');
  for (const o of entries('organizations.json')) b.add(o, o.kind ?? 'organization');
  for (const i of entries('institutions.json')) b.add({ ...i, parents: i.parents ?? (i.country ? [i.country] : []) }, 'institution');
  for (const p of entries('people.json')) b.add(p, 'person');
  for (const c of cityAdds) b.add({ ...c, parents: c.parents ?? [c.country!] }, 'city');
}
