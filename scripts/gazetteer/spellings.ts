// Spellings English news writes for names with letters that Unicode does not decompose: Doğubayazıt
// is "Dogubayazit", Łódź "Lodz", Tromsø "Tromso". The matcher folds accents (ğ → g, ó → o) but not
// these letters, which are letters of their own; each place name that has one gains its plain form.
// Ukrainian places also gain the spelling of Ukraine's national romanisation, which the news uses.
import { aliasKey, type Builder } from './sources';

/** Letters that NFD leaves whole, and the Latin letters English writes for them. */
const PLAIN: Record<string, string> = { ı: 'i', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ß: 'ss', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', þ: 'th', Þ: 'Th', ð: 'd' };
const SPECIAL = new RegExp(`[${Object.keys(PLAIN).join('')}]`, 'g');
const PLACE_KINDS = new Set(['c', 'r', 'y']);

/** The plain spelling of a name, or undefined when it has none of those letters. */
export function plainSpelling(name: string): string | undefined {
  SPECIAL.lastIndex = 0;
  if (!SPECIAL.test(name)) return undefined;
  return name.replace(SPECIAL, (c) => PLAIN[c]!);
}

/**
 * The spelling Ukraine's national romanisation (2010, the one the news follows) gives a Ukrainian
 * place name that GeoNames writes in an older system: no soft signs ("Kramators’k" → "Kramatorsk");
 * inside a word "ye", "yu", "ya" as "ie", "iu", "ia" ("Syevyerodonets’k" → "Sievierodonetsk", "Izyum"
 * → "Izium", "Vinnytsya" → "Vinnytsia"); "yi" after a vowel (ї) as "i" ("Avdiyivka" → "Avdiivka",
 * "Kyiv" keeps its и); "y" closing a vowel (й) as "i" ("Pervomays’k" → "Pervomaisk"); a final "yy" as
 * "yi" ("Kryvyy Rih" → "Kryvyi Rih"); "j" before a vowel as "i" ("Kupjansk" → "Kupiansk").
 * Undefined when the name is spelt so already.
 */
export function ukrainianSpelling(name: string): string | undefined {
  const out = name
    .replace(/(\p{L})[’ʹ'`](?=[\p{L}\s-]|$)/gu, '$1')
    .replace(/([aeiou])yi/g, '$1i')
    .replace(/(\p{L})y([eua])/gu, '$1i$2')
    .replace(/([aeiou])y(?![aeiouy])/g, '$1i')
    .replace(/yy\b/g, 'yi')
    .replace(/(\p{L})j([aeiou])/gu, '$1i$2');
  return out !== name ? out : undefined;
}

/**
 * Gives every place whose names have such letters their plain spellings, and every Ukrainian place
 * its national romanisation (unless another entry holds one).
 */
export function addPlainSpellings(b: Builder): void {
  for (const e of b.entries) {
    if (!PLACE_KINDS.has(e.kind)) continue;
    const have = new Set(e.aliases.map(aliasKey));
    for (const a of [...e.aliases]) {
      // Towns and regions only: a country's names come from the translation package, with their case forms.
      for (const p of [plainSpelling(a), e.country === 'UA' && e.kind !== 'c' ? ukrainianSpelling(a) : undefined]) {
        if (!p || have.has(aliasKey(p)) || b.claimed.has(aliasKey(p))) continue;
        have.add(aliasKey(p));
        e.aliases.push(p);
      }
    }
  }
}
