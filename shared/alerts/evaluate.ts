// Evaluates a resolved syntax tree against one article and collects why it matched.
import type { Comparison, RuleNode, WordsTerm } from './ast';
import { mentionCount, sentences, type ArticleText, type TokenRange } from './article-text';

/**
 * What made a rule match: the words as the article wrote them, the tag ids, the feed, and the
 * operators beyond plain terms that held (`"peace talks"~5`, `SENT(…)`, `mentions(region:UA) = 4`).
 */
export interface Evidence {
  words: string[];
  tags: string[];
  feeds: string[];
  fired: string[];
}

/** A fresh, empty evidence record. */
export function noEvidence(): Evidence {
  return { words: [], tags: [], feeds: [], fired: [] };
}

/** A matched stretch of tokens, first and last index inclusive. */
interface Span {
  start: number;
  end: number;
}

/**
 * True when the node matches. Evidence is pushed only by terms that contributed to a match: an AND
 * that fails takes back what its children pushed, and nothing under a NOT counts as a reason.
 * `range` limits word terms to a stretch of tokens (one sentence, inside SENT).
 */
export function evaluate(node: RuleNode, t: ArticleText, ev: Evidence, range: TokenRange = [0, t.tokens.length]): boolean {
  switch (node.type) {
    case 'and': {
      const mark = marks(ev);
      for (const c of node.children) {
        if (!evaluate(c, t, ev, range)) {
          rewind(ev, mark);
          return false;
        }
      }
      return true;
    }
    case 'or': {
      // Every branch is tried (no short cut) so that the reasons list all the alternatives found.
      let any = false;
      for (const c of node.children) if (evaluate(c, t, ev, range)) any = true;
      return any;
    }
    case 'not':
      return !evaluate(node.child, t, noEvidence(), range);
    case 'tag': {
      const id = node.id;
      if (id === undefined) return false;
      const hit = node.salient
        ? (node.side === 'actor' ? t.salientActors : node.side === 'region' ? t.salientRegions : t.salient).has(id)
        : (node.side !== 'region' && t.actors.has(id)) || (node.side !== 'actor' && t.regions.has(id));
      if (hit) {
        ev.tags.push(id);
        if (node.salient && node.side !== 'any') ev.fired.push(`salient:${node.side}:${node.value}`);
      }
      return hit;
    }
    case 'feed': {
      const hit = t.feed === node.name.toLowerCase();
      if (hit) ev.feeds.push(node.name);
      return hit;
    }
    case 'words':
    case 'near': {
      const found = spans(node, t, range);
      if (found.length === 0) return false;
      for (const s of found) addWords(ev, t, s);
      if (node.type === 'near' || node.within !== undefined || node.field) ev.fired.push(node.text);
      return true;
    }
    case 'sent': {
      const mark = marks(ev);
      let hit = 0;
      for (const [from, to] of sentences(t)) {
        const inside: TokenRange = [Math.max(from, range[0]), Math.min(to, range[1])];
        if (inside[0] >= inside[1]) continue;
        const scratch = noEvidence();
        if (evaluate(node.child, t, scratch, inside)) {
          hit++;
          merge(ev, scratch);
        }
      }
      if (!hit) {
        rewind(ev, mark);
        return false;
      }
      ev.fired.push(`${node.text} (${hit === 1 ? 'one sentence' : `${hit} sentences`})`);
      return true;
    }
    case 'mentions': {
      const term = node.term;
      const n = term.type === 'tag' ? (term.id === undefined ? 0 : mentionCount(t, term.side, term.id)) : spans(term, t, range).length;
      const hit = compare(n, node.op, node.count);
      if (hit) {
        ev.fired.push(`${node.text} (${n})`);
        if (term.type === 'tag' && n > 0) ev.tags.push(term.id!);
        if (term.type === 'words') for (const s of spans(term, t, range)) addWords(ev, t, s);
      }
      return hit;
    }
  }
}

