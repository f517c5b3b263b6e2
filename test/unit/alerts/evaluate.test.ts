import { describe, expect, it } from 'vitest';
import { compileQuery, compileRules, matchRule, requiredTag, type CompiledRule } from '../../../shared/alerts';
import type { TaggedArticle } from '../../../shared/model';
import { article, tag, testLookup } from './fixtures';

function rule(query: string): CompiledRule {
  const { rules, errors } = compileRules([{ id: 'r', name: 'R', query, severity: 'critical' }], { lookup: testLookup });
  if (errors.length) throw errors[0];
  return rules[0]!;
}

const matches = (query: string, a: TaggedArticle = article()) => matchRule(rule(query), a) !== null;

describe('matchRule', () => {
  it('matches tag terms by id, whatever name the rule used', () => {
    expect(matches('actor:Russia')).toBe(true);
    expect(matches('actor:RU')).toBe(true);
    expect(matches('actor:CN')).toBe(false);
  });

  it('matches a country through the roll-ups of a province in it', () => {
    // The article names Donetsk only; Donbas and Ukraine are rolled up by the tagger.
    expect(matches('region:UA')).toBe(true);
    expect(matches('region:Donbass')).toBe(true);
  });

  it('keeps actor: and region: to their own lists and lets tag: look in both', () => {
    const a = article({ actors: [tag('UA', 'Ukraine', 'country')], regions: [] });
    expect(matches('region:UA', a)).toBe(false);
    expect(matches('actor:UA', a)).toBe(true);
    expect(matches('tag:UA', a)).toBe(true);
    expect(matches('tag:Donetsk')).toBe(true);
  });

  it('matches bare words on word boundaries, case-insensitively, in the title and the summary', () => {
    expect(matches('ATTACK')).toBe(true); // title
    expect(matches('troops')).toBe(true); // summary
    expect(matches('tack')).toBe(false); // inside "attack"
    expect(matches('invasions')).toBe(false);
  });

  it('matches prefix wildcards at the start of words only', () => {
    expect(matches('invad*', article({ summary: 'They invaded at dawn.' }))).toBe(true);
    expect(matches('vaded*', article({ summary: 'They invaded at dawn.' }))).toBe(false);
    expect(matches('"new pha*"')).toBe(true); // a phrase may end with a wildcard too
    expect(matches('"phase pha*"')).toBe(false);
  });

  it('matches quoted phrases as adjacent words only', () => {
    expect(matches('"new phase"')).toBe(true);
    expect(matches('"phase new"')).toBe(false);
    expect(matches('"military buildup"', article({ summary: 'a military\n buildup along the border' }))).toBe(true);
    expect(matches('"military buildup"', article({ summary: 'military forces and a buildup' }))).toBe(false);
  });

  it('matches hyphenated and accented words whichever way they are written', () => {
    const a = article({ title: 'Pro-Russian officials in Kyïv', summary: '' });
    expect(matches('pro-russian', a)).toBe(true);
    expect(matches('"pro russian"', a)).toBe(true);
    expect(matches('kyiv', a)).toBe(true);
  });

  it('applies NOT over AND over OR', () => {
    expect(matches('actor:CN OR actor:RU AND attack')).toBe(true);
    expect(matches('(actor:CN OR actor:RU) AND ceasefire')).toBe(false);
    expect(matches('actor:RU AND NOT region:TW')).toBe(true);
    expect(matches('actor:RU AND NOT region:UA')).toBe(false);
    expect(matches('NOT actor:CN attack')).toBe(true);
  });

  it('matches about: only when the article is about the tag, not when it mentions it in passing', () => {
    const a = article({ actors: [tag('RU', 'Russia', 'country'), tag('nato', 'NATO', 'organization', { salient: false })] });
    expect(matches('about:Russia', a)).toBe(true);
    expect(matches('about:NATO', a)).toBe(false);
    expect(matches('tag:NATO', a)).toBe(true);
  });

  it('matches the feed by its configured name, case-insensitively', () => {
    expect(matches('feed:"wire a" AND attack')).toBe(true);
    expect(matches('feed:"Wire B"')).toBe(false);
  });

  it('says why: the words as the article wrote them and the tag ids that matched', () => {
    const m = matchRule(rule('actor:RU AND region:UA AND (invasion OR invad* OR attack OR ceasefire)'), article());
    expect(m).toEqual({ ruleId: 'r', words: ['invasion', 'attack'], tags: ['RU', 'UA'], feeds: [], fired: [] });
  });

  it('gives no reasons from a failed branch or from under NOT', () => {
    const m = matchRule(rule('(attack AND actor:CN) OR (troops AND NOT invasion) OR region:UA'), article());
    expect(m?.words).toEqual([]);
    expect(m?.tags).toEqual(['UA']);
  });

  it('reports each matched phrase once, in its first spelling', () => {
    const m = matchRule(rule('attack*'), article({ title: 'Attack', summary: 'attack and attacks' }));
    expect(m?.words).toEqual(['Attack', 'attacks']);
  });
});

describe('requiredTag', () => {
  const via = (query: string) => requiredTag(compileQuery({ id: 'q', query }).ast);
  it("names the listing a rule's matches all carry, with the tag's kind", () => {
    // A country is listed on both sides; an organisation only as an actor: the store reads one listing for it.
    expect(via('actor:RU AND attack')).toEqual({ side: 'actor', id: 'RU', kind: 'country' });
    expect(via('actor:NATO')).toEqual({ side: 'actor', id: 'nato', kind: 'organization' });
    expect(via('attack AND region:"Black Sea"')).toEqual({ side: 'region', id: 'black-sea', kind: 'sea' });
  });
  it('names none when a match need not carry one tag', () => {
    expect(via('actor:RU OR actor:NATO')).toBeUndefined();
    expect(via('tag:RU')).toBeUndefined();
    expect(via('NOT actor:RU')).toBeUndefined();
  });
});
