import { describe, expect, it } from 'vitest';
import { hashKey, hashSpan, KeySet, phraseKey, spanEquals, tokenKey, tokens } from '../../../shared/tagging/chars';
import { allEntries } from '../../../shared/tagging/gazetteer';

describe('token keys read in place', () => {
  it('hash and compare every token of every alias as its key, accents and scripts included', { timeout: 120_000 }, () => {
    let checked = 0;
    let slow = 0;
    const bad: string[] = [];
    for (const ie of allEntries()) {
      for (const alias of [...ie.entry.aliases, ...ie.demonyms]) {
        for (const t of tokens(alias)) {
          const key = tokenKey(t);
          const h = hashSpan(t, 0, t.length);
          // Collected and checked once at the end: 300,000 tokens one expect each would be slow.
          if (h < 0) slow++;
          else if (h !== hashKey(key)) bad.push(`${t}: hash`);
          if (!spanEquals(t, 0, t.length, key)) bad.push(`${t}: compare`);
          // (A letter whose capital takes more code units, as ẖ does, moves the offsets: not comparable so.)
          const up = t.toUpperCase();
          if (up.length === t.length && spanEquals(up, 0, t.length, key) !== (tokenKey(up) === key)) bad.push(`${t}: upper case`);
          checked++;
        }
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
    expect(slow).toBeLessThan(checked / 100); // almost every token is hashed without making its key
  });
  it('drops accents written as combining marks, as tokenKey does', () => {
    const decomposed = 'Tu\u0308rkiye';
    expect(hashSpan(decomposed, 0, decomposed.length)).toBe(hashKey('turkiye'));
    expect(spanEquals(decomposed, 0, decomposed.length, 'turkiye')).toBe(true);
    expect(spanEquals('TÜRKIYE', 0, 7, 'turkiye')).toBe(true);
  });
  it('falls back to tokenKey where a key depends on the neighbours (Greek final sigma)', () => {
    const word = 'ΟΔΥΣΣΕΑΣ';
    expect(hashSpan(word, 0, word.length)).toBe(-1);
    expect(spanEquals(word, 0, word.length, tokenKey(word))).toBe(true);
    expect(new KeySet([word]).hasSpan(word, 0, word.length)).toBe(true);
  });
  it('finds a word in a set of words whatever its case and accents, and only a word of the set', () => {
    const set = new KeySet(['of', 'Über', 'G7', 'état', 'near']);
    const text = 'OF über Uber G7 ÉTAT Etat NEAR Near ne or 7G';
    const words = [...text.matchAll(/\S+/g)].map((m) => [m[0], set.hasSpan(text, m.index!, m.index! + m[0].length)]);
    expect(words).toEqual([['OF', true], ['über', true], ['Uber', true], ['G7', true], ['ÉTAT', true], ['Etat', true], ['NEAR', true], ['Near', true], ['ne', false], ['or', false], ['7G', false]]);
    expect(set.hasSpan(text, 3, 3)).toBe(false); // an empty span
  });
  it('tells apart keys that differ only in length', () => {
    expect(spanEquals('Kyiv', 0, 4, 'kyi')).toBe(false);
    expect(spanEquals('Kyi', 0, 3, 'kyiv')).toBe(false);
    expect(spanEquals('Київ', 0, 4, tokenKey('Київ'))).toBe(true);
  });
});

describe('phraseKey', () => {
  it('gives what joining the keys of the tokens gives, for every kind of phrase', () => {
    const phrases = ['', ' ', 'Kyiv', "Côte d'Ivoire", 'Santa Ana', '  São  Paulo ', 'Bosnia-Herzegovina', 'U.S.', 'Донецька область', '北京', 'Al-Fashir, Sudan', 'İstanbul'];
    for (const p of phrases) expect(phraseKey(p), p).toBe(tokens(p).map(tokenKey).join(' '));
    // And over every name of the gazetteer (the keys the town index was built with).
    for (const e of allEntries().slice(0, 20000)) expect(phraseKey(e.entry.name)).toBe(tokens(e.entry.name).map(tokenKey).join(' '));
  });
});
