// Microsoft's Channel Definition Format (<CHANNEL><ITEM HREF=…>), which rss-parser does not read.
// Rare today, but cheap to map and part of feedparser's well-formed cases.
import type { RawFeed, RawItem } from './raw';
import { firstText, type Node } from './xml-node';

/** Maps a parsed CDF <CHANNEL> element to feed items. */
export function fromCdf(channel: Node): RawFeed {
  const get = (n: Node, name: string) => firstText(n[name] ?? n[name.toLowerCase()]);
  const attr = (n: Node, name: string) => {
    const a = (n.$ ?? {}) as Node;
    const v = a[name] ?? a[name.toLowerCase()];
    return typeof v === 'string' ? v : undefined;
  };
  const items = ((channel.ITEM ?? channel.item ?? []) as unknown[]).map((raw): RawItem => {
    const n = raw && typeof raw === 'object' ? (raw as Node) : {};
    return {
      title: get(n, 'TITLE'),
      link: attr(n, 'HREF'),
      content: get(n, 'ABSTRACT'),
      rawDate: attr(n, 'LASTMOD'),
    };
  });
  return { format: 'cdf', title: get(channel, 'TITLE'), link: attr(channel, 'HREF'), items, warnings: [] };
}
