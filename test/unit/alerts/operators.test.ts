// The professional operators: proximity, same sentence, title field, mention counts, salient by
// side and weighted terms with a threshold (docs/RULES.md).
import { describe, expect, it } from 'vitest';
import { compileRules, matchRule, type CompiledRule } from '../../../shared/alerts';
import type { RuleConfig, TaggedArticle } from '../../../shared/model';
import { article, tag, testLookup } from './fixtures';

function rule(query: string | undefined, extra: Partial<RuleConfig> = {}): CompiledRule {
  const { rules, errors } = compileRules([{ id: 'r', name: 'R', severity: 'info', ...(query === undefined ? {} : { query }), ...extra }], { lookup: testLookup });
  if (errors.length) throw errors[0];
  return rules[0]!;
}
const matches = (query: string, a: TaggedArticle) => matchRule(rule(query), a) !== null;
const errorsOf = (query: string, extra: Partial<RuleConfig> = {}) => compileRules([{ id: 'r', name: 'r', query, severity: 'info', ...extra }], { lookup: testLookup }).errors.map((e) => e.message);

const talks = article({ title: 'Envoys meet in Geneva', summary: 'Peace envoys said the long awaited talks would resume. A ceasefire was not discussed.' });

describe('proximity "a b"~N', () => {
  it('matches the words in any order with at most N other words among them', () => {
    expect(matches('"peace talks"~5', talks)).toBe(true); // peace envoys said the long awaited talks: 5 between
    expect(matches('"peace talks"~4', talks)).toBe(false);
    expect(matches('"talks peace"~5', talks)).toBe(true);
  });

  it('needs every word of the phrase', () => {
    expect(matches('"peace truce"~20', talks)).toBe(false);
    expect(matches('"peace envoys talks"~4', talks)).toBe(true);
  });

  it('is an exact phrase at ~0 only when the words are adjacent', () => {
    expect(matches('"peace envoys"~0', talks)).toBe(true);
    expect(matches('"peace said"~0', talks)).toBe(false);
  });

  it('lets the last word be a wildcard', () => {
    expect(matches('"peace resum*"~10', talks)).toBe(true);
  });

  it('says which proximity held and the words it spanned', () => {
    const m = matchRule(rule('"peace talks"~5'), talks)!;
    expect(m.fired).toEqual(['"peace talks"~5']);
    expect(m.words).toEqual(['Peace envoys said the long awaited talks']);
  });
});

describe('NEAR/N', () => {
  it('matches two terms within N words of each other, in either order', () => {
    expect(matches('envoys NEAR/3 talks', talks)).toBe(false); // envoys said the long awaited talks: 4 between
    expect(matches('envoys NEAR/4 talks', talks)).toBe(true);
    expect(matches('talks NEAR/4 envoys', talks)).toBe(true);
    expect(matches('envoys NEAR/2 talks', talks)).toBe(false);
  });

  it('takes phrases, wildcards and OR groups on either side', () => {
    expect(matches('"long awaited" NEAR/1 talk*', talks)).toBe(true);
    expect(matches('(truce OR ceasefire) NEAR/3 discussed', talks)).toBe(true);
    expect(matches('(truce OR armistice) NEAR/3 discussed', talks)).toBe(false);
  });

  it('chains: each NEAR measures from what was matched so far', () => {
    expect(matches('peace NEAR/1 envoys NEAR/1 said', talks)).toBe(true);
    expect(matches('peace NEAR/1 envoys NEAR/1 resume', talks)).toBe(false);
  });

  it('binds tighter than AND and OR', () => {
    expect(matches('geneva AND envoys NEAR/2 said', talks)).toBe(true);
    expect(matches('moscow OR peace NEAR/0 envoys', talks)).toBe(true);
  });

  it('rejects tag terms and AND groups as operands, with their column', () => {
    expect(errorsOf('attack NEAR/5 actor:RU')).toEqual(['rule "r", column 15: NEAR/5 joins words, phrases or (a OR b) groups of them, not actor:RU']);
    expect(errorsOf('(a AND b) NEAR/5 c')).toEqual(['rule "r", column 1: NEAR/5 joins words, phrases or (a OR b) groups of them, not an AND group']);
    expect(errorsOf('a NEAR/x b')).toEqual(['rule "r", column 3: NEAR/ needs a number of words, such as NEAR/5']);
    expect(errorsOf('a NEAR/99 b')).toEqual(['rule "r", column 3: a distance of 99 words is too far to mean "near" (at most 50)']);
    expect(errorsOf('NEAR/5 b')).toEqual(['rule "r", column 1: expected a term, found NEAR/5']);
  });

  it('leaves the plain word "near" a word', () => {
    expect(matches('near', article({ summary: 'Shelling near Kharkiv.' }))).toBe(true);
  });
});

