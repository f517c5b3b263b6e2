// An article's words and tags, prepared once and shared by every rule that looks at the article.
import type { Tag, TaggedArticle } from '../model';
import { wordTokens, type WordToken } from './normalise';

/** A stretch of word tokens, [from, to) indexes into `ArticleText.tokens`. */
export type TokenRange = readonly [number, number];

/** The searchable form of one article: title and summary as word tokens, tag ids as sets. */
export interface ArticleText {
  /** Title, a line break, then the summary: the text the word terms search. */
  text: string;
  tokens: WordToken[];
  /** Folded word → positions in `tokens`. */
  positions: Map<string, number[]>;
  /** The title's tokens are tokens[0, titleEnd). */
  titleEnd: number;
  actors: Set<string>;
  regions: Set<string>;
  /** Ids of the tags (either list) the article is about, not only mentions in passing. */
  salient: Set<string>;
  salientActors: Set<string>;
  salientRegions: Set<string>;
  feed: string;
  /** The tagged article, for what is worked out only when a rule asks (sentences, mention counts). */
  source: TaggedArticle;
  sentenceRanges?: TokenRange[];
  mentionCounts?: { actor: Map<string, number>; region: Map<string, number> };
}

const cache = new WeakMap<TaggedArticle, ArticleText>();

/** The article's searchable form, built on first use and cached for as long as the article lives. */
export function articleText(a: TaggedArticle): ArticleText {
  let t = cache.get(a);
  if (!t) {
    t = build(a);
    cache.set(a, t);
  }
  return t;
}

function build(a: TaggedArticle): ArticleText {
  const title = a.title ?? '';
  const text = `${title}\n${a.summary ?? ''}`;
  const tokens = wordTokens(text);
  const positions = new Map<string, number[]>();
  let titleEnd = 0;
  tokens.forEach((t, i) => {
    if (t.end <= title.length) titleEnd = i + 1;
    const list = positions.get(t.folded);
    if (list) list.push(i);
    else positions.set(t.folded, [i]);
  });
  const salientIds = (tags: Tag[] | undefined) => (tags ?? []).filter((t) => t.salient).map((t) => t.id);
  return {
    text,
    tokens,
    positions,
    titleEnd,
    actors: new Set((a.actors ?? []).map((t) => t.id)),
    regions: new Set((a.regions ?? []).map((t) => t.id)),
    salient: new Set([...salientIds(a.actors), ...salientIds(a.regions)]),
    salientActors: new Set(salientIds(a.actors)),
    salientRegions: new Set(salientIds(a.regions)),
    feed: (a.feedName ?? '').trim().toLowerCase(),
    source: a,
  };
}

// Intl.Segmenter follows Unicode sentence boundaries (UAX #29): "U.S. troops" stays one sentence, a
// full stop before a capital ends one. Made once: building a segmenter is the slow part.
let segmenter: Intl.Segmenter | undefined;

/** The article's sentences as token ranges: the title is one, the summary is split at sentence ends. */
export function sentences(t: ArticleText): TokenRange[] {
  if (t.sentenceRanges) return t.sentenceRanges;
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const ranges: TokenRange[] = t.titleEnd > 0 ? [[0, t.titleEnd]] : [];
  const bodyStart = (t.source.title ?? '').length + 1;
  let k = t.titleEnd;
  for (const s of segmenter.segment(t.text.slice(bodyStart))) {
    const end = bodyStart + s.index + s.segment.length;
    const from = k;
    while (k < t.tokens.length && t.tokens[k]!.start < end) k++;
    if (k > from) ranges.push([from, k]);
  }
  t.sentenceRanges = ranges;
  return ranges;
}

/**
 * How often the article names a tag on one side: its own mentions plus those of every tag inside it
 * (Kyiv and Donetsk count for Ukraine), each tag counted once however it rolls up.
 */
export function mentionCount(t: ArticleText, side: 'actor' | 'region' | 'any', id: string): number {
  t.mentionCounts ??= { actor: countMentions(t.source.actors), region: countMentions(t.source.regions) };
  const a = t.mentionCounts.actor.get(id) ?? 0;
  const r = t.mentionCounts.region.get(id) ?? 0;
  // The same tag on both lists carries the same mentions: counted once.
  return side === 'actor' ? a : side === 'region' ? r : Math.max(a, r);
}

function countMentions(tags: Tag[] | undefined): Map<string, number> {
  const list = tags ?? [];
  const byId = new Map(list.map((t) => [t.id, t]));
  const counts = new Map<string, number>();
  for (const tag of list) {
    const own = tag.mentions?.length ?? 0;
    if (own === 0) continue;
    // Walk up the roll-ups (parents, transitively) so that each ancestor gets this tag's mentions once.
    const seen = new Set<string>([tag.id]);
    const queue = [tag.id];
    while (queue.length) {
      const id = queue.shift()!;
      counts.set(id, (counts.get(id) ?? 0) + own);
      for (const p of byId.get(id)?.parents ?? []) if (!seen.has(p)) seen.add(p), queue.push(p);
      for (const other of list) if (!seen.has(other.id) && other.via?.includes(id)) seen.add(other.id), queue.push(other.id);
    }
  }
  return counts;
}
