// The feed shape between parsing and normalising: items as rss-parser gives them, plus what we add.

/** One item as rss-parser gives it, plus the raw date we keep ourselves. */
export interface RawItem {
  title?: unknown;
  link?: unknown;
  guid?: unknown;
  id?: unknown;
  pubDate?: unknown;
  isoDate?: unknown;
  date?: unknown;
  rawDate?: string;
  content?: unknown;
  'content:encoded'?: unknown;
  summary?: unknown;
  'media:title'?: unknown;
  'rdf:about'?: unknown;
  [k: string]: unknown;
}

export interface RawFeed {
  format: 'rss' | 'rss-0.9x' | 'rss-1.0' | 'atom' | 'cdf' | 'json';
  title?: string;
  link?: string;
  items: RawItem[];
  warnings: string[];
}
