// Armed groups and state companies (data/armed-groups.json, data/companies.json): actors with a
// country. They come after the curated entries and before states and cities, so that a city never
// takes a group's name. `shortAliases` (RSF, SDF, IS) are marked: the tagger counts them only where
// the article also names the group by another alias.
import { aliasKey, type Builder, type CuratedEntry, readData } from './sources';

type ActorEntry = CuratedEntry & { shortAliases?: string[] };

/** Adds the armed groups and the state companies. */
export function addActors(b: Builder): void {
  for (const [file, kind] of [['armed-groups.json', 'armed-group'], ['companies.json', 'company']] as const) {
    for (const e of readData<{ entries: ActorEntry[] }>(file).entries) {
      const { shortAliases = [], ...rest } = e;
      // A company acts for its state (Gazprom → RU) unless it rolls up through a parent company.
      const parents = e.parents ?? (kind === 'company' && e.country ? [e.country] : []);
      b.add({ ...rest, aliases: [...(e.aliases ?? []), ...shortAliases], parents }, kind);
      const built = b.entries[b.entries.length - 1]!;
      built.parents = parents; // an armed group does not default to its country as a parent
      const short = shortAliases.map((s) => built.aliases.findIndex((a) => aliasKey(a) === aliasKey(s))).filter((i) => i >= 0);
      if (short.length) built.short = short;
    }
  }
}
