// An article as table items: the main item (everything, including evidence), the listing items that
// put it under each of its tags, and the marker that says all of them are written.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Tag, TaggedArticle } from '../model';
import { compact, itemBytes, n, optStr, s, str, type Item } from './attr';
import { StoreError } from './errors';
import { toInstant } from './instant';
import { ATTR, ITEM_TYPE, keys, monthOf, timeSortKey, type TagSide } from './keys';

/** DynamoDB's item limit is 400 KB; evidence is trimmed well before that so an article is never lost. */
const MAX_ITEM_BYTES = 350_000;
/** Mentions kept per tag when an article is too big to store whole. */
const TRIMMED_MENTIONS = 20;

/** The instant an article is listed under: its publication time, else the fetch time, else now. */
export function listingInstant(a: Pick<TaggedArticle, 'publishedAt' | 'fetchedAt'>, now: Date): string {
  return toInstant(a.publishedAt) ?? toInstant(a.fetchedAt) ?? now.toISOString();
}

/** Every tag of an article with the side it is on (countries may be on both). */
export function tagsOf(a: Pick<TaggedArticle, 'actors' | 'regions'>): { side: TagSide; tag: Tag }[] {
  const out: { side: TagSide; tag: Tag }[] = [];
  const seen = new Set<string>();
  for (const [side, list] of [['actor', a.actors], ['region', a.regions]] as const) {
    for (const tag of list ?? []) {
      const token = keys.tagToken(side, tag.id);
      if (seen.has(token)) continue;
      seen.add(token);
      out.push({ side, tag });
    }
  }
  return out;
}

/** The main item: the whole article; it alone carries type = "article" (the stream filter's match). */
export function articleItem(a: TaggedArticle, opts: { ttl: number; now: Date }): Item {
  const instant = listingInstant(a, opts.now);
  const item = encode(a, instant, opts);
  if (itemBytes(item) <= MAX_ITEM_BYTES) return item;
  const trim = (tags: Tag[]) => tags.map((t) => ({ ...t, mentions: t.mentions.slice(0, TRIMMED_MENTIONS) }));
  const smaller = encode({ ...a, actors: trim(a.actors), regions: trim(a.regions) }, instant, opts, true);
  if (itemBytes(smaller) <= MAX_ITEM_BYTES) return smaller;
  // Each character cut removes at least one byte, so cutting the overflow (plus a margin) fits.
  const budget = Math.max(1000, a.summary.length - (itemBytes(smaller) - MAX_ITEM_BYTES) - 1000);
  const shorter = { ...a, summary: a.summary.slice(0, budget), actors: trim(a.actors), regions: trim(a.regions) };
  const cut = encode(shorter, instant, opts, true);
  if (itemBytes(cut) <= MAX_ITEM_BYTES) return cut;
  // Pathological input (thousands of tags, a megabyte title): keep the strongest tags and a readable title.
  return encode({ ...shorter, title: a.title.slice(0, 2000), actors: shorter.actors.slice(0, 100), regions: shorter.regions.slice(0, 100) }, instant, opts, true);
}

function encode(a: TaggedArticle, instant: string, opts: { ttl: number; now: Date }, trimmed = false): Item {
  return compact({
    ...key(keys.article(a.id)),
    [ATTR.type]: { S: ITEM_TYPE.article },
    [ATTR.gsi1pk]: { S: keys.articlesByMonth(monthOf(instant)) },
    [ATTR.gsi1sk]: { S: timeSortKey(instant, a.id) },
    [ATTR.ttl]: n(opts.ttl),
    id: { S: a.id },
    url: s(a.url),
    title: s(a.title),
    summary: s(a.summary),
    publishedAt: s(a.publishedAt),
    dateMissing: a.dateMissing ? { BOOL: true } : undefined,
    fetchedAt: s(a.fetchedAt),
    feedName: s(a.feedName),
    feedUrl: s(a.feedUrl),
    storyKey: s(a.storyKey),
    story: s(a.story),
    storyNew: a.storyNew ? { BOOL: true } : undefined,
    // Tag lists keep their exact contract shape (scores, evidence offsets) as JSON, deflated: the
    // JSON is two thirds of an article's bytes and shrinks to about a fifth, which takes a typical
    // main item from 3–5 write units to 1–2 (docs/STORE.md). Nothing filters on it inside DynamoDB.
    [TAGS_ATTR]: { B: deflateRawSync(JSON.stringify([a.actors ?? [], a.regions ?? []])) },
    storedAt: { S: opts.now.toISOString() },
    evidenceTrimmed: trimmed ? { BOOL: true } : undefined,
  });
}

