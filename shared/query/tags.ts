// lookupTags: a name to its gazetteer entry, with near names (GET /tags?q=).
import { QueryError } from './errors';
import { defaultResolver, type TagResolver } from './names';

/** The answer to "what tag is this name?". */
export interface TagLookup {
  query: string;
  tag: { id: string; name: string; kind: string } | null;
  suggestions: string[];
}

/** Resolves a name, id or code; `suggestions` lists near names either way. */
export async function lookupTags(q: string | undefined, deps: { resolver?: TagResolver } = {}): Promise<TagLookup> {
  const query = q?.trim() ?? '';
  if (!query) throw new QueryError('q is required: a name, tag id or ISO code, e.g. q=Black Sea', { field: 'q' });
  if (query.length > 200) throw new QueryError(`q is too long (${query.length} characters)`, { field: 'q' });
  const resolver = deps.resolver ?? (await defaultResolver());
  const entry = resolver.resolve(query);
  return { query, tag: entry ?? null, suggestions: resolver.suggest(query, 5) };
}
