import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../shared/feeds';

describe('canonicalUrl', () => {
  it('drops utm_* parameters, fbclid, gclid and the fragment', () => {
    expect(canonicalUrl('https://News.Example.org/world/nato?utm_source=rss&id=7&fbclid=abc&gclid=x#comments')).toBe('https://news.example.org/world/nato?id=7');
  });
  it('lower-cases scheme and host but keeps the path case', () => {
    expect(canonicalUrl('HTTP://WWW.Example.COM/Path/Story')).toBe('http://www.example.com/Path/Story');
  });
  it('removes a trailing slash except on the root, and default ports', () => {
    expect(canonicalUrl('https://example.org:443/world/')).toBe('https://example.org/world');
    expect(canonicalUrl('https://example.org')).toBe('https://example.org/');
  });
  it('drops an empty query left after removing trackers', () => {
    expect(canonicalUrl('http://wire-b.example/2022/02/17/nato?utm_source=rss&utm_medium=feed')).toBe('http://wire-b.example/2022/02/17/nato');
  });
  it('leaves non-http strings trimmed but otherwise alone', () => {
    expect(canonicalUrl('  tag:example.com,2006:/blog/ ')).toBe('tag:example.com,2006:/blog/');
    expect(canonicalUrl('not a url')).toBe('not a url');
  });
  it('gives one form for links that differ only in tracking and slash', () => {
    const a = canonicalUrl('https://example.org/a/b/?utm_campaign=x');
    const b = canonicalUrl('https://EXAMPLE.org/a/b#top');
    expect(a).toBe(b);
  });
});
