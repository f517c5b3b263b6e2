import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Tag, TaggedArticle } from '../../../shared/model';
import { articleFromStreamImage, StoreError } from '../../../shared/store';
import { articleFromItem, articleItem, listingItems } from '../../../shared/store/article-items';
import { itemBytes } from '../../../shared/store/attr';

const NOW = new Date('2026-11-28T00:00:00Z');
const tag = (id: string, salient: boolean, extra: Partial<Tag> = {}): Tag => ({ id, name: id, kind: 'country', score: 1, salient, mentions: [{ text: id, start: 0, end: 2 }], ...extra });

const article: TaggedArticle = {
  id: 'abc',
  url: 'https://news.example/a',
  title: 'Shelling in Donetsk',
  summary: '',
  publishedAt: '2026-11-27T12:00:00+02:00',
  fetchedAt: '2026-11-27T10:05:00.000Z',
  feedName: 'Wire',
  feedUrl: 'https://news.example/rss',
  storyKey: 'shelling in donetsk',
  actors: [tag('RU', true), tag('UA', false)],
  regions: [tag('donetsk-oblast', true, { kind: 'region' }), tag('UA', true, { mentions: [], via: ['donetsk-oblast'] })],
};

describe('article items', () => {
  it('marks the main item as an article, with TTL and the byTime keys in UTC', () => {
    const item = articleItem(article, { ttl: 123, now: NOW });
    expect(item).toMatchObject({ pk: { S: 'ARTICLE#abc' }, sk: { S: 'ARTICLE' }, type: { S: 'article' }, ttl: { N: '123' }, gsi1pk: { S: 'ARTICLES#2026-11' }, gsi1sk: { S: '2026-11-27T10:00:00.000Z#abc' } });
    expect(item.summary).toBeUndefined();
  });

  it('lists the article under every tag once (a tag on both sides on the region side), carrying all tags and the salient ones', () => {
    const items = listingItems(article, { ttl: 123, now: NOW });
    expect(items.map((i) => i.pk?.S)).toEqual(['TAG#a:RU#2026-11', 'TAG#r:donetsk-oblast#2026-11', 'TAG#r:UA#2026-11']);
    for (const i of items) {
      expect(i.sk?.S).toBe('2026-11-27T10:00:00.000Z#abc');
      expect(i.ttl?.N).toBe('123');
      expect(i.tags?.SS).toEqual(['a:RU', 'a:UA', 'r:donetsk-oblast', 'r:UA']);
      expect(i.sal?.SS).toEqual(['a:RU', 'r:donetsk-oblast', 'r:UA']);
      expect(i.type?.S).not.toBe('article');
    }
  });

  it('lists only a country once for both sides (an actor of another kind reads its own listing alone)', () => {
    const odd = { ...article, actors: [tag('x-org', true, { kind: 'organization' })], regions: [tag('x-org', true, { kind: 'organization' })] };
    expect(listingItems(odd, { ttl: 1, now: NOW }).map((i) => i.pk?.S)).toEqual(['TAG#a:x-org#2026-11', 'TAG#r:x-org#2026-11']);
  });

  it('lists an article with an unusable date under its fetch time', () => {
    const [item] = listingItems({ ...article, publishedAt: 'yesterday' }, { ttl: 1, now: NOW });
    expect(item!.sk?.S).toBe('2026-11-27T10:05:00.000Z#abc');
  });

  it('reads an article back from a stream image exactly, and ignores other items', () => {
    const image = articleItem(article, { ttl: 1, now: NOW });
    expect(articleFromStreamImage(image)).toEqual(article);
    expect(articleFromStreamImage(listingItems(article, { ttl: 1, now: NOW })[0]!)).toBeUndefined();
    expect(articleFromStreamImage({})).toBeUndefined();
  });

  it('stores the tag lists deflated, reads them from a Lambda stream image (base64) and from items stored as JSON text', () => {
    const item = articleItem(article, { ttl: 1, now: NOW });
    expect(item.actors).toBeUndefined();
    expect(item.tagz?.B).toBeInstanceOf(Uint8Array);
    const lambdaImage = { ...item, tagz: { B: Buffer.from(item.tagz!.B!).toString('base64') } } as unknown as typeof item;
    expect(articleFromStreamImage(lambdaImage)).toEqual(article);
    const { tagz: _packed, ...older } = item;
    expect(articleFromItem({ ...older, actors: { S: JSON.stringify(article.actors) }, regions: { S: JSON.stringify(article.regions) } })).toEqual(article);
  });

  it('refuses damaged tag lists in one line', () => {
    const item = { ...articleItem(article, { ttl: 1, now: NOW }), tagz: { B: new Uint8Array([1, 2, 3, 250]) } };
    expect(() => articleFromItem(item)).toThrow(StoreError);
    expect(() => articleFromItem(item)).toThrow(/^article abc: the stored tags are not readable$/);
  });

  it('trims evidence rather than losing an article too big for one item', () => {
    // Mention texts that do not compress away (the tag lists are stored deflated).
    const mentions = Array.from({ length: 40_000 }, (_, i) => ({ text: createHash('sha256').update(String(i)).digest('hex').slice(0, 24), start: i * 30, end: i * 30 + 24 }));
    const huge = { ...article, summary: 'x'.repeat(200_000), actors: [tag('RU', true, { mentions })] };
    const item = articleItem(huge, { ttl: 1, now: NOW });
    expect(itemBytes(item)).toBeLessThan(400_000);
    expect(item.evidenceTrimmed?.BOOL).toBe(true);
    const back = articleFromStreamImage(item)!;
    expect(back.actors[0]!.mentions.length).toBeGreaterThan(0);
    expect(back.summary.length).toBe(200_000);
  });

  it('still fits an article with a huge summary and thousands of tags', () => {
    const many = Array.from({ length: 3000 }, (_, i) => tag(`tag-${i}`, false, { mentions: [{ text: 'ü'.repeat(30), start: 0, end: 30 }] }));
    const item = articleItem({ ...article, summary: 'ü'.repeat(300_000), actors: many, regions: many }, { ttl: 1, now: NOW });
    expect(itemBytes(item)).toBeLessThan(400_000);
    expect(articleFromStreamImage(item)!.actors.length).toBeGreaterThan(0);
  });
});
