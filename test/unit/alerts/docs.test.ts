// docs/RULES.md shows queries and error messages: they must stay true.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRules, matchRule, scoreLine } from '../../../shared/alerts';
import { tagArticle } from '../../../shared/pipeline';
import { parseConfig } from '../../../shared/config';

const md = fs.readFileSync(path.resolve(__dirname, '../../../docs/RULES.md'), 'utf8');

function block(heading: string): string[] {
  const section = md.split(`## ${heading}`)[1]!.split('\n## ')[0]!;
  return section.split('```text')[1]!.split('```')[0]!.trim().split('\n');
}

describe('docs/RULES.md', () => {
  it('shows example queries that compile against the real gazetteer', () => {
    const queries = block('Examples').map((l) => l.split(/\s{3,}/)[0]!.trim());
    expect(queries.length).toBeGreaterThan(4);
    const { rules, errors } = compileRules(queries.map((query, i) => ({ id: `e${i}`, name: 'e', query, severity: 'info' as const })));
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(rules).toHaveLength(queries.length);
  });

  it('shows error messages the compiler really gives', () => {
    const samples: [string, string][] = [
      ['actor:RU AND (invasion', 'rule "x", column 14: missing closing parenthesis for the "(" at this column'],
      ['actor:RU AND AND region:UA', 'rule "x", column 14: expected a term after AND, found AND'],
      ['actor:"Black Sea"', 'rule "x", column 1: Black Sea (sea) is never an actor of an article (use region: or tag:)'],
      ['attack NEAR/5 actor:RU', 'rule "x", column 15: NEAR/5 joins words, phrases or (a OR b) groups of them, not actor:RU'],
      ['a NEAR/x b', 'rule "x", column 3: NEAR/ needs a number of words, such as NEAR/5'],
      ['SENT(actor:RU attack)', 'rule "x", column 6: SENT(…) holds words, phrases and NEAR only, not actor:RU'],
      ['mentions(region:UA)', 'rule "x", column 20: mentions(…) needs a comparison after it, such as >= 3'],
      ['mentions(feed:x) > 1', 'rule "x", column 10: mentions( counts one tag (actor:, region:, tag:) or one word or phrase'],
      ['"peace"~ talks', 'rule "x", column 8: ~ after a phrase needs a number of words, such as "peace talks"~5'],
      ['country:FR', 'rule "x", column 1: unknown field "country:" (fields are actor:, region:, tag:, about:, feed:, title:, salient:; quote the text to search for it as words)'],
    ];
    const documented = block('Errors').map((l) => l.replace(/^rule "[^"]+"/, 'rule "x"'));
    for (const [query, message] of samples) {
      expect(documented).toContain(message);
      expect(compileRules([{ id: 'x', name: 'x', query, severity: 'info' }]).errors.map((e) => e.message)).toEqual([message]);
    }
  });

  it('shows a weighted-terms rule that compiles and scores as the text says', () => {
    const section = md.split('## Weighted terms')[1]!.split('\n## ')[0]!;
    const rule = JSON.parse(section.split('```json')[1]!.split('```')[0]!);
    const { rules, errors } = compileRules([rule]);
    expect(errors).toEqual([]);
    const a = (title: string, summary: string) => tagArticle({ id: 'd', url: '', title, summary, publishedAt: '2026-11-27T10:00:00.000Z', fetchedAt: '2026-11-27T10:00:00.000Z', feedName: 'W', feedUrl: 'http://w.example/', storyKey: title });
    const hit = matchRule(rules[0]!, a('Ceasefire in Ukraine', 'Kyiv said talks would follow.'));
    expect(hit?.score).toMatchObject({ total: 3, threshold: 3 });
    expect(scoreLine(hit!.score!)).toBe('3 ≥ 3 (ceasefire +2, talks +1)');
    expect(section).toContain('`3 ≥ 3 (ceasefire +2, talks +1)`');
    expect(matchRule(rules[0]!, a('Truce in Ukraine', 'Kyiv said.'))).toBeNull();
    expect(matchRule(rules[0]!, a('Football truce in Ukraine', 'A ceasefire between the clubs of Kyiv.'))).toBeNull();
  });

  it('lists the errors of terms rules the compiler really gives', () => {
    const documented = block('Errors').map((l) => l.replace(/^rule "[^"]+"/, 'rule "x"'));
    const errs = (extra: object) => compileRules([{ id: 'x', name: 'x', severity: 'info', ...extra }]).errors.map((e) => e.message);
    for (const m of [...errs({ terms: { 'cease*fire': 1 }, threshold: 1 }), ...errs({ terms: { '-football': 5 }, threshold: 1 }), ...errs({ terms: { truce: 1 } })]) expect(documented).toContain(m);
  });

  it('shows spike, watch and novelty rules that the config accepts', () => {
    const section = md.split('## Spike rules')[1]!.split('\n## ')[0]!;
    const rules = section.split('```json').slice(1).map((b) => JSON.parse(b.split('```')[0]!));
    expect(rules.map((r) => Object.keys(r).find((k) => ['spike', 'novel'].includes(k) && !r.watch) ?? 'watch')).toEqual(['spike', 'watch', 'novel']);
    const config = parseConfig({ feeds: [{ url: 'https://example.org/rss.xml', name: 'E' }], rules });
    expect(config.rules.map((r) => r.id)).toEqual(['md-surge', 'any-country', 'new-ground']);
  });
});
