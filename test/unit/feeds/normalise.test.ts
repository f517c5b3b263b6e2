import { describe, expect, it } from 'vitest';
import { toArticles } from '../../../shared/feeds/normalise';
import type { RawFeed, RawItem } from '../../../shared/feeds/parse';
import { stableId } from '../../../shared/feeds/ids';

const feed = { url: 'https://wire.example/rss', name: 'Wire' };
const fetchedAt = new Date('2024-03-01T12:00:00Z');
const run = (items: RawItem[], link?: string) =>
  toArticles({ format: 'rss', items, warnings: [], link } as RawFeed, { feed, documentUrl: feed.url, fetchedAt, maxItems: 100 });

describe('toArticles', () => {
  it('makes the id from the canonical URL, so tracking parameters do not split a story', () => {
    const { articles } = run([
      { title: 'A', link: 'https://wire.example/a?utm_source=rss' },
      { title: 'A again', link: 'https://WIRE.example/a#top' },
    ]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.id).toBe(stableId('https://wire.example/a'));
    expect(articles[0]!.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
  it('falls back to the GUID, then to feed URL + title, for the id', () => {
    const { articles } = run([{ title: 'G', guid: 'urn:uuid:1' }, { title: 'Only a title' }]);
    expect(articles[0]!.id).toBe(stableId('guid:urn:uuid:1'));
    expect(articles[1]!.id).toBe(stableId(`${feed.url}\nOnly a title`));
    expect(articles[1]!.url).toBe('');
  });
  it('uses a permalink GUID as the URL when there is no link', () => {
    const { articles } = run([{ title: 'P', guid: 'https://wire.example/p/' }]);
    expect(articles[0]!.url).toBe('https://wire.example/p');
  });
  it('resolves relative links against the feed and refuses javascript: links', () => {
    const { articles } = run([{ title: 'R', link: '/world/r' }, { title: 'J', link: 'javascript:alert(1)' }], 'https://wire.example/');
    expect(articles[0]!.url).toBe('https://wire.example/world/r');
    expect(articles[1]!.url).toBe('');
  });
  it('turns HTML summaries into plain text without scripts', () => {
    const { articles } = run([{ title: '<b>Bold</b> title', link: 'https://wire.example/h', content: '<p>Text <script>x()</script><a href="#">link</a></p>' }]);
    expect(articles[0]).toMatchObject({ title: 'Bold title', summary: 'Text link' });
  });
  it('prefers full content:encoded over the short description', () => {
    const { articles } = run([{ title: 'C', link: 'https://wire.example/c', content: 'short', 'content:encoded': '<p>the full text</p>' }]);
    expect(articles[0]!.summary).toBe('the full text');
  });
  it('keeps an undated or badly dated item with its fetch time and a flag', () => {
    const { articles, warnings } = run([{ title: 'No date', link: 'https://wire.example/n', rawDate: 'someday' }]);
    expect(articles[0]).toMatchObject({ publishedAt: fetchedAt.toISOString(), dateMissing: true, fetchedAt: fetchedAt.toISOString() });
    expect(warnings.join(' ')).toMatch(/without a readable date/);
  });
  it('dates an item from its feed date', () => {
    const { articles } = run([{ title: 'D', link: 'https://wire.example/d', rawDate: 'Thu, 17 Feb 2022 14:05:00 GMT' }]);
    expect(articles[0]!.publishedAt).toBe('2022-02-17T14:05:00.000Z');
    expect(articles[0]!.dateMissing).toBeUndefined();
  });
  it('titles an untitled item from its text, and skips items with nothing at all', () => {
    const { articles, warnings } = run([{ content: 'Troops moved near Kherson overnight.' }, {}]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.title).toBe('Troops moved near Kherson overnight.');
    expect(warnings.join(' ')).toMatch(/1 empty item skipped/);
  });
  it('fills feed name, feed URL and story key', () => {
    const { articles } = run([{ title: 'NATO summit opens', link: 'https://wire.example/s' }]);
    expect(articles[0]).toMatchObject({ feedName: 'Wire', feedUrl: feed.url, storyKey: 'nato summit opens' });
  });
  it('reads at most maxItems items and says so', () => {
    const items = Array.from({ length: 5 }, (_, i) => ({ title: `T${i}`, link: `https://wire.example/${i}` }));
    const r = toArticles({ format: 'rss', items, warnings: [] }, { feed, documentUrl: feed.url, fetchedAt, maxItems: 3 });
    expect(r.articles).toHaveLength(3);
    expect(r.warnings[0]).toBe('read the first 3 of 5 items');
  });
});
