import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rules from '../../../shared/tagging/data/rules.json';
import { cueWords } from '../../../shared/tagging/disambiguate';
import { gazetteer } from '../../../shared/tagging/gazetteer';
import { hashSpan } from '../../../shared/tagging/chars';
import { compileAll, compileMatcher, scan, type Found, type Matcher } from '../../../shared/tagging/matcher';

/** A matcher made as the tagger makes its own (shared/tagging/index.ts). */
function build(): Matcher {
  const g = gazetteer();
  const shared = new Map<string, number[]>();
  for (const r of rules.ambiguous) shared.set(r.alias, r.choices.map((c) => g.byId.get(c.id)?.index).filter((i): i is number => i !== undefined));
  return compileMatcher(g, rules.notPlacePhrases, shared, cueWords);
}

/** What a scan finds, as plain values (targets of two matchers are different objects). */
function found(m: Matcher, text: string): unknown[] {
  const out: Found[] = [];
  scan(m, text, 'text', out);
  return out.map((f) => [f.start, f.end, f.target.key, f.target.alias, [...f.target.entries], !!f.target.block, f.target.demonym, f.target.exact, !!f.target.minor, !!f.target.needsFull]);
}

const golden = fs
  .readFileSync(path.join(__dirname, 'fixtures/golden-input.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { title?: string; text: string })
  .flatMap((d) => [d.title ?? '', d.text])
  .filter(Boolean);
const texts = [
  ...golden,
  'Washington Post reporters in Washington; the Bank of England and the Church of England.',
  'The Hague and the Netherlands; von der Leyen met al-Sisi in the Gaza Strip.',
  'Москвою і Києвом; Rosji i Ukrainy; Niemczech, Białorusią.',
  'Governor Kemp of Georgia visited Reading near Berkshire.',
];

describe('the trie, compiled a first word at a time', () => {
  it('finds in every text what a trie compiled whole finds, whichever words came first', () => {
    const whole = build();
    compileAll(whole);
    const lazy = build();
    const reversed = build();
    expect(lazy.pending.size).toBeGreaterThan(10_000); // nothing compiled before the first scan
    for (const t of texts) expect(found(lazy, t)).toEqual(found(whole, t));
    for (const t of [...texts].reverse()) expect(found(reversed, t)).toEqual(found(whole, t));
  });

  it('compiles only the words a text starts names with', () => {
    const m = build();
    const before = m.pending.size;
    found(m, 'Russian forces shelled Pokrovsk, Ukraine said.');
    let compiled = 0;
    for (const steps of m.pending.values()) if (!steps.length) compiled++;
    expect(compiled).toBeGreaterThan(0);
    expect(compiled).toBeLessThan(10);
    expect(m.pending.size).toBe(before);
  });

  it('keeps one entry per capitalised word in its word table, read again whatever its letters', () => {
    const m = build();
    // Plain words, an acronym, a word with a digit, and words whose key loses its accents ("Köln" is
    // "koln"): each is found again in the table the next time, not added once more.
    const text = 'Porter and Washington, NATO and the G20, Köln, Zürich and Évian, Porter again.';
    found(m, text);
    found(m, text);
    found(m, text.toUpperCase());
    for (const [w] of text.matchAll(/\p{Lu}[\p{L}\p{N}]*/gu)) {
      const at = text.indexOf(w);
      const h = hashSpan(text, at, at + w.length);
      let copies = 0;
      for (let c = m.words.get(h); c; c = c.sibling) if (c.key === w.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')) copies++;
      expect(copies, w).toBe(1);
    }
  });
});
