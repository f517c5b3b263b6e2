// Tag terms name a tag by id, ISO code, name or alias ("RU", "Russia", "Black Sea", "nato"); the
// gazetteer (shared/tagging) turns that into the id the article's tag lists carry.
import type { TagKind } from '../model';
import { resolveTag, suggestTags } from '../tagging';
import type { RuleNode, TagSide } from './ast';
import { QuerySyntaxError } from './errors';

/** What the resolver needs from the gazetteer; injectable so the parser can be tested alone. */
export interface TagLookup {
  resolve(nameIdOrCode: string): { id: string; name: string; kind: TagKind } | undefined;
  suggest(name: string, limit?: number): string[];
}

/** The gazetteer of shared/tagging. */
export const gazetteerLookup: TagLookup = { resolve: resolveTag, suggest: suggestTags };

// Kinds a side can never hold: such a term could never match, so it is an error rather than a silent miss.
const IMPOSSIBLE: Record<Exclude<TagSide, 'any'>, TagKind[]> = {
  actor: ['sea', 'macro-region'],
  region: ['person', 'organization'],
};

/** Fills in the id of every tag term; returns one error per term that names no known tag. */
export function resolveTerms(node: RuleNode, lookup: TagLookup): QuerySyntaxError[] {
  const errors: QuerySyntaxError[] = [];
  const visit = (n: RuleNode): void => {
    if (n.type === 'and' || n.type === 'or') n.children.forEach(visit);
    else if (n.type === 'not' || n.type === 'sent') visit(n.child);
    else if (n.type === 'near') [n.left, n.right].forEach(visit);
    else if (n.type === 'mentions') visit(n.term);
    else if (n.type === 'tag') {
      const entry = lookup.resolve(n.value);
      const label = n.side === 'any' ? 'tag' : n.side;
      if (!entry) {
        const near = lookup.suggest(n.value, 3);
        const hint = near.length ? ` (did you mean ${near.map((s) => `"${s}"`).join(', ')}?)` : '';
        errors.push(new QuerySyntaxError(`unknown ${label} "${n.value}"${hint}`, n.column));
      } else if (n.side !== 'any' && IMPOSSIBLE[n.side].includes(entry.kind)) {
        errors.push(new QuerySyntaxError(`${entry.name} (${entry.kind}) is never ${n.side === 'actor' ? 'an actor' : 'a region'} of an article (use ${n.side === 'actor' ? 'region' : 'actor'}: or tag:)`, n.column));
      } else {
        n.id = entry.id;
        n.kind = entry.kind;
      }
    }
  };
  visit(node);
  return errors;
}
