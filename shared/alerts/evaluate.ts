// Evaluates a resolved syntax tree against one article and collects why it matched.
import type { RuleNode } from './ast';
import type { ArticleText } from './article-text';

/** What made a rule match: the words as the article wrote them, the tag ids, the feed. */
export interface Evidence {
  words: string[];
  tags: string[];
  feeds: string[];
}

/**
 * True when the node matches. Evidence is pushed only by terms that contributed to a match: an AND
 * that fails takes back what its children pushed, and nothing under a NOT counts as a reason.
 */
export function evaluate(node: RuleNode, t: ArticleText, ev: Evidence): boolean {
  switch (node.type) {
    case 'and': {
      const mark = marks(ev);
      for (const c of node.children) {
        if (!evaluate(c, t, ev)) {
          rewind(ev, mark);
          return false;
        }
      }
      return true;
    }
    case 'or': {
      // Every branch is tried (no short cut) so that the reasons list all the alternatives found.
      let any = false;
      for (const c of node.children) if (evaluate(c, t, ev)) any = true;
      return any;
    }
    case 'not':
      return !evaluate(node.child, t, { words: [], tags: [], feeds: [] });
    case 'tag': {
      const id = node.id;
      if (id === undefined) return false;
      const hit = node.salient ? t.salient.has(id) : (node.side !== 'region' && t.actors.has(id)) || (node.side !== 'actor' && t.regions.has(id));
      if (hit) ev.tags.push(id);
      return hit;
    }
    case 'feed': {
      const hit = t.feed === node.name.toLowerCase();
      if (hit) ev.feeds.push(node.name);
      return hit;
    }
    case 'words':
      return matchWords(node.tokens, node.prefix, t, ev);
  }
}

function matchWords(words: string[], prefix: boolean, t: ArticleText, ev: Evidence): boolean {
  const first = words[0]!;
  const last = words.length - 1;
  // Candidate starts: exact positions of the first word, or of every word it prefixes when the
  // term is a single-word wildcard.
  const starts: number[] = [];
  if (prefix && last === 0) {
    for (const [w, pos] of t.positions) if (w.startsWith(first)) starts.push(...pos);
  } else {
    starts.push(...(t.positions.get(first) ?? []));
  }
  let found = false;
  for (const s of starts.sort((a, b) => a - b)) {
    let ok = s + last < t.tokens.length;
    for (let k = 1; ok && k <= last; k++) {
      const w = t.tokens[s + k]!.folded;
      ok = k === last && prefix ? w.startsWith(words[k]!) : w === words[k];
    }
    if (!ok) continue;
    found = true;
    const surface = t.text.slice(t.tokens[s]!.start, t.tokens[s + last]!.end);
    if (!ev.words.some((w) => w.toLowerCase() === surface.toLowerCase())) ev.words.push(surface);
  }
  return found;
}

function marks(ev: Evidence): [number, number, number] {
  return [ev.words.length, ev.tags.length, ev.feeds.length];
}

function rewind(ev: Evidence, [w, t, f]: [number, number, number]): void {
  ev.words.length = w;
  ev.tags.length = t;
  ev.feeds.length = f;
}
