// Behaviour of the spellings the gazetteer builder adds (scripts/gazetteer/spellings.ts): the plain
// form of letters NFD keeps whole, and Ukraine's national romanisation of GeoNames' older spellings.
import { describe, expect, it } from 'vitest';
import { plainSpelling, ukrainianSpelling } from '../../../../scripts/gazetteer/spellings';

describe('ukrainianSpelling', () => {
  it('writes GeoNames names as the 2010 Ukrainian national romanisation does, which the news follows', () => {
    const cases: [string, string][] = [
      ['Kramators’k', 'Kramatorsk'], // soft sign
      ['Syevyerodonets’k', 'Sievierodonetsk'], // є inside a word
      ['Izyum', 'Izium'], // ю
      ['Vinnytsya', 'Vinnytsia'], // я
      ['Avdiyivka', 'Avdiivka'], // ї after a vowel
      ['Pervomays’k', 'Pervomaisk'], // й closing a vowel
      ['Kryvyy Rih', 'Kryvyi Rih'], // final ий
      ['Kupjansk', 'Kupiansk'], // j before a vowel
      ['Kam’yanets’-Podil’s’kyy', 'Kamianets-Podilskyi'],
    ];
    for (const [geonames, news] of cases) expect(ukrainianSpelling(geonames), geonames).toBe(news);
  });
  it('leaves names spelt so already, an и before ї ("Kyiv") and the initial Ye, Ya', () => {
    for (const name of ['Kyiv', 'Mariupol', 'Zhytomyr', 'Bila Tserkva', 'Yasynuvata']) expect(ukrainianSpelling(name), name).toBeUndefined();
    expect(ukrainianSpelling('Yenakiyeve')).toBe('Yenakiieve');
  });
  it('keeps the plain forms of letters that do not decompose', () => {
    expect(plainSpelling('Doğubayazıt')).toBe('Doğubayazit');
    expect(plainSpelling('Łódź')).toBe('Lódź'); // the accent is folded by the matcher
    expect(plainSpelling('Kyiv')).toBeUndefined();
  });
});
