import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import type { Config, TaggedArticle } from '../../../shared/model';
import type { ReadStore } from '../../../shared/web/context';
import { rssFeed } from '../../../shared/web/rss';

const config = { feeds: [], rules: [{ id: 'kremlin', name: 'Kremlin', query: 'kremlin', severity: 'info' }], subscriptions: [] } as unknown as Config;

function storeOf(articles: TaggedArticle[]): ReadStore {
  return { listArticles: async () => ({ items: articles, next: null }) } as unknown as ReadStore;
}

const article = (id: string, title: string, extra: Partial<TaggedArticle> = {}): TaggedArticle =>
  ({ id, url: `https://news.example/${id}`, title, summary: 'The Kremlin said so.', publishedAt: '2026-11-27T10:00:00.000Z', fetchedAt: '2026-11-27T10:05:00.000Z', feedName: 'Wire', feedUrl: 'https://news.example/rss', storyKey: id, actors: [], regions: [], ...extra }) as TaggedArticle;

describe('rssFeed', () => {
  it('keeps titles with CDATA ends, markup and control characters readable as the same text', async () => {
    const title = 'Kremlin ]]> <b>bold</b> & "quotes"\u0001\u0008 end';
    const xml = await rssFeed(new URL('http://127.0.0.1:8080/rss?q=kremlin'), { store: storeOf([article('a1', title)]), config });
    const feed = await new Parser().parseString(xml);
    expect(feed.items[0]!.title).toBe('Kremlin ]]> <b>bold</b> & "quotes" end');
    expect(feed.items[0]!.guid).toBe('a1');
    expect(feed.items[0]!.content).toMatch(/Why: words "kremlin"/i);
    expect(feed.title).toBe('news-monitor: kremlin');
  });

  it('links to the original only when it is http(s), else to the article page here', async () => {
    const xml = await rssFeed(new URL('http://127.0.0.1:8080/rss?q=kremlin'), { store: storeOf([article('a1', 'Kremlin one'), article('a2', 'Kremlin two', { url: 'javascript:alert(1)' })]), config });
    const feed = await new Parser().parseString(xml);
    expect(feed.items.map((i) => i.link)).toEqual(['https://news.example/a1', 'http://127.0.0.1:8080/articles/a2']);
  });

  it('stops at the newest 50 matches', async () => {
    const many = Array.from({ length: 80 }, (_, i) => article(`k${i}`, `Kremlin ${i}`));
    const feed = await new Parser().parseString(await rssFeed(new URL('http://127.0.0.1/rss?q=kremlin'), { store: storeOf(many), config }));
    expect(feed.items.map((i) => i.guid)).toEqual(many.slice(0, 50).map((a) => a.id));
  });
});
