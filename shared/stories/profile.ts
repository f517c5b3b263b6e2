// A story as the clusterer keeps it: a small profile (the words its articles share, how many
// articles and sources it has, its salient tags, its time span), small enough for one DynamoDB item
// of under 1 KB so that each article joining it costs one write unit.
import { createHash } from 'node:crypto';
import type { TaggedArticle } from '../model';
import { topTerms, type Terms } from './terms';

/** Terms a profile keeps (by how many of its articles carry them, then weight). */
export const PROFILE_TERMS = 32;
/** Sources remembered exactly; past this, `sources` stops growing (it is a lower bound). */
export const MAX_SOURCES = 64;
/** Salient tags kept in the union. */
export const MAX_TAGS = 24;
/**
 * A story's first articles are listed in its profile; member items are written only for the ones
 * after (most stories are small: this saves a write unit per article of a small story).
 */
export const MEMBERS_IN_PROFILE = 6;

/** The clusterer's view of one story. */
export interface StoryProfile {
  id: string;
  /** The headline of the article that started it. */
  title: string;
  firstSeen: string;
  lastSeen: string;
  /** The article at `lastSeen` (the largest id on a tie): a listing shows the story at this article only. */
  lastArticle: string;
  /** Number of articles. */
  articles: number;
  /** Short hashes of the distinct sources (link hosts) that carry it. */
  sources: string[];
  /** Salient tag tokens (`a:nato`, `r:UA`), union over its articles. */
  tags: string[];
  /** Stem → number of its articles that carry it (the heaviest PROFILE_TERMS). */
  terms: Record<string, number>;
  /** Stem → weight of the stem (so a profile scores without the word list). */
  weights: Record<string, number>;
  /** Ids of its first MEMBERS_IN_PROFILE articles (later ones have member items). */
  members: string[];
  /** Stems under which the story can be found (postings written). */
  posted: string[];
  /** When the postings were last written (they are refreshed as a long story goes on). */
  postedAt: string;
  /** Optimistic-concurrency version: every write is conditional on the version it read. */
  version: number;
  /** Set when this story was folded into another (concurrent creation, or a merge): readers follow it. */
  mergedInto?: string;
  /**
   * A story folded by a merge keeps its words and counts, and this: the version its survivor has
   * once it absorbed them. A survivor found below it (the pass died between the two writes) absorbs
   * the story when the next article reaches it (assign.ts), as the interrupted merge would have.
   */
  intoVersion?: number;
  /** Stories folded into this one by a merge (their member items still carry their own ids). */
  absorbed?: string[];
  /** Short hashes of the last RECENT_ARTICLES articles that joined: an article assigned again after a crash finds its story here. */
  recent?: string[];
}

/** How many of its latest joiners a profile remembers (6 characters each). */
export const RECENT_ARTICLES = 16;

/** The short hash an article is remembered by in `recent`. */
export function articleMark(articleId: string): string {
  return createHash('sha256').update(`member:${articleId}`).digest('base64url').slice(0, 6);
}

/** Most folded stories a profile lists (a story that absorbs more keeps the first ones). */
export const MAX_ABSORBED = 16;

/** The story id an article founds: derived from the article id, so a repeated attempt founds the same story. */
export function storyIdFor(articleId: string): string {
  return createHash('sha256').update(`story:${articleId}`).digest('base64url').slice(0, 16);
}

/** Where an article comes from, for counting distinct sources: its link's host, else its feed. */
export function sourceOf(a: Pick<TaggedArticle, 'url' | 'feedName' | 'feedUrl'>): string {
  let host = '';
  try {
    host = new URL(a.url).hostname.replace(/^www\d?\./, '');
  } catch {
    host = '';
  }
  return createHash('sha256').update(host || a.feedName || a.feedUrl).digest('base64url').slice(0, 6);
}

/** The salient tag tokens of an article, roll-ups included (so a story about Donetsk is found under UA). */
export function salientTags(a: Pick<TaggedArticle, 'actors' | 'regions'>): string[] {
  const out: string[] = [];
  for (const t of a.actors ?? []) if (t.salient) out.push(`a:${t.id}`);
  for (const t of a.regions ?? []) if (t.salient) out.push(`r:${t.id}`);
  return [...new Set(out)];
}

