import { describe, expect, it } from 'vitest';
import { storyKey } from '../../../shared/feeds';

describe('storyKey', () => {
  it('ignores case, punctuation and accents', () => {
    expect(storyKey('Stoltenberg: NO sign of Russian withdrawal!')).toBe(storyKey('stoltenberg — no sign of russian withdrawal'));
    expect(storyKey('Tbilisi café reopens')).toBe('tbilisi cafe reopens');
  });
  it("drops an outlet's credit at the end of a headline", () => {
    expect(storyKey('Russia masses troops near Ukraine border - Reuters')).toBe(storyKey('Russia masses troops near Ukraine border'));
  });
  it('keeps a dash that is part of a short headline', () => {
    expect(storyKey('Russia - Ukraine')).toBe('russia ukraine');
  });
  it('keeps non-Latin words', () => {
    expect(storyKey('Украина и НАТО')).toBe('украина и нато');
  });
});