/** The stretches of words a words, NEAR or OR-of-those node matches within `range`. */
function spans(node: RuleNode, t: ArticleText, range: TokenRange): Span[] {
  switch (node.type) {
    case 'words': {
      const r: TokenRange = node.field === 'title' ? [range[0], Math.min(range[1], t.titleEnd)] : range;
      if (r[0] >= r[1]) return [];
      return node.within === undefined ? phraseSpans(node, t, r) : withinSpans(node, t, r);
    }
    case 'near': {
      const left = spans(node.left, t, range);
      if (!left.length) return [];
      const right = spans(node.right, t, range);
      const out: Span[] = [];
      for (const a of left)
        for (const b of right) {
          // Words between the two stretches; stretches that overlap are one and the same words, not two near each other.
          const gap = b.start > a.end ? b.start - a.end - 1 : a.start > b.end ? a.start - b.end - 1 : -1;
          if (gap >= 0 && gap <= node.distance) out.push({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
        }
      return out;
    }
    case 'or':
      return node.children.flatMap((c) => spans(c, t, range));
    default:
      return [];
  }
}

/** Where word `k` of a term occurs within `range` (the last word may be a prefix). */
function wordPositions(node: WordsTerm, k: number, t: ArticleText, range: TokenRange): number[] {
  const w = node.tokens[k]!;
  const out: number[] = [];
  if (node.prefix && k === node.tokens.length - 1) {
    for (const [word, pos] of t.positions) if (word.startsWith(w)) out.push(...pos);
    out.sort((a, b) => a - b);
  } else {
    out.push(...(t.positions.get(w) ?? []));
  }
  return out.filter((p) => p >= range[0] && p < range[1]);
}

/** A word, wildcard or phrase: the words next to each other, in order. */
function phraseSpans(node: WordsTerm, t: ArticleText, range: TokenRange): Span[] {
  const last = node.tokens.length - 1;
  const out: Span[] = [];
  // A multi-word wildcard is anchored on its exact first word.
  const starts = last === 0 ? wordPositions(node, 0, t, range) : (t.positions.get(node.tokens[0]!) ?? []).filter((p) => p >= range[0] && p < range[1]);
  for (const s of starts) {
    let ok = s + last < range[1];
    for (let k = 1; ok && k <= last; k++) {
      const w = t.tokens[s + k]!.folded;
      ok = k === last && node.prefix ? w.startsWith(node.tokens[k]!) : w === node.tokens[k];
    }
    if (ok) out.push({ start: s, end: s + last });
  }
  return out;
}

/**
 * `"a b c"~N`: every word, in any order, with at most N other words among them. The smallest
 * stretches holding all the words are found by sliding a window over their merged positions.
 */
function withinSpans(node: WordsTerm, t: ArticleText, range: TokenRange): Span[] {
  const k = node.tokens.length;
  const hits: { pos: number; word: number }[] = [];
  for (let j = 0; j < k; j++) for (const pos of wordPositions(node, j, t, range)) hits.push({ pos, word: j });
  hits.sort((a, b) => a.pos - b.pos || a.word - b.word);
  const out: Span[] = [];
  const have = new Array<number>(k).fill(0);
  let distinct = 0;
  let lo = 0;
  for (let hi = 0; hi < hits.length; hi++) {
    if (have[hits[hi]!.word]!++ === 0) distinct++;
    while (distinct === k) {
      const start = hits[lo]!.pos;
      const end = hits[hi]!.pos;
      // Two words of the term on one token (a repeated word) do not make the stretch shorter.
      const positions = new Set(hits.slice(lo, hi + 1).map((h) => h.pos)).size;
      if (positions >= k && end - start + 1 - k <= node.within!) {
        const prev = out[out.length - 1];
        if (!prev || prev.end !== end) out.push({ start, end });
      }
      if (--have[hits[lo]!.word]! === 0) distinct--;
      lo++;
    }
  }
  return out;
}

function compare(n: number, op: Comparison, count: number): boolean {
  switch (op) {
    case '>=':
      return n >= count;
    case '>':
      return n > count;
    case '=':
      return n === count;
    case '<=':
      return n <= count;
    case '<':
      return n < count;
  }
}

// Longer stretches (a NEAR over a whole sentence) are shown by their two ends only.
const SURFACE_MAX = 80;

function addWords(ev: Evidence, t: ArticleText, s: Span): void {
  let surface = t.text.slice(t.tokens[s.start]!.start, t.tokens[s.end]!.end).replace(/\s+/g, ' ');
  if (surface.length > SURFACE_MAX) surface = `${t.text.slice(t.tokens[s.start]!.start, t.tokens[s.start]!.end)} … ${t.text.slice(t.tokens[s.end]!.start, t.tokens[s.end]!.end)}`;
  if (!ev.words.some((w) => w.toLowerCase() === surface.toLowerCase())) ev.words.push(surface);
}

function merge(ev: Evidence, more: Evidence): void {
  for (const w of more.words) if (!ev.words.some((x) => x.toLowerCase() === w.toLowerCase())) ev.words.push(w);
  ev.tags.push(...more.tags);
  ev.feeds.push(...more.feeds);
  for (const f of more.fired) if (!ev.fired.includes(f)) ev.fired.push(f);
}

function marks(ev: Evidence): [number, number, number, number] {
  return [ev.words.length, ev.tags.length, ev.feeds.length, ev.fired.length];
}

function rewind(ev: Evidence, [w, t, f, o]: [number, number, number, number]): void {
  ev.words.length = w;
  ev.tags.length = t;
  ev.feeds.length = f;
  ev.fired.length = o;
}