describe('SENT(…)', () => {
  it('matches only when the inner query holds within one sentence', () => {
    expect(matches('SENT(talks resume)', talks)).toBe(true);
    expect(matches('SENT(talks ceasefire)', talks)).toBe(false); // two sentences
    expect(matches('talks ceasefire', talks)).toBe(true);
  });

  it('treats the title as a sentence of its own', () => {
    expect(matches('SENT(geneva peace)', talks)).toBe(false);
    expect(matches('SENT(envoys geneva)', talks)).toBe(true);
  });

  it('does not end a sentence at an abbreviation such as U.S.', () => {
    const a = article({ title: 'x', summary: 'The U.S. envoy arrived for talks. Nothing else.' });
    expect(matches('SENT(envoy talks)', a)).toBe(true);
    expect(matches('SENT(talks nothing)', a)).toBe(false);
  });

  it('holds OR, NOT and NEAR inside', () => {
    expect(matches('SENT(ceasefire NOT talks)', talks)).toBe(true);
    expect(matches('SENT((truce OR ceasefire) NEAR/2 discussed)', talks)).toBe(true);
  });

  it('says that it held, and in how many sentences', () => {
    expect(matchRule(rule('SENT(talks resume)'), talks)!.fired).toEqual(['SENT(talks resume) (one sentence)']);
  });

  it('rejects tags inside, an unclosed group and an empty one, with columns', () => {
    expect(errorsOf('SENT(actor:RU attack)')).toEqual(['rule "r", column 6: SENT(…) holds words, phrases and NEAR only, not actor:RU']);
    expect(errorsOf('SENT(a b')).toEqual(['rule "r", column 5: missing closing parenthesis for the "(" at this column']);
    expect(errorsOf('SENT()')).toEqual(['rule "r", column 5: empty parentheses']);
  });
});

describe('title:', () => {
  const a = article({ title: 'Ceasefire holds in the east', summary: 'Shelling resumed near the border after the truce.' });

  it('searches the title only', () => {
    expect(matches('title:ceasefire', a)).toBe(true);
    expect(matches('title:truce', a)).toBe(false);
    expect(matches('truce', a)).toBe(true);
  });

  it('takes phrases, proximity and wildcards', () => {
    expect(matches('title:"ceasefire holds"', a)).toBe(true);
    expect(matches('title:"ceasefire east"~3', a)).toBe(true);
    expect(matches('title:"holds shelling"~3', a)).toBe(false); // "shelling" is in the summary
    expect(matches('title:cease*', a)).toBe(true);
  });

  it('is named among the operators that held', () => {
    expect(matchRule(rule('title:ceasefire'), a)!.fired).toEqual(['title:ceasefire']);
  });
});

describe('mentions(…)', () => {
  const kyiv = { text: 'Kyiv', start: 0, end: 4 };
  const a = article({
    summary: 'Ukraine said. Ukraine added.',
    regions: [
      tag('UA', 'Ukraine', 'country', { mentions: [kyiv, kyiv] }),
      tag('donetsk-oblast', 'Donetsk Oblast', 'region', { parents: ['donbas', 'UA'], mentions: [kyiv] }),
      tag('donbas', 'Donbas', 'region', { mentions: [], via: ['donetsk-oblast'], parents: ['UA'] }),
    ],
  });

  it('counts a tag with the places inside it, each once', () => {
    expect(matches('mentions(region:UA) >= 3', a)).toBe(true);
    expect(matches('mentions(region:UA) >= 4', a)).toBe(false);
    expect(matches('mentions(region:UA) = 3', a)).toBe(true);
    expect(matches('mentions(region:Donbas) = 1', a)).toBe(true); // through Donetsk
  });

  it('keeps to the side it names', () => {
    expect(matches('mentions(actor:UA) >= 1', a)).toBe(false);
    expect(matches('mentions(tag:UA) >= 3', a)).toBe(true);
  });

  it('counts words and phrases too, with every comparison', () => {
    expect(matches('mentions(ukraine) >= 2', a)).toBe(true);
    expect(matches('mentions(ukraine) > 2', a)).toBe(false);
    expect(matches('mentions(ukraine) < 3', a)).toBe(true);
    expect(matches('mentions(ukraine) <= 1', a)).toBe(false);
    expect(matches('mentions("ukraine added") = 1', a)).toBe(true);
  });

  it('reports the count it found', () => {
    expect(matchRule(rule('mentions(region:UA) >= 3'), a)!.fired).toEqual(['mentions(region:UA) >= 3 (3)']);
  });

  it('explains a missing comparison, a missing term and a term it cannot count', () => {
    expect(errorsOf('mentions(region:UA)')).toEqual(['rule "r", column 20: mentions(…) needs a comparison after it, such as >= 3']);
    expect(errorsOf('mentions(region:UA) >=')).toEqual(['rule "r", column 21: >= needs a whole number after it, such as mentions(region:UA) >= 3']);
    expect(errorsOf('mentions() > 1')).toEqual(['rule "r", column 9: mentions( needs a tag or words to count, such as mentions(region:UA) >= 3']);
    expect(errorsOf('mentions(feed:x) > 1')).toEqual(['rule "r", column 10: mentions( counts one tag (actor:, region:, tag:) or one word or phrase']);
    expect(errorsOf('mentions(region:Narnia) > 1')).toEqual(['rule "r", column 10: unknown region "Narnia" (did you mean "NATO"?)']);
  });
});

