// The builder's names in the languages of the news (scripts/gazetteer/translations.ts).
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../../scripts/build-gazetteer';
import { capitalNames, countryNames, languageData } from '../../../../scripts/gazetteer/translations';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const world = require('world-countries') as Parameters<typeof countryNames>[0];

describe('countryNames', () => {
  const names = countryNames(world);
  const of = (cc: string, lang: string) => names.get(cc)!.filter((t) => t.lang === lang).map((t) => t.name);
  it('gives every language of data/languages.json a name for the main countries', () => {
    for (const lang of languageData().codes) for (const cc of ['RU', 'UA', 'CN', 'US', 'IR', 'DE']) expect(of(cc, lang).length, `${cc} in ${lang}`).toBeGreaterThan(0);
  });
  it('reads "A (B)" as two names and leaves out index forms with a comma', () => {
    expect(of('CN', 'ru')).toEqual(expect.arrayContaining(['КНР', 'Китайская Народная Республика', 'Китай']));
    expect(of('SY', 'de')).not.toContain('Syrien, Arabische Republik');
  });
});

describe('capitalNames', () => {
  it('names a capital in each language from the CLDR zone named after it', () => {
    const moscow = capitalNames(['Moscow']).get('Moscow')!;
    expect(moscow).toEqual(expect.arrayContaining([{ name: 'Москва', lang: 'ru' }, { name: 'モスクワ', lang: 'ja' }, { name: 'Moskau', lang: 'de' }, { name: '莫斯科', lang: 'zh' }]));
  });
  it('gives nothing for a capital whose zone is named after another city (Beijing: Asia/Shanghai)', () => {
    expect(capitalNames(['Beijing']).has('Beijing')).toBe(false);
  });
});

describe('addLanguages, through the built gazetteer', () => {
  const entries = buildGazetteer().entries;
  const byId = new Map(entries.map((e) => [e.id, e]));
  it('marks each sovereign country\'s capital', () => {
    for (const id of ['moscow', 'kyiv', 'washington-dc', 'tehran', 'beijing', 'london']) expect(byId.get(id)?.capital, id).toBe(true);
    expect(byId.get('istanbul')?.capital).toBeUndefined();
  });
  it('gives a name to one entry only: none when two countries share it (Congo in French)', () => {
    const holders = entries.filter((e) => e.aliases.includes('Congo'));
    expect(holders.length).toBeLessThanOrEqual(1);
  });
  it('marks the Polish and German names whose case forms the matcher makes, and only those', () => {
    const de = byId.get('DE')!;
    const marked = (de.inflect ?? []).map(([i, l]) => `${de.aliases[i]}:${l}`);
    expect(marked).toEqual(expect.arrayContaining(['Niemcy:pl', 'Deutschland:de']));
    const cl = byId.get('CL')!;
    expect((cl.inflect ?? []).map(([i]) => cl.aliases[i])).not.toContain('Chile');
  });
  it('adds the everyday Ukrainian names of regions (data/aliases-lang.json)', () => {
    expect(byId.get('donetsk-oblast')!.aliases).toContain('Донеччина');
  });
});
