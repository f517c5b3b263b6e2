// JSON Feed 1.0/1.1 (jsonfeed.org), which many sites now publish beside or instead of RSS.
import { FeedError } from './errors';
import type { RawFeed, RawItem } from './raw';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** Reads a JSON Feed document; anything else that is JSON is "not a feed" in words. */
export function parseJsonFeed(text: string): RawFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new FeedError('not-a-feed', `not a feed: the response is neither XML nor valid JSON (${(err as Error).message.slice(0, 80)})`, { cause: err });
  }
  const o = doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : undefined;
  if (!o || !/^https?:\/\/jsonfeed\.org\/version\//.test(str(o.version) ?? '') || !Array.isArray(o.items)) {
    throw new FeedError('not-a-feed', 'not a feed: the response is JSON but not a JSON Feed (no jsonfeed.org version and items)');
  }
  const items = o.items.map((raw): RawItem => {
    const i = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    return {
      id: str(i.id),
      link: str(i.url) ?? str(i.external_url),
      title: str(i.title),
      content: str(i.content_html) ?? str(i.content_text),
      summary: str(i.summary),
      rawDate: str(i.date_published) ?? str(i.date_modified),
    };
  });
  return { format: 'json', title: str(o.title), link: str(o.home_page_url), items, warnings: [] };
}