/** The main item's attribute holding both tag lists (deflated JSON `[actors, regions]`). */
const TAGS_ATTR = 'tagz';

/**
 * The listing items: one per tag (roll-ups included), each carrying every tag and the salient ones
 * for AND / --salient filters. A country on both sides (as actor and as place) is listed once, on
 * the region side: an actor query for a country reads that listing too (store.listArticles), filtered on `a:`.
 */
export function listingItems(a: TaggedArticle, opts: { ttl: number; now: Date }): Item[] {
  const instant = listingInstant(a, opts.now);
  const all = tagsOf(a);
  const tokens: AttributeValue = { SS: all.map(({ side, tag }) => keys.tagToken(side, tag.id)) };
  const salientTokens = all.filter(({ tag }) => tag.salient).map(({ side, tag }) => keys.tagToken(side, tag.id));
  const sortKey = timeSortKey(instant, a.id);
  const regionIds = new Set(all.filter(({ side }) => side === 'region').map(({ tag }) => tag.id));
  return all.filter(({ side, tag }) => side === 'region' || tag.kind !== 'country' || !regionIds.has(tag.id)).map(({ side, tag }) =>
    compact({
      [ATTR.pk]: { S: keys.tagListing(side, tag.id, monthOf(instant)) },
      [ATTR.sk]: { S: sortKey },
      [ATTR.type]: { S: ITEM_TYPE.tagListing },
      [ATTR.ttl]: n(opts.ttl),
      tags: tokens,
      sal: salientTokens.length ? { SS: salientTokens } : undefined,
      // The story, so stories by tag come from the listing alone.
      st: s(a.story),
    }),
  );
}

/** The marker written last: its presence means the article and all its listing items are stored. */
export function indexedMarker(id: string, ttl: number, count: number): Item {
  return { ...key(keys.indexed(id)), [ATTR.type]: { S: ITEM_TYPE.indexed }, [ATTR.ttl]: n(ttl), listings: n(count) };
}

/** The month an article is listed under (for the month registry). */
export function articleMonth(a: TaggedArticle, now: Date): string {
  return monthOf(listingInstant(a, now));
}

/** Decodes a main item back into the article; throws StoreError when the stored tags are unreadable. */
export function articleFromItem(item: Item): TaggedArticle {
  const id = str(item, 'id');
  const a: TaggedArticle = {
    id,
    url: str(item, 'url'),
    title: str(item, 'title'),
    summary: str(item, 'summary'),
    publishedAt: str(item, 'publishedAt'),
    fetchedAt: str(item, 'fetchedAt'),
    feedName: str(item, 'feedName'),
    feedUrl: str(item, 'feedUrl'),
    storyKey: str(item, 'storyKey'),
    ...tagLists(item, id),
  };
  if (item.dateMissing?.BOOL) a.dateMissing = true;
  if (item.story?.S) a.story = item.story.S;
  if (item.storyNew?.BOOL) a.storyNew = true;
  return a;
}

/** Both tag lists: deflated JSON, or (items stored before it was deflated) one JSON string attribute each. */
function tagLists(item: Item, id: string): { actors: Tag[]; regions: Tag[] } {
  const packed = item[TAGS_ATTR]?.B as Uint8Array | string | undefined;
  if (packed === undefined) return { actors: tags(item, 'actors', id), regions: tags(item, 'regions', id) };
  let v: unknown;
  try {
    // A Lambda stream event carries binary values as base64 text; the SDK gives bytes.
    v = JSON.parse(inflateRawSync(typeof packed === 'string' ? Buffer.from(packed, 'base64') : packed).toString('utf8'));
  } catch (err) {
    throw new StoreError(`article ${id}: the stored tags are not readable`, { cause: err });
  }
  if (!Array.isArray(v) || !Array.isArray(v[0]) || !Array.isArray(v[1])) throw new StoreError(`article ${id}: the stored tags are not two lists`);
  return { actors: v[0] as Tag[], regions: v[1] as Tag[] };
}

function tags(item: Item, name: string, id: string): Tag[] {
  const raw = optStr(item, name);
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    if (Array.isArray(v)) return v as Tag[];
  } catch (err) {
    throw new StoreError(`article ${id}: the stored ${name} are not valid JSON`, { cause: err });
  }
  throw new StoreError(`article ${id}: the stored ${name} are not a list`);
}

function key(k: { pk: string; sk: string }): Item {
  return { [ATTR.pk]: { S: k.pk }, [ATTR.sk]: { S: k.sk } };
}
