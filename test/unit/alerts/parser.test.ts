import { describe, expect, it } from 'vitest';
import { compileRules, parseQuery, type RuleNode } from '../../../shared/alerts';
import type { RuleConfig } from '../../../shared/model';
import { testLookup } from './fixtures';

/** A compact rendering of a tree, so precedence reads at a glance. */
function show(n: RuleNode): string {
  switch (n.type) {
    case 'and':
      return `(${n.children.map(show).join(' & ')})`;
    case 'or':
      return `(${n.children.map(show).join(' | ')})`;
    case 'not':
      return `!${show(n.child)}`;
    case 'tag':
      return `${n.salient ? (n.side === 'any' ? 'about' : `salient:${n.side}`) : n.side}:${n.value}`;
    case 'feed':
      return `feed:${n.name}`;
    case 'words':
      return `${n.field ? `${n.field}:` : ''}${n.tokens.join('_')}${n.prefix ? '*' : ''}${n.within === undefined ? '' : `~${n.within}`}`;
    case 'near':
      return `(${show(n.left)} NEAR/${n.distance} ${show(n.right)})`;
    case 'sent':
      return `SENT${show(n.child)}`;
    case 'mentions':
      return `#${show(n.term)}${n.op}${n.count}`;
  }
}

function errorsOf(query: string, id = 'r'): string[] {
  const rule: RuleConfig = { id, name: id, query, severity: 'info' };
  return compileRules([rule], { lookup: testLookup }).errors.map((e) => e.message);
}

describe('parseQuery', () => {
  it('binds AND tighter than OR', () => {
    expect(show(parseQuery('a OR b AND c'))).toBe('(a | (b & c))');
    expect(show(parseQuery('a AND b OR c'))).toBe('((a & b) | c)');
  });

  it('binds NOT tighter than AND', () => {
    expect(show(parseQuery('NOT a AND b'))).toBe('(!a & b)');
    expect(show(parseQuery('NOT NOT a'))).toBe('!!a');
  });

  it('binds NEAR/n tighter than NOT, AND and OR', () => {
    expect(show(parseQuery('a OR b NEAR/3 c'))).toBe('(a | (b NEAR/3 c))');
    expect(show(parseQuery('NOT a NEAR/3 b'))).toBe('!(a NEAR/3 b)');
    expect(show(parseQuery('a NEAR/1 b NEAR/2 c'))).toBe('((a NEAR/1 b) NEAR/2 c)');
  });

  it('reads proximity, title:, salient:side:, SENT and mentions as terms', () => {
    expect(show(parseQuery('"peace talks"~5 x'))).toBe('(peace_talks~5 & x)');
    expect(show(parseQuery('title:"cease fire"~2 OR title:truce'))).toBe('(title:cease_fire~2 | title:truce)');
    expect(show(parseQuery('salient:region:"Black Sea" salient:actor:RU salient:UA'))).toBe('(salient:region:Black Sea & salient:actor:RU & about:UA)');
    expect(show(parseQuery('SENT(a OR b) c'))).toBe('(SENT(a | b) & c)');
    expect(show(parseQuery('mentions(region:UA)>=3 AND mentions("a b") < 2'))).toBe('(#region:UA>=3 & #a_b<2)');
    expect(show(parseQuery('sent mentions'))).toBe('(sent & mentions)'); // words unless "(" follows
  });

  it('lets parentheses override precedence', () => {
    expect(show(parseQuery('(a OR b) AND c'))).toBe('((a | b) & c)');
    expect(show(parseQuery('NOT (a OR b)'))).toBe('!(a | b)');
  });

  it('joins adjacent terms with an implied AND', () => {
    expect(show(parseQuery('russia ukraine OR china'))).toBe('((russia & ukraine) | china)');
    expect(show(parseQuery('actor:RU NOT region:TW'))).toBe('(actor:RU & !region:TW)');
  });

  it('reads a leading minus as NOT, as web search does, but not a hyphen inside a word', () => {
    expect(show(parseQuery('actor:RU -sport -"world cup" (a -b)'))).toBe('(actor:RU & !sport & !world_cup & (a & !b))');
    expect(show(parseQuery('pro-Russian'))).toBe('pro_russian');
  });

  it('accepts operators in any case', () => {
    expect(show(parseQuery('a and b or not c'))).toBe('((a & b) | !c)');
  });

  it('reads quoted phrases, quoted tag values and prefix wildcards', () => {
    expect(show(parseQuery('"military buildup" region:"Black Sea" invad* feed:"Wire A"'))).toBe('(military_buildup & region:Black Sea & invad* & feed:Wire A)');
  });

  it('splits a hyphenated or dotted word into adjacent words, without accents or case', () => {
    expect(show(parseQuery('pro-Russian Kyïv U.S.'))).toBe('(pro_russian & kyiv & u_s)');
  });

  it('reads about: as a tag term that asks for a salient tag', () => {
    expect(show(parseQuery('about:UA OR about:"Black Sea"'))).toBe('(about:UA | about:Black Sea)');
  });

  it('treats tag: as either side and field names in any case', () => {
    expect(show(parseQuery('TAG:nato Region:UA'))).toBe('(any:nato & region:UA)');
  });
});

