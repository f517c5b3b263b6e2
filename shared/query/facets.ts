// Tag facets: how many of a set of articles carry each tag, for the filters beside a listing.
import type { TaggedArticle } from '../model';
import type { TagSide } from '../store';

/** One facet value: a tag, its side, and the number of the given articles that carry it. */
export interface Facet {
  side: TagSide;
  id: string;
  name: string;
  kind: string;
  count: number;
}

/**
 * Counts the tags of `articles` per side, most frequent first (then by name), at most `limit` per
 * side. Roll-ups count like found tags: an article about Donetsk is also about Ukraine.
 */
export function tagFacets(articles: readonly TaggedArticle[], limit = 12): { actors: Facet[]; regions: Facet[] } {
  const count = (side: TagSide, pick: (a: TaggedArticle) => TaggedArticle['actors']) => {
    const by = new Map<string, Facet>();
    for (const a of articles) {
      for (const t of new Map((pick(a) ?? []).map((t) => [t.id, t])).values()) {
        const f = by.get(t.id);
        if (f) f.count++;
        else by.set(t.id, { side, id: t.id, name: t.name, kind: t.kind, count: 1 });
      }
    }
    return [...by.values()].sort((x, y) => y.count - x.count || x.name.localeCompare(y.name)).slice(0, limit);
  };
  return { actors: count('actor', (a) => a.actors), regions: count('region', (a) => a.regions) };
}
