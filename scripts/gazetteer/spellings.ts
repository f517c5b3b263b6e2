// Spellings English news writes for names with letters that Unicode does not decompose: Doğubayazıt
// is "Dogubayazit", Łódź "Lodz", Tromsø "Tromso". The matcher folds accents (ğ → g, ó → o) but not
// these letters, which are letters of their own; each place name that has one gains its plain form.
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

/** Gives every place whose names have such letters their plain spellings (unless another entry holds one). */
export function addPlainSpellings(b: Builder): void {
  for (const e of b.entries) {
    if (!PLACE_KINDS.has(e.kind)) continue;
    const have = new Set(e.aliases.map(aliasKey));
    for (const a of [...e.aliases]) {
      const p = plainSpelling(a);
      if (!p || have.has(aliasKey(p)) || b.claimed.has(aliasKey(p))) continue;
      have.add(aliasKey(p));
      e.aliases.push(p);
    }
  }
}
