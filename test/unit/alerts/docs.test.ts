// docs/RULES.md shows queries and error messages: they must stay true.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../shared/alerts';

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
    ];
    const documented = block('Errors').map((l) => l.replace(/^rule "[^"]+"/, 'rule "x"'));
    for (const [query, message] of samples) {
      expect(documented).toContain(message);
      expect(compileRules([{ id: 'x', name: 'x', query, severity: 'info' }]).errors.map((e) => e.message)).toEqual([message]);
    }
  });
});
