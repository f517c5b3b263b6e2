// Feed items → Articles: stable id, canonical URL, plain-text title and summary, ISO date.
import type { Article, FeedConfig } from '../model';
import type { RawFeed, RawItem } from './raw';
import { canonicalUrl } from './canonical';
import { parseFeedDate } from './dates';
import { htmlToText, truncate } from './html-text';
import { stableId } from './ids';
import { storyKey } from './story';
import { textContent } from './xml-node';

/** Longest title kept, in characters. */
export const MAX_TITLE = 500;
/** Longest summary kept, in characters (enough for tagging; an item stays far below DynamoDB's 400 KB). */
export const MAX_SUMMARY = 10_000;

export interface NormaliseContext {
  feed: FeedConfig;
  /** Where the document came from (after redirects), for relative links. */
  documentUrl: string;
  fetchedAt: Date;
  maxItems: number;
}

/** Every usable item of a parsed feed as an Article; what was dropped or guessed is in `warnings`. */
export function toArticles(raw: RawFeed, ctx: NormaliseContext): { articles: Article[]; warnings: string[] } {
  const warnings: string[] = [];
  const base = absoluteHttp(str(raw.link), ctx.documentUrl) ?? ctx.documentUrl;
  const seen = new Set<string>();
  const articles: Article[] = [];
  let empty = 0;
  let undated = 0;
  let repeated = 0;
  const items = raw.items.slice(0, ctx.maxItems);
  if (raw.items.length > ctx.maxItems) warnings.push(`read the first ${ctx.maxItems} of ${raw.items.length} items`);
  for (const item of items) {
    const a = toArticle(item, base, ctx);
    if (!a) {
      empty++;
      continue;
    }
    if (seen.has(a.id)) {
      repeated++;
      continue;
    }
    seen.add(a.id);
    if (a.dateMissing) undated++;
    articles.push(a);
  }
  if (empty) warnings.push(`${empty} empty item${empty > 1 ? 's' : ''} skipped (no title, link, id or text)`);
  if (repeated) warnings.push(`${repeated} item${repeated > 1 ? 's' : ''} repeated in the feed, kept once`);
  if (undated) warnings.push(`${undated} item${undated > 1 ? 's' : ''} without a readable date: dated by fetch time`);
  return { articles, warnings };
}

function toArticle(item: RawItem, base: string, ctx: NormaliseContext): Article | undefined {
  const summary = htmlToText(str(item['content:encoded']) || str(item.content) || str(item.summary) || '', MAX_SUMMARY);
  let title = htmlToText(str(item.title) || str(item['media:title']) || '', MAX_TITLE);
  const guid = (str(item.guid) || str(item.id) || str(item['rdf:about']) || '').trim();
  let link = absoluteHttp(str(item.link), base);
  // RSS: a GUID is a permalink unless it says otherwise; with no <link> it is the best URL we have.
  if (!link && /^https?:\/\//i.test(guid)) link = absoluteHttp(guid, base);
  const url = link ? canonicalUrl(link) : '';
  if (!title && !summary && !url && !guid) return undefined;
  if (!title) title = summary ? truncate(summary, 120) : url || htmlToText(guid, MAX_TITLE);
  const id = url ? stableId(url) : guid ? stableId(`guid:${guid}`) : stableId(`${ctx.feed.url}\n${title}`);
  const fetchedAt = ctx.fetchedAt.toISOString();
  const published = parseFeedDate(str(item.rawDate) || str(item.isoDate) || str(item.pubDate) || str(item.date), ctx.fetchedAt);
  const article: Article = {
    id,
    url,
    title,
    summary,
    publishedAt: published ?? fetchedAt,
    fetchedAt,
    feedName: ctx.feed.name,
    feedUrl: ctx.feed.url,
    storyKey: storyKey(title),
  };
  if (!published) article.dateMissing = true;
  return article;
}

/** `href` resolved against `base` when the result is an http(s) URL; javascript:, data: and junk give undefined. */
function absoluteHttp(href: string | undefined, base: string): string | undefined {
  const h = href?.trim();
  if (!h) return undefined;
  try {
    const u = new URL(h, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A string field of an rss-parser item (some arrive as objects or arrays when the XML was odd). */
function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o._ === 'string') return o._;
    if (typeof o.href === 'string') return o.href;
    if (o.$ && typeof (o.$ as Record<string, unknown>).href === 'string') return (o.$ as Record<string, string>).href;
    // Inline XHTML (Atom type="xhtml") arrives as nested elements: keep their text.
    const text = textContent(o).trim();
    return text || undefined;
  }
  return undefined;
}
