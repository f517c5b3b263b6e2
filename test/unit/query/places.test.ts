import { describe, expect, it } from 'vitest';
import type { Tag, TaggedArticle } from '../../../shared/model';
import { perDay } from '../../../shared/query/days';
import { storiesByPlace } from '../../../shared/query/places';

const region = (id: string, kind: Tag['kind'], extra: Partial<Tag> & { lat?: number; lon?: number } = {}): Tag => ({ id, name: id, kind, score: 1, salient: true, mentions: [], ...extra });
const article = (id: string, storyKey: string, publishedAt: string, regions: Tag[], feedName = 'Feed A'): TaggedArticle =>
  ({ id, storyKey, publishedAt, title: `title ${id}`, feedName, regions, actors: [] }) as unknown as TaggedArticle;

describe('storiesByPlace', () => {
  it('counts distinct stories per country, from countries and from what lies in them', () => {
    const kyiv = region('kyiv', 'city', { country: 'UA', lat: 50.45, lon: 30.52 });
    const r = storiesByPlace([
      article('a', 's1', '2026-11-27T10:00:00Z', [kyiv, region('UA', 'country')]),
      article('b', 's1', '2026-11-27T11:00:00Z', [kyiv]),
      article('c', 's2', '2026-11-27T12:00:00Z', [region('black-sea', 'sea'), region('crimea', 'region', { country: 'UA' }), region('RU', 'country')]),
    ]);
    expect(r.countries).toEqual([{ code: 'UA', stories: 2 }, { code: 'RU', stories: 1 }]);
    expect(r.places).toEqual([{ id: 'kyiv', name: 'kyiv', kind: 'city', lat: 50.45, lon: 30.52, stories: 1 }]);
  });

  it('ignores coordinates that are not numbers in range and codes that are not ISO alpha-2', () => {
    const r = storiesByPlace([article('a', 's1', '2026-11-27T10:00:00Z', [region('x', 'city', { lat: 95, lon: 10, country: 'ukraine' }), region('y', 'city', { lat: Number.NaN as never, lon: 1 })])]);
    expect(r).toEqual({ countries: [], places: [] });
  });
});

describe('perDay', () => {
  it('lists every day of the period with its distinct stories and articles', () => {
    const xs = [article('a', 's1', '2026-11-27T01:00:00.000Z', []), article('b', 's1', '2026-11-27T23:00:00.000Z', []), article('c', 's2', '2026-11-27T05:00:00.000Z', []), article('d', 's3', '2026-11-29T05:00:00.000Z', []), article('e', 's4', '2026-12-05T00:00:00.000Z', [])];
    expect(perDay(xs, '2026-11-26T08:00:00.000Z', '2026-11-29T10:00:00.000Z')).toEqual([
      { day: '2026-11-26', stories: 0, articles: 0 },
      { day: '2026-11-27', stories: 2, articles: 3 },
      { day: '2026-11-28', stories: 0, articles: 0 },
      { day: '2026-11-29', stories: 1, articles: 1 },
    ]);
  });
});