describe('compileRules errors', () => {
  it('reports the position of a missing closing parenthesis at the opening one', () => {
    expect(errorsOf('actor:RU AND (invasion', 'ru-ua')).toEqual(['rule "ru-ua", column 14: missing closing parenthesis for the "(" at this column']);
  });

  it('reports a doubled operator where the second one stands', () => {
    expect(errorsOf('actor:RU AND AND region:UA')).toEqual(['rule "r", column 14: expected a term after AND, found AND']);
  });

  it('reports an operator with nothing after it at the end of the query', () => {
    expect(errorsOf('actor:RU OR')).toEqual(['rule "r", column 12: expected a term after OR, found the end of the query']);
  });

  it('reports an operator with nothing before it', () => {
    expect(errorsOf('OR actor:RU')).toEqual(['rule "r", column 1: expected a term, found OR']);
  });

  it('reports the position of an unclosed quote', () => {
    expect(errorsOf('region:"Black Sea')).toEqual(['rule "r", column 8: missing closing quote']);
    expect(errorsOf('attack AND "military buildup')).toEqual(['rule "r", column 12: missing closing quote']);
  });

  it('reports a closing parenthesis without an opening one', () => {
    expect(errorsOf('attack)')).toEqual(['rule "r", column 7: closing parenthesis without an opening one']);
  });

  it('reports empty parentheses and an empty query', () => {
    expect(errorsOf('attack AND ()')).toEqual(['rule "r", column 12: empty parentheses']);
    expect(errorsOf('   ')).toEqual(['rule "r", column 1: the query is empty']);
  });

  it('reports a field without a value and an unknown field', () => {
    expect(errorsOf('attack actor:')).toEqual(['rule "r", column 8: actor: needs a value, such as actor:RU']);
    expect(errorsOf('country:RU')[0]).toMatch(/^rule "r", column 1: unknown field "country:" \(fields are actor:, region:, tag:, about:, feed:/);
  });

  it('reports a wildcard that does not end a word, or ends too short a word', () => {
    expect(errorsOf('in*vasion')).toEqual(['rule "r", column 3: a wildcard * may only end a word (invad*)']);
    expect(errorsOf('"new *"')).toEqual(['rule "r", column 6: a wildcard * may only end a word (invad*)']);
    expect(errorsOf('a*')).toEqual(['rule "r", column 1: a wildcard needs at least two letters before the * (invad*)']);
  });

  it('reports a term with nothing to match', () => {
    expect(errorsOf('attack AND &&')).toEqual(['rule "r", column 12: "&&" has no letters or digits to match']);
    expect(errorsOf('attack -')).toEqual(['rule "r", column 8: "-" has no letters or digits to match']);
    expect(errorsOf('attack ""')).toEqual(['rule "r", column 8: the quoted phrase has no words']);
  });

  it('names an unknown actor with near names to choose from', () => {
    expect(errorsOf('actor:Narnia', 'x')).toEqual(['rule "x", column 1: unknown actor "Narnia" (did you mean "NATO"?)']);
  });

  it('names an unknown region without suggestions when nothing is near', () => {
    expect(errorsOf('actor:RU AND region:Qqq')).toEqual(['rule "r", column 14: unknown region "Qqq"']);
  });

  it('rejects a tag on a side it can never be on', () => {
    expect(errorsOf('actor:"Black Sea"')).toEqual(['rule "r", column 1: Black Sea (sea) is never an actor of an article (use region: or tag:)']);
    expect(errorsOf('region:NATO')).toEqual(['rule "r", column 1: NATO (organization) is never a region of an article (use actor: or tag:)']);
  });

  it('collects every error of every rule and keeps the good rules', () => {
    const { rules, errors } = compileRules(
      [
        { id: 'good', name: 'g', query: 'actor:RU', severity: 'info' },
        { id: 'two', name: 't', query: 'actor:Narnia OR region:Qqq', severity: 'info' },
        { id: 'syntax', name: 's', query: '(attack', severity: 'info' },
      ],
      { lookup: testLookup },
    );
    expect(rules.map((r) => r.id)).toEqual(['good']);
    expect(errors.map((e) => [e.ruleId, e.column])).toEqual([
      ['two', 1],
      ['two', 17],
      ['syntax', 1],
    ]);
    expect(errors.every((e) => e.name === 'RuleError' && !e.message.includes('\n'))).toBe(true);
  });

  it('resolves names, aliases and codes to the same id', () => {
    const { rules } = compileRules(
      ['actor:RU', 'actor:russia', 'actor:"Russian Federation"'].map((query, i) => ({ id: `r${i}`, name: 'n', query, severity: 'info' as const })),
      { lookup: testLookup },
    );
    expect(rules.map((r) => (r.ast.type === 'tag' ? r.ast.id : undefined))).toEqual(['RU', 'RU', 'RU']);
  });
});
