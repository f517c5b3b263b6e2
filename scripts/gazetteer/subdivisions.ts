// First-level subdivisions (iso-3166-2) of the countries whose states and provinces news names often.
import { aliasKey, type Builder, require } from './sources';

/** Adds the states and provinces of the US, Canada and Australia. */
export function addSubdivisions(b: Builder): void {
  const iso = require('iso-3166-2') as { country(code: string): { sub: Record<string, { name: string; type: string }> } };
  const ambiguousStates = new Set(['georgia', 'washington', 'new york']);
  for (const cc of ['US', 'CA', 'AU']) {
    for (const [code, s] of Object.entries(iso.country(cc).sub).sort(([a], [c]) => a.localeCompare(c))) {
      if (!/^(State|Province|Territory|District)$/.test(s.type)) continue;
      const id = code.toLowerCase();
      if (b.ids.has(id) || code === 'US-DC') continue;
      const key = aliasKey(s.name);
      // Georgia, Washington and New York share their name with a country or a city: the bare name goes
      // through the disambiguation rules; the unambiguous long forms are aliases.
      const aliases = ambiguousStates.has(key)
        ? [`${s.name} state`, `${s.name} State`, `state of ${s.name}`, `State of ${s.name}`]
        : [s.name];
      if (key === 'georgia') aliases.push('Georgia Tech', 'University of Georgia', 'Georgia Power');
      b.add({ id, name: s.name, country: cc, parents: [cc], aliases: b.unclaimed(aliases) }, 'region', !ambiguousStates.has(key));
    }
  }
}
