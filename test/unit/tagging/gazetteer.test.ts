import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getTagEntry, resolveTag, suggestTags } from '../../../shared/tagging';
import { buildGazetteer, OUTPUT, serialise, slug } from '../../../scripts/build-gazetteer';

describe('resolveTag', () => {
  it('resolves names, aliases, ISO codes and ids', () => {
    expect(resolveTag('NATO')?.id).toBe('nato');
    expect(resolveTag('RU')?.id).toBe('RU');
    expect(resolveTag('ru')?.id).toBe('RU');
    expect(resolveTag('Black Sea')?.id).toBe('black-sea');
    expect(resolveTag('the Black Sea')?.id).toBe('black-sea');
    expect(resolveTag('Kiev')?.id).toBe('kyiv');
    expect(resolveTag('donetsk-oblast')?.name).toBe('Donetsk Oblast');
    expect(resolveTag('United Nations')?.id).toBe('un');
    expect(resolveTag('Türkiye')?.id).toBe('TR');
    expect(resolveTag('Turkey')?.id).toBe('TR');
  });
  it('resolves an ambiguous name to its default reading', () => {
    expect(resolveTag('Georgia')?.id).toBe('GE');
  });
  it('resolves nothing for an unknown name', () => {
    expect(resolveTag('Narnia')).toBeUndefined();
    expect(resolveTag('  ')).toBeUndefined();
  });
});

describe('suggestTags', () => {
  it('suggests near names for a misspelling', () => {
    expect(suggestTags('Ukrane')).toContain('Ukraine');
    expect(suggestTags('Abkhasia')).toContain('Abkhazia');
  });
  it('keeps to the nearest names when one is a single edit away', () => {
    expect(suggestTags('Rusia')).toEqual(['Russia']);
  });
  it('suggests nothing for a string far from every name', () => {
    expect(suggestTags('Qzxwvtplk')).toEqual([]);
  });
  it('respects the limit', () => {
    expect(suggestTags('Guinea', 2).length).toBeLessThanOrEqual(2);
  });
});

describe('getTagEntry', () => {
  it('returns the entry with its kind, country, parents and Wikidata id', () => {
    expect(getTagEntry('abkhazia')).toMatchObject({ kind: 'region', country: 'GE', wikidata: 'Q23334' });
    expect(getTagEntry('UA')).toMatchObject({ kind: 'country', parents: expect.arrayContaining(['eastern-europe']) });
    expect(getTagEntry('nope')).toBeUndefined();
  });
});

describe('the generated gazetteer', () => {
  it('is up to date with its sources (run npm run build:gazetteer after editing shared/tagging/data)', () => {
    expect(fs.readFileSync(OUTPUT, 'utf8')).toBe(serialise(buildGazetteer()));
  });
  it('has unique ids and parents that exist', () => {
    const g = buildGazetteer();
    const ids = new Set(g.entries.map((e) => e[0] || slug(e[1])));
    expect(ids.size).toBe(g.entries.length);
    for (const e of g.entries) for (const p of e[5]) expect(ids.has(p), `${e[0]} → ${p}`).toBe(true);
    for (const [person, roles] of Object.entries(g.roles)) for (const r of roles) expect(ids.has(r[0]), `${person} → ${r[0]}`).toBe(true);
    for (const e of g.entries) expect(getTagEntry(e[0] || slug(e[1]))?.name).toBe(e[1]);
  });
  it('stays small enough for the Lambda bundles', () => {
    expect(fs.statSync(OUTPUT).size).toBeLessThan(200 * 1024);
  });
});
