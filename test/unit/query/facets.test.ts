import { describe, expect, it } from 'vitest';
import type { Tag, TaggedArticle } from '../../../shared/model';
import { tagFacets } from '../../../shared/query/facets';

const tag = (id: string, name = id): Tag => ({ id, name, kind: 'country', score: 1, salient: false, mentions: [] });
const article = (actors: string[], regions: string[]) => ({ actors: actors.map((a) => tag(a)), regions: regions.map((r) => tag(r)) }) as TaggedArticle;

describe('tagFacets', () => {
  it('counts the articles carrying each tag, per side, most frequent first then by name', () => {
    const f = tagFacets([article(['RU', 'nato'], ['UA']), article(['RU'], ['UA', 'black-sea']), article(['UA'], ['UA'])]);
    expect(f.actors.map((x) => [x.id, x.count])).toEqual([['RU', 2], ['nato', 1], ['UA', 1]]);
    expect(f.regions.map((x) => [x.side, x.id, x.count])).toEqual([['region', 'UA', 3], ['region', 'black-sea', 1]]);
  });

  it('counts an article once per tag even if the tag is listed twice, and stops at the limit', () => {
    const f = tagFacets([article(['RU', 'RU'], []), article(['RU', 'a', 'b', 'c'], [])], 2);
    expect(f.actors.map((x) => [x.id, x.count])).toEqual([['RU', 2], ['a', 1]]);
  });
});
