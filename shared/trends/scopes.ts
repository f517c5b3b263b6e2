// What is counted over time: each tag on its side and each rule. A scope is a short string that
// names one of them in the counter keys (shared/store/keys.ts trendCounter).
import type { Tag, TaggedArticle } from '../model';

/** The counted scope of a tag on one side: `r:UA`, `a:nato`. */
export function tagScope(side: 'actor' | 'region', id: string): string {
  return `${side === 'actor' ? 'a' : 'r'}:${id}`;
}

/** The counted scope of a rule's matches: `rule:md-surge`. */
export function ruleScope(ruleId: string): string {
  return `rule:${ruleId}`;
}

/** The scope that records which stories a novelty rule has already looked at. */
export function noveltyScope(ruleId: string): string {
  return `novel:${ruleId}`;
}

/** The side and tag id of a tag scope, or undefined for a rule scope. */
export function parseTagScope(scope: string): { side: 'actor' | 'region'; id: string } | undefined {
  const m = /^([ar]):(.+)$/.exec(scope);
  return m ? { side: m[1] === 'a' ? 'actor' : 'region', id: m[2]! } : undefined;
}

/**
 * The story an article belongs to: the story id the story clustering gives (DESIGN.md §5) when it
 * is there, else the normalised-title key every article carries.
 */
export function storyOf(a: TaggedArticle): string {
  return (a as TaggedArticle & { story?: string }).story || a.storyKey || a.id;
}

/** Every tag scope of an article: each actor and region once, roll-ups included. */
export function tagScopes(a: TaggedArticle): { scope: string; tag: Tag; side: 'actor' | 'region' }[] {
  const out = new Map<string, { scope: string; tag: Tag; side: 'actor' | 'region' }>();
  for (const tag of a.actors ?? []) out.set(tagScope('actor', tag.id), { scope: tagScope('actor', tag.id), tag, side: 'actor' });
  for (const tag of a.regions ?? []) out.set(tagScope('region', tag.id), { scope: tagScope('region', tag.id), tag, side: 'region' });
  return [...out.values()];
}
