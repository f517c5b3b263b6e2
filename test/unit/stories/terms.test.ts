import { describe, expect, it } from 'vitest';
import { articleTerms, slugWords, stemTerm, termWeight, topTerms, words } from '../../../shared/stories/terms';

describe('words', () => {
  it('folds case and accents and drops punctuation and possessives', () => {
    expect(words("Zelenskyy's Kyiv: Ürümqi — ‘talks’")).toEqual(['zelenskyy', 'kyiv', 'urumqi', 'talks']);
  });
});

describe('termWeight', () => {
  it('weighs everyday words at nothing, rarer words more, and words in other scripts at the most', () => {
    expect(termWeight(stemTerm('the'))).toBe(0);
    expect(termWeight(stemTerm('agreement'))).toBeGreaterThan(termWeight(stemTerm('make')));
    expect(termWeight(stemTerm('fyffes'))).toBeGreaterThan(termWeight(stemTerm('agreement')));
    expect(termWeight(stemTerm('москва'))).toBeGreaterThan(termWeight(stemTerm('fyffes')));
  });
});

describe('slugWords', () => {
  it('reads the words of a readable slug and ignores ids and dates', () => {
    expect(slugWords('http://example.com/2014/03/10/merger-makes-chiquita-top-banana/?x=1')).toEqual(['merger', 'makes', 'chiquita', 'top', 'banana']);
    expect(slugWords('http://example.com/news/articles/SB10001424052702304704504579430971139544340')).toEqual([]);
    expect(slugWords('not a url')).toEqual([]);
  });
});

describe('articleTerms', () => {
  it('gives inflections one stem and keeps the heaviest field weight', () => {
    const t = articleTerms({ title: 'Chiquita to merge with Fyffes', url: 'http://x.example/chiquita-fyffes-merging-deal' });
    expect(t.get(stemTerm('merging'))).toBe(t.get(stemTerm('merge')));
    expect(topTerms(t, 2).sort()).toEqual(['chiquita', stemTerm('fyffes')].sort());
  });
});
