// Names in scripts without letter case, where "a name starts with a capital" cannot hold: Chinese and
// Japanese (written without spaces: a name is found anywhere inside a run of characters, with its
// exact offsets), Korean (spaces, but particles written onto the noun: 한국은, 러시아가) and Arabic and
// Persian (spaces, but conjunctions and prepositions written onto the next word: وروسيا, بروسيا).
// The matcher (matcher.ts) calls these for a token whose first letter has no case.
import { KeySet } from './chars';
import type { AliasTarget } from './matcher';
import languages from './data/languages.json';

/** Han ideographs, kana and the CJK compatibility block: scripts written without spaces. */
export function isHanKana(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff66 && c <= 0xff9f);
}

/** True when an alias is written in Han or kana (it goes to the dictionary below, not to the word trie). */
export function isHanKanaName(alias: string): boolean {
  for (let i = 0; i < alias.length; i++) if (isHanKana(alias.charCodeAt(i))) return true;
  return false;
}

export const isHangul = (c: number): boolean => c >= 0xac00 && c <= 0xd7a3;
export const isArabicScript = (c: number): boolean => (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);

/** Korean particles and nominal suffixes written onto a name (data/languages.json). */
export const koreanParticles = new KeySet(languages.korean.particles);
/** Arabic proclitics, longest first (the longer one is tried first: وب before و). */
export const arabicProclitics = [...languages.arabic.proclitics].sort((a, b) => b.length - a.length);

/** li- + al- is written لل: the form of an al- name after li- (العراق → للعراق). */
export function arabicLiForm(alias: string): string | undefined {
  return alias.startsWith('ال') ? `لل${alias.slice(2)}` : undefined;
}

/**
 * Han and kana names by their first character, longest first: the scan tries each at every character
 * of a run, so "中国" is found in "中国外交部表示" and "俄罗斯" in "他说俄罗斯将".
 */
export class CjkNames {
  private readonly byFirst = new Map<number, { text: string; target: AliasTarget }[]>();
  get size(): number {
    return this.byFirst.size;
  }
  /** Adds a name; a name already held keeps its first target. */
  add(text: string, target: AliasTarget): void {
    const c = text.charCodeAt(0);
    let list = this.byFirst.get(c);
    if (!list) this.byFirst.set(c, (list = []));
    if (list.some((x) => x.text === text)) return;
    list.push({ text, target });
    list.sort((a, b) => b.text.length - a.text.length);
  }
  /** The longest name that starts at `i` in `text`, or undefined. */
  at(text: string, i: number): { text: string; target: AliasTarget } | undefined {
    const list = this.byFirst.get(text.charCodeAt(i));
    if (list) for (const x of list) if (text.startsWith(x.text, i)) return x;
    return undefined;
  }
}
