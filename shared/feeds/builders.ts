// Parsed XML (xml2js objects) → feed items. rss-parser builds the items (its field mapping for RSS
// 0.9x/1.0/2.0 and Atom); choosing the format and smoothing the input is ours, because rss-parser's
// own dispatch rejects <rss> without a version and its builders crash on a feed without a channel,
// an Atom entry with a bad date, or a <link> without attributes.
import Parser from 'rss-parser';
import { FeedError } from './errors';
import { fromCdf } from './cdf';
import type { RawFeed, RawItem } from './raw';
import { asNode, firstText, textContent, type Node } from './xml-node';

/** The namespaces whose prefixed elements (rss:item, atom:entry) mean the plain ones. */
const FEED_NAMESPACES = new Set([
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://www.w3.org/2005/Atom',
  'http://purl.org/atom/ns#',
  'http://backend.userland.com/rss',
  'http://backend.userland.com/rss2',
  'http://blogs.law.harvard.edu/tech/rss',
]);

/** The feed in a parsed document, by its root element; not a feed is a FeedError in words. */
export function buildFeed(doc: Node): RawFeed {
  const rootKey = Object.keys(doc)[0]!;
  const rootNode = asNode(doc[rootKey]);
  const prefixes = feedPrefixes(rootNode, rootKey);
  const root = unprefix(rootNode, prefixes);
  const name = stripPrefix(rootKey, prefixes);
  const rss = new Parser() as unknown as RssParserBuilders;
  try {
    if (name === 'feed') return atom(rss, root);
    if (name === 'rss') return rss2(rss, root);
    if (/(^|:)RDF$/i.test(name)) return rdf(rss, root);
    if (name.toLowerCase() === 'channel') return fromCdf(root);
  } catch (err) {
    if (err instanceof FeedError) throw err;
    throw new FeedError('not-a-feed', `not a feed: the ${name} document has an unexpected structure (${(err as Error).message})`, { cause: err });
  }
  throw new FeedError('not-a-feed', `not a feed: the root element is <${rootKey}>, not <rss>, <feed> or <rdf:RDF>`);
}

interface RssParserBuilders {
  buildAtomFeed(o: Node): { title?: string; link?: string; items: RawItem[] };
  buildRSS0_9(o: Node): { title?: string; link?: string; items: RawItem[] };
  buildRSS1(o: Node): { title?: string; link?: string; items: RawItem[] };
  buildRSS2(o: Node): { title?: string; link?: string; items: RawItem[] };
}

function atom(rss: RssParserBuilders, root: Node): RawFeed {
  // rss-parser calls toISOString() on an entry's date and throws on a bad one: keep the raw dates
  // ourselves and hide them from it; normalise decides what a date means.
  const entries = (Array.isArray(root.entry) ? root.entry : []).map((e) => asNode(e));
  const dates = entries.map((e) => {
    const d = firstText(e.published) ?? firstText(e.updated) ?? firstText(e.issued) ?? firstText(e.modified) ?? firstText(e.created);
    delete e.published;
    delete e.updated;
    return d;
  });
  // Text constructs as plain strings: base64 (Atom 0.3 mode="base64", Atom 1.0 binary types) decoded,
  // and inline markup (xhtml, or undeclared tags) flattened, which rss-parser would cut at the first tag.
  for (const e of entries) for (const k of ['title', 'summary', 'content']) if (Array.isArray(e[k])) e[k] = (e[k] as unknown[]).map(textConstruct);
  root.entry = entries;
  // rss-parser expects every Atom <link> to have attributes; <link>http://…</link> is seen in the wild.
  for (const n of [root, ...entries]) if (Array.isArray(n.link)) n.link = n.link.map(atomLink);
  const built = rss.buildAtomFeed({ feed: root });
  built.items.forEach((item, i) => {
    if (dates[i]) item.rawDate = dates[i];
    if (!item.summary && !item.content) item.summary = firstText(entries[i]?.summary) ?? firstText(entries[i]?.content);
  });
  return { format: 'atom', title: textOf(built.title), link: textOf(built.link), items: built.items, warnings: [] };
}

function rss2(rss: RssParserBuilders, root: Node): RawFeed {
  const version = String(asNode(root.$).version ?? '');
  root.channel = [asNode(Array.isArray(root.channel) ? root.channel[0] : undefined)];
  const channel = (root.channel as Node[])[0]!;
  // Some feeds put <item> straight under <rss>, without a channel around them.
  channel.item = normaliseItems(channel.item ?? root.item);
  const old = /^0\.9/.test(version);
  const built = old ? rss.buildRSS0_9({ rss: root }) : rss.buildRSS2({ rss: root });
  addRawDates(built.items, channel.item as Node[]);
  return { format: old ? 'rss-0.9x' : 'rss', title: textOf(built.title), link: textOf(built.link), items: built.items, warnings: [] };
}

