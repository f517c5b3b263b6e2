// Actor and region names to tag ids through the gazetteer: "NATO", "RU", "Black Sea", "Kiev" or an id.
import type { TagKind } from '../model';
import type { TagFilter, TagSide } from '../store';
import { QueryError } from './errors';

/** What the query module needs from the gazetteer (shared/tagging by default; tests hand in their own). */
export interface TagResolver {
  resolve(nameIdOrCode: string): { id: string; name: string; kind: TagKind } | undefined;
  suggest(name: string, limit?: number): string[];
}

/** The gazetteer of shared/tagging, loaded on first use (a page turned by cursor alone never loads it). */
export async function defaultResolver(): Promise<TagResolver> {
  const tagging = await import('../tagging');
  return { resolve: (n) => tagging.resolveTag(n), suggest: (n, l) => tagging.suggestTags(n, l) };
}

/** A resolved tag with its kind (kinds rank how selective a listing is). */
export interface ResolvedTag extends TagFilter {
  kind: TagKind;
  name: string;
}

const MAX_TAGS = 10;
const ACTOR_KINDS = new Set<string>(['organization', 'institution', 'person', 'armed-group', 'company']);

/** Resolves every name of one side; an unknown one is a QueryError that suggests near names. */
export function resolveNames(names: string[], side: TagSide, resolver: TagResolver): ResolvedTag[] {
  if (names.length > MAX_TAGS) throw new QueryError(`at most ${MAX_TAGS} ${side}s, got ${names.length}`, { field: side });
  const out: ResolvedTag[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name) throw new QueryError(`an empty ${side} name`, { field: side });
    if (name.length > 200) throw new QueryError(`${side} name is too long (${name.length} characters)`, { field: side });
    const entry = resolver.resolve(name);
    if (!entry) {
      const near = resolver.suggest(name, 5).filter((s) => s.toLowerCase() !== name.toLowerCase());
      const hint = near.length ? `; did you mean ${near.map((s) => `"${s}"`).join(', ')}?` : ': not a tag id, ISO code or known name';
      throw new QueryError(`unknown ${side} "${name}"${hint}`, { field: side });
    }
    // The tagger lists organisations, institutions and people as actors only, places as regions only, countries as both.
    const actorOnly = ACTOR_KINDS.has(entry.kind);
    if (side === 'actor' ? !actorOnly && entry.kind !== 'country' : actorOnly) {
      throw new QueryError(`"${name}" (${entry.name}) is ${/^[aeiou]/.test(entry.kind) ? 'an' : 'a'} ${entry.kind}: ask for it as ${side === 'actor' ? 'a region' : 'an actor'}`, { field: side });
    }
    if (!out.some((t) => t.id === entry.id)) out.push({ side, id: entry.id, kind: entry.kind, name: entry.name });
  }
  return out;
}

// Narrow kinds first: a person or a province has far fewer articles than a country or a
// macro-region, so walking its listing and filtering on the others reads the fewest items.
const SELECTIVITY: Record<string, number> = { person: 0, institution: 1, city: 2, region: 3, organization: 4, sea: 5, country: 6, 'macro-region': 7 };

/** The tag whose listing a query walks: the most selective one by kind (regions before actors on a tie). */
export function mostSelective(tags: ResolvedTag[]): ResolvedTag | undefined {
  return [...tags].sort((a, b) => (SELECTIVITY[a.kind] ?? 3) - (SELECTIVITY[b.kind] ?? 3) || (a.side === b.side ? 0 : a.side === 'region' ? -1 : 1))[0];
}
