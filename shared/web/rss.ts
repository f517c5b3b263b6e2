// /rss?q=RULE: an RSS 2.0 feed of the newest 50 stored articles a rule query matches, so a saved
// search can be followed in any feed reader. Built with the `feed` package (escaping and dates).
import { Feed } from 'feed';
import { testRule } from '../query/rule-test';
import { BadRequest, param, type WebDeps } from './context';
import { safeLink } from './format';
import { reasons, ruleFromInput } from './rules';

/** Items in the feed (DESIGN.md: the newest 50 matches). */
export const RSS_ITEMS = 50;
/** Stored articles looked at, newest first, to find them. */
export const RSS_MAX_ARTICLES = 1000;

// XML 1.0 cannot carry most control characters, even escaped; feed text may hold them.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const clean = (s: string) => s.replace(NOT_XML, '');

/** The feed's XML for GET /rss?q= on the server at `origin` (links point back to its article pages). */
export async function rssFeed(url: URL, deps: WebDeps): Promise<string> {
  const q = param(url, 'q');
  if (!q) throw new BadRequest('q is required: a rule query such as actor:NATO AND region:"Black Sea", or a rule id', { field: 'q' });
  const rule = ruleFromInput(q, deps.config, 'q');
  const result = await testRule(rule, deps.store, { maxArticles: RSS_MAX_ARTICLES, stopAfter: RSS_ITEMS });
  const self = `${url.origin}/rss?q=${encodeURIComponent(q)}`;
  const feed = new Feed({
    title: clean(`news-monitor: ${rule.query}`),
    description: clean(`Stored articles matching ${rule.query}, newest first`),
    id: self,
    link: `${url.origin}/rules?test=${encodeURIComponent(q)}`,
    copyright: '',
    updated: deps.now?.() ?? new Date(),
    generator: 'news-monitor',
  });
  for (const m of result.matches.slice(0, RSS_ITEMS)) {
    const a = m.article;
    const page = `${url.origin}/articles/${encodeURIComponent(a.id)}`;
    const date = new Date(a.publishedAt);
    feed.addItem({
      title: clean(a.title || '(no title)'),
      id: a.id,
      link: safeLink(a.url) ?? page,
      description: clean(`${a.summary}\n\nWhy: ${reasons(m.why, a)}. Tags and evidence: ${page}`),
      date: Number.isNaN(date.getTime()) ? new Date(a.fetchedAt) : date,
    });
  }
  return feed.rss2();
}
