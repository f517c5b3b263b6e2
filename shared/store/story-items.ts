// Stories as table items: the profile (one small item per story), a member item per article (its
// list of articles by time) and postings (the words a story can be found under).
import type { StoryProfile } from '../stories/profile';
import type { Posting } from '../stories/assign';
import { compact, n, num, str, type Item } from './attr';
import { StoreError } from './errors';
import { ATTR, ITEM_TYPE, keys, monthOf, timeSortKey } from './keys';

/** Postings live a little longer than a story window: after that nothing can join through them. */
export const POSTING_TTL_DAYS = 8;

/**
 * A story's place in the story listing moves only when its last article is at least this much newer
 * than the place it is listed at: moving it changes its byTime key (a GSI delete and put, 2 write
 * units), and most articles join a story within an hour of the one before. The listing is therefore
 * newest first to within this step.
 */
export const STORY_LISTING_STEP_MS = 3_600_000;

/** Where a story is listed (`listedAt`, an instant ≤ its lastSeen), when its previous place was `before`. */
export function listingPlace(p: Pick<StoryProfile, 'lastSeen' | 'mergedInto'>, before: string | undefined): string | undefined {
  if (p.mergedInto) return undefined; // a stub is not listed
  if (before && before <= p.lastSeen && Date.parse(p.lastSeen) - Date.parse(before) < STORY_LISTING_STEP_MS) return before;
  return p.lastSeen;
}

/** The listed instant of a stored profile item (undefined for a stub or a profile stored before the listing existed). */
export function listedAtOf(item: Item): string | undefined {
  const sk = item[ATTR.gsi1sk]?.S;
  return sk ? sk.slice(0, sk.indexOf('#')) : undefined;
}

/**
 * The profile item. Lists are JSON in one attribute each: the item stays well under 1 KB for most
 * stories. `listedAt` puts it in the story listing (byTime `STORIES#<month>`).
 */
export function storyItem(p: StoryProfile, ttl: number, listedAt?: string): Item {
  const k = keys.story(p.id);
  return compact({
    [ATTR.pk]: { S: k.pk },
    [ATTR.sk]: { S: k.sk },
    [ATTR.type]: { S: ITEM_TYPE.story },
    [ATTR.ttl]: n(ttl),
    [ATTR.gsi1pk]: listedAt && !p.mergedInto ? { S: keys.storiesByMonth(monthOf(listedAt)) } : undefined,
    [ATTR.gsi1sk]: listedAt && !p.mergedInto ? { S: timeSortKey(listedAt, p.id) } : undefined,
    id: { S: p.id },
    title: p.title ? { S: p.title } : undefined,
    firstSeen: { S: p.firstSeen },
    lastSeen: { S: p.lastSeen },
    last: p.lastArticle ? { S: p.lastArticle } : undefined,
    articles: n(p.articles),
    ver: n(p.version),
    into: p.mergedInto ? { S: p.mergedInto } : undefined,
    iv: p.intoVersion === undefined ? undefined : n(p.intoVersion),
    // Compact JSON: sources, tags, terms with counts and weights, posted words.
    prof: { S: JSON.stringify([p.sources, p.tags, encodeTerms(p), p.posted, p.postedAt, p.members, p.absorbed ?? [], p.recent ?? []]) },
  });
}

/** Decodes a profile item. */
export function storyFromItem(item: Item): StoryProfile {
  let parts: unknown;
  try {
    parts = JSON.parse(str(item, 'prof'));
  } catch (err) {
    throw new StoreError(`story ${str(item, 'id')}: the stored profile is not valid JSON`, { cause: err });
  }
  const [sources, tags, encoded, posted, postedAt, members, absorbed, recent] = Array.isArray(parts) ? parts : [];
  const { terms, weights } = decodeTerms(typeof encoded === 'string' ? encoded : '');
  const p: StoryProfile = {
    id: str(item, 'id'),
    title: str(item, 'title'),
    firstSeen: str(item, 'firstSeen'),
    lastSeen: str(item, 'lastSeen'),
    lastArticle: str(item, 'last'),
    articles: num(item, 'articles') ?? 0,
    sources: Array.isArray(sources) ? sources : [],
    tags: Array.isArray(tags) ? tags : [],
    terms,
    weights,
    posted: Array.isArray(posted) ? posted : [],
    members: Array.isArray(members) ? members : [],
    postedAt: typeof postedAt === 'string' ? postedAt : str(item, 'firstSeen'),
    version: num(item, 'ver') ?? 0,
  };
  if (item.into?.S) p.mergedInto = item.into.S;
  const intoVersion = num(item, 'iv');
  if (intoVersion !== undefined) p.intoVersion = intoVersion;
  if (Array.isArray(absorbed) && absorbed.length) p.absorbed = absorbed.filter((x): x is string => typeof x === 'string');
  if (Array.isArray(recent) && recent.length) p.recent = recent.filter((x): x is string => typeof x === 'string');
  return p;
}

// Terms as one string, "stem count weight" joined by ';' (stems hold no spaces or ';'): about half
// the bytes of two JSON maps, which keeps the profile under 1 KB (one write unit per rewrite).
function encodeTerms(p: Pick<StoryProfile, 'terms' | 'weights'>): string {
  return Object.entries(p.terms)
    .map(([t, n]) => `${t} ${n} ${p.weights[t] ?? 0}`)
    .join(';');
}

function decodeTerms(s: string): Pick<StoryProfile, 'terms' | 'weights'> {
  const terms: Record<string, number> = {};
  const weights: Record<string, number> = {};
  for (const entry of s ? s.split(';') : []) {
    const [t, n, w] = entry.split(' ');
    if (!t || !Number.isFinite(Number(n))) continue;
    terms[t] = Number(n);
    weights[t] = Number(w) || 0;
  }
  return { terms, weights };
}

/** The member item that lists an article under its story. */
export function storyMemberItem(storyId: string, iso: string, articleId: string, ttl: number): Item {
  const k = keys.storyMember(storyId, iso, articleId);
  return { [ATTR.pk]: { S: k.pk }, [ATTR.sk]: { S: k.sk }, [ATTR.type]: { S: ITEM_TYPE.storyMember }, [ATTR.ttl]: n(ttl), article: { S: articleId } };
}

/** A posting item: the story can be found under `stem` from `iso`; `founder` are its founder's heaviest terms. */
export function postingItem(stem: string, storyId: string, iso: string, founder: Record<string, number>, ttl: number): Item {
  return {
    [ATTR.pk]: { S: keys.termPostings(stem) },
    [ATTR.sk]: { S: keys.termPostingSortKey(iso, storyId) },
    [ATTR.type]: { S: ITEM_TYPE.storyPosting },
    [ATTR.ttl]: n(ttl),
    story: { S: storyId },
    f: { S: JSON.stringify(founder) },
  };
}

/** Decodes a posting item. */
export function postingFromItem(item: Item): Posting {
  const sk = str(item, ATTR.sk);
  let terms: Record<string, number> = {};
  try {
    terms = JSON.parse(str(item, 'f') || '{}') as Record<string, number>;
  } catch {
    terms = {}; // A damaged posting still finds its story; it only cannot be scored before the story exists.
  }
  return { storyId: str(item, 'story'), at: sk.slice(0, sk.indexOf('#')), terms };
}
