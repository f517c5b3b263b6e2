import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getTagEntry, resolveTag, suggestTags } from '../../../shared/tagging';
import { buildGazetteer, encodeEntry, OUTPUT, serialise, type BuiltEntry } from '../../../scripts/build-gazetteer';
import { gazetteer } from '../../../shared/tagging/gazetteer';
import { KIND_CODES } from '../../../shared/tagging/chars';

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
    const ids = new Set(g.entries.map((e) => e.id));
    expect(ids.size).toBe(g.entries.length);
    for (const e of g.entries) for (const p of e.parents) expect(ids.has(p), `${e.id} → ${p}`).toBe(true);
    for (const e of g.entries) for (const r of e.roles) expect(ids.has(r[0]), `${e.id} → ${r[0]}`).toBe(true);
    for (const e of g.entries) expect(getTagEntry(e.id)?.name).toBe(e.name);
  });
  it('loads back exactly the entries the builder made, in order (defaults left out of the file are restored)', () => {
    const kinds = Object.fromEntries(Object.entries(KIND_CODES).map(([k, c]) => [c, k]));
    const built = buildGazetteer().entries;
    const loaded = gazetteer().entries;
    expect(loaded).toHaveLength(built.length);
    built.forEach((b, i) => {
      const ie = loaded[i]!;
      const entry = { id: b.id, name: b.name, kind: kinds[b.kind], parents: b.parents, aliases: b.aliases, ...(b.country ? { country: b.country } : {}), ...(b.wikidata ? { wikidata: b.wikidata } : {}) };
      const roles = b.roles.map(([of, role, from, to]) => ({ of, role, ...(from ? { from } : {}), ...(to ? { to } : {}) }));
      expect({ index: ie.index, entry: ie.entry, demonyms: ie.demonyms, roles: ie.roles }).toStrictEqual({ index: i, entry, demonyms: b.demonyms, roles });
    });
  });
  it('stays small enough for the Lambda bundles', () => {
    expect(fs.statSync(OUTPUT).size).toBeLessThan(100 * 1024);
  });
});

describe('encodeEntry', () => {
  const city: BuiltEntry = { id: 'yantai', name: 'Yantai', kind: 'y', country: 'CN', wikidata: '', parents: ['CN'], aliases: ['Yantai'], demonyms: [], roles: [] };
  it('leaves out what the loader derives: the city kind, the slug id, the country as parent, the name as only alias, empty fields at the end', () => {
    expect(encodeEntry(city)).toBe('Yantai|CN');
  });
  it('writes the name inside an alias list as an empty item, and no aliases as ~', () => {
    expect(encodeEntry({ ...city, aliases: ['Yantai', 'Chefoo'] })).toBe('Yantai|CN|||||^Chefoo');
    expect(encodeEntry({ ...city, id: 'vatican', name: 'Vatican', country: 'VA', parents: ['VA'], aliases: [] })).toBe('Vatican|VA|||||~');
  });
  it('keeps a country that is its own entry without parents, and writes roles as of,role,from,to', () => {
    expect(encodeEntry({ ...city, id: 'XK', name: 'Kosovo', kind: 'c', country: 'XK', parents: [], aliases: ['Kosovo'] })).toBe('Kosovo|XK|c|XK');
    const person = { ...city, id: 'jane-doe', name: 'Jane Doe', kind: 'p', country: '', parents: [], aliases: ['Jane Doe'], roles: [['UA', 'President', '2019-05-20', ''] as [string, string, string, string]] };
    expect(encodeEntry(person)).toBe('Jane Doe||p||||||UA,President,2019-05-20,');
  });
  it('refuses a value that holds a separator character', () => {
    expect(() => encodeEntry({ ...city, aliases: ['Yantai', 'Yan|tai'] })).toThrow(/yantai: alias "Yan\|tai" holds a separator/);
    expect(() => encodeEntry({ ...city, roles: [['CN', 'Mayor, acting', '', '']] })).toThrow(/role "Mayor, acting"/);
  });
});