/** A new story founded by one article. */
export function newProfile(id: string, a: TaggedArticle, terms: Terms, at: string, posted: string[]): StoryProfile {
  const keep = topTerms(terms, PROFILE_TERMS);
  return {
    id,
    title: a.title,
    firstSeen: at,
    lastSeen: at,
    lastArticle: a.id,
    articles: 1,
    sources: [sourceOf(a)],
    tags: salientTags(a).slice(0, MAX_TAGS),
    terms: Object.fromEntries(keep.map((t) => [t, 1])),
    weights: Object.fromEntries(keep.map((t) => [t, round(terms.get(t)!)])),
    members: [a.id],
    posted,
    postedAt: at,
    version: 1,
  };
}

/** Whether the profile lists the article itself (else a member item lists it). */
export function listsMember(p: Pick<StoryProfile, 'members'>, articleId: string): boolean {
  return p.members.includes(articleId);
}

/** The profile after one more article joined (pure: the caller writes it conditionally on `version`). */
export function joinProfile(p: StoryProfile, a: TaggedArticle, terms: Terms, at: string): StoryProfile {
  const counts = new Map(Object.entries(p.terms));
  const weights = new Map(Object.entries(p.weights));
  for (const [t, w] of terms) {
    counts.set(t, (counts.get(t) ?? 0) + 1);
    weights.set(t, Math.max(weights.get(t) ?? 0, round(w)));
  }
  const source = sourceOf(a);
  const sources = p.sources.includes(source) || p.sources.length >= MAX_SOURCES ? p.sources : [...p.sources, source];
  return {
    ...p,
    firstSeen: at < p.firstSeen ? at : p.firstSeen,
    lastSeen: at > p.lastSeen ? at : p.lastSeen,
    lastArticle: at > p.lastSeen || (at === p.lastSeen && a.id > p.lastArticle) ? a.id : p.lastArticle,
    articles: p.articles + 1,
    sources,
    tags: [...new Set([...p.tags, ...salientTags(a)])].slice(0, MAX_TAGS),
    members: p.members.length < MEMBERS_IN_PROFILE && !p.members.includes(a.id) ? [...p.members, a.id] : p.members,
    recent: [...(p.recent ?? []), articleMark(a.id)].slice(-RECENT_ARTICLES),
    ...heaviest(counts, weights),
    version: p.version + 1,
  };
}

/** The PROFILE_TERMS terms carried by most articles (then the heaviest, then by name), with their counts and weights. */
function heaviest(counts: Map<string, number>, weights: Map<string, number>): Pick<StoryProfile, 'terms' | 'weights'> {
  const keep = [...counts]
    .sort((x, y) => y[1] - x[1] || weights.get(y[0])! - weights.get(x[0])! || (x[0] < y[0] ? -1 : 1))
    .slice(0, PROFILE_TERMS)
    .map(([t]) => t);
  return { terms: Object.fromEntries(keep.map((t) => [t, counts.get(t)!])), weights: Object.fromEntries(keep.map((t) => [t, weights.get(t)!])) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * `keep` with `fold`'s articles, words, sources and tags added: the profile of the two stories as one
 * (pure; the caller writes `fold` as a stub into `keep`, then this conditionally on `keep.version`).
 */
export function mergeProfiles(keep: StoryProfile, fold: StoryProfile): StoryProfile {
  const counts = new Map(Object.entries(keep.terms));
  const weights = new Map(Object.entries(keep.weights));
  for (const [t, c] of Object.entries(fold.terms)) {
    counts.set(t, (counts.get(t) ?? 0) + c);
    weights.set(t, Math.max(weights.get(t) ?? 0, fold.weights[t] ?? 0));
  }
  const later = fold.lastSeen > keep.lastSeen || (fold.lastSeen === keep.lastSeen && fold.lastArticle > keep.lastArticle);
  return {
    ...keep,
    firstSeen: fold.firstSeen < keep.firstSeen ? fold.firstSeen : keep.firstSeen,
    lastSeen: later ? fold.lastSeen : keep.lastSeen,
    lastArticle: later ? fold.lastArticle : keep.lastArticle,
    articles: keep.articles + fold.articles,
    sources: [...new Set([...keep.sources, ...fold.sources])].slice(0, MAX_SOURCES),
    tags: [...new Set([...keep.tags, ...fold.tags])].slice(0, MAX_TAGS),
    ...heaviest(counts, weights),
    absorbed: [...new Set([...(keep.absorbed ?? []), fold.id, ...(fold.absorbed ?? [])])].slice(0, MAX_ABSORBED),
  };
}