function rdf(rss: RssParserBuilders, root: Node): RawFeed {
  root.channel = [asNode(Array.isArray(root.channel) ? root.channel[0] : undefined)];
  // RSS 1.0 puts items beside the channel; some files nest them inside it.
  const items = normaliseItems(root.item ?? asNode((root.channel as Node[])[0]).item);
  root.item = items;
  const built = rss.buildRSS1({ 'rdf:RDF': root });
  addRawDates(built.items, items);
  return { format: 'rss-1.0', title: textOf(built.title), link: textOf(built.link), items: built.items, warnings: [] };
}

function textConstruct(v: unknown): unknown {
  if (!v || typeof v !== 'object') return v;
  const n = v as Node;
  const attrs = asNode(n.$);
  const type = String(attrs.type ?? '').toLowerCase();
  const binary = attrs.mode === 'base64' || (type.includes('/') && !/^text\/|[/+]xml$|^html$|^xhtml$|^text$/.test(type));
  if (binary && typeof n._ === 'string') return Buffer.from(n._.replace(/\s+/g, ''), 'base64').toString('utf8');
  return plainText(n);
}

function atomLink(l: unknown): Node {
  if (typeof l === 'string') return { $: { href: l.trim() } };
  const n = asNode(l);
  const attrs = asNode(n.$);
  return { ...n, $: { ...attrs, href: typeof attrs.href === 'string' ? attrs.href : typeof n._ === 'string' ? n._.trim() : '' } };
}

function normaliseItems(items: unknown): Node[] {
  return (Array.isArray(items) ? items : []).map((i) => {
    const n = asNode(i);
    // Unescaped HTML inside an element arrives as child elements, which rss-parser would rebuild
    // into XML recursively (a stack overflow on deep nesting): keep their text instead.
    for (const k of ['title', 'description', 'content:encoded', 'summary']) if (Array.isArray(n[k])) n[k] = (n[k] as unknown[]).map(flattenMarkup);
    return n;
  });
}

function flattenMarkup(v: unknown): unknown {
  return v && typeof v === 'object' ? plainText(v as Node) : v;
}

/**
 * An element's text in a shape rss-parser's getContent reads without building XML: the element
 * itself when its text is in `_` (rss-parser takes `_`), else its text as a string. Inline markup
 * is flattened, and an element with attributes only (<content src="…"/>) is '': rss-parser would
 * rebuild either into XML with xml2js's Builder, which the Lambda bundles leave out
 * (shared/feeds/no-xml-builder.ts).
 */
function plainText(n: Node): unknown {
  const hasChildren = Object.keys(n).some((k) => k !== '$' && k !== '_');
  return !hasChildren && typeof n._ === 'string' ? n : textContent(n);
}

function addRawDates(items: RawItem[], nodes: Node[]): void {
  items.forEach((item, i) => {
    const n = nodes[i] ?? {};
    const d = firstText(n.pubDate) ?? firstText(n['dc:date']) ?? firstText(n.pubdate) ?? firstText(n['dcterms:issued']) ?? firstText(n['dcterms:modified']);
    if (d) item.rawDate = d;
    const mediaTitle = firstText(n['media:title']);
    if (mediaTitle) item['media:title'] = mediaTitle;
    const description = firstText(n.description);
    if (description !== undefined && item.content === undefined) item.content = description;
    // Other places feeds put the text, for items that have no <description>.
    if (item.content === undefined && item['content:encoded'] === undefined && item.summary === undefined) {
      const other = [n.body, n['xhtml:body'], n.fullitem, n['dc:description'], n['itunes:summary'], n['media:description']].find(
        (x): x is unknown[] => Array.isArray(x) && x.length > 0,
      );
      if (other) item.summary = typeof other[0] === 'string' ? other[0] : textContent(other[0]);
    }
  });
}

/** Prefixes bound (on the root) to a feed vocabulary's namespace. */
function feedPrefixes(root: Node, rootKey: string): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(asNode(root.$))) {
    const m = /^xmlns:(.+)$/.exec(k);
    if (m && typeof v === 'string' && FEED_NAMESPACES.has(v)) out.add(m[1]!);
  }
  const rootPrefix = /^([^:]+):(feed|rss|channel)$/.exec(rootKey)?.[1];
  if (rootPrefix) out.add(rootPrefix);
  return out;
}

function stripPrefix(key: string, prefixes: Set<string>): string {
  const i = key.indexOf(':');
  return i > 0 && prefixes.has(key.slice(0, i)) ? key.slice(i + 1) : key;
}

function unprefix(node: Node, prefixes: Set<string>, depth = 0): Node {
  // Feed elements sit a few levels down; deeper is content, and recursion there could overflow the stack.
  if (prefixes.size === 0 || depth > 8) return node;
  const out: Node = {};
  for (const [k, v] of Object.entries(node)) {
    const key = k === '$' || k === '_' ? k : stripPrefix(k, prefixes);
    const value = Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? unprefix(x as Node, prefixes, depth + 1) : x)) : v;
    const prev = out[key];
    out[key] = Array.isArray(prev) && Array.isArray(value) ? [...prev, ...value] : value;
  }
  return out;
}

function textOf(v: unknown): string | undefined {
  return typeof v === 'string' ? v : firstText(v);
}
