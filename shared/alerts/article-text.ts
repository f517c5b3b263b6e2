// An article's words and tags, prepared once and shared by every rule that looks at the article.
import type { TaggedArticle } from '../model';
import { wordTokens, type WordToken } from './normalise';

/** The searchable form of one article: title and summary as word tokens, tag ids as sets. */
export interface ArticleText {
  /** Title, a line break, then the summary: the text the word terms search. */
  text: string;
  tokens: WordToken[];
  /** Folded word → positions in `tokens`. */
  positions: Map<string, number[]>;
  actors: Set<string>;
  regions: Set<string>;
  /** Ids of the tags (either list) the article is about, not only mentions in passing. */
  salient: Set<string>;
  feed: string;
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
  const text = `${a.title ?? ''}\n${a.summary ?? ''}`;
  const tokens = wordTokens(text);
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = positions.get(t.folded);
    if (list) list.push(i);
    else positions.set(t.folded, [i]);
  });
  return {
    text,
    tokens,
    positions,
    actors: new Set((a.actors ?? []).map((t) => t.id)),
    regions: new Set((a.regions ?? []).map((t) => t.id)),
    salient: new Set([...(a.actors ?? []), ...(a.regions ?? [])].filter((t) => t.salient).map((t) => t.id)),
    feed: (a.feedName ?? '').trim().toLowerCase(),
  };
}