describe('salient:side:X', () => {
  const a = article({ actors: [tag('UA', 'Ukraine', 'country', { salient: false })], regions: [tag('UA', 'Ukraine', 'country')] });

  it('asks that the article be about the tag on that side', () => {
    expect(matches('salient:region:UA', a)).toBe(true);
    expect(matches('salient:actor:UA', a)).toBe(false);
    expect(matches('salient:UA', a)).toBe(true);
    expect(matches('about:UA', a)).toBe(true);
  });

  it('takes a quoted name', () => {
    const b = article({ regions: [tag('black-sea', 'Black Sea', 'sea')] });
    expect(matches('salient:region:"Black Sea"', b)).toBe(true);
  });
});

describe('weighted terms with a threshold', () => {
  const terms = { ceasefire: 2, truce: 2, talks: 1, '-football': -5 };

  it('matches when the weights of the terms found reach the threshold', () => {
    const r = rule(undefined, { terms, threshold: 3 });
    expect(matchRule(r, talks)).not.toBeNull(); // ceasefire 2 + talks 1
    expect(matchRule(r, article({ title: 'x', summary: 'Talks only.' }))).toBeNull();
    expect(matchRule(r, article({ title: 'Football truce', summary: 'A ceasefire between the clubs.' }))).toBeNull(); // 2 + 2 - 5
  });

  it('is combined with the query: both must hold', () => {
    const r = rule('actor:CN', { terms, threshold: 3 });
    expect(matchRule(r, talks)).toBeNull();
    expect(matchRule(rule('actor:RU', { terms, threshold: 3 }), talks)).not.toBeNull();
  });

  it('takes any term of the query language as a key', () => {
    const r = rule(undefined, { terms: { '"peace talks"~5': 2, 'actor:RU': 1 }, threshold: 3 });
    expect(matchRule(r, talks)?.score?.total).toBe(3);
  });

  it('shows the score and the terms that counted', () => {
    const m = matchRule(rule(undefined, { terms, threshold: 3 }), talks)!;
    expect(m.score).toEqual({ total: 3, threshold: 3, terms: [{ term: 'ceasefire', weight: 2 }, { term: 'talks', weight: 1 }] });
    expect(m.words).toEqual(['ceasefire', 'talks']);
  });

  it('explains a bad term with its column, a "-" term with a positive weight and a missing threshold', () => {
    const bad = (extra: Partial<RuleConfig>) => compileRules([{ id: 'r', name: 'r', severity: 'info', ...extra }], { lookup: testLookup }).errors.map((e) => e.message);
    expect(bad({ terms: { 'cease*fire': 1 }, threshold: 1 })).toEqual(['rule "r": term "cease*fire", column 6: a wildcard * may only end a word (invad*)']);
    expect(bad({ terms: { '-football': 5 }, threshold: 1 })).toEqual(['rule "r": term "-football" is written with "-" but has a positive weight 5 (give it a negative weight, such as -5)']);
    expect(bad({ terms: { truce: 1 } })).toEqual(['rule "r": weighted terms need a "threshold" (the total weight an article must reach)']);
    expect(bad({ threshold: 2, query: 'x' })).toEqual(['rule "r": "threshold" needs weighted "terms" to add up']);
    expect(bad({})).toEqual(['rule "r": needs a query, weighted terms, a watch or a novel pair']);
  });
});
