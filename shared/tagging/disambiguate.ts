// Disambiguation: decides which matches name a place or actor, and which one when a name is shared.
// Each rule reads general evidence from data/rules.json — the word after a city ("Minsk agreements"),
// the capitalised words around a name that is also a person's ("Michael Jordan"), the other places an
// article names ("Georgia" beside Atlanta is the US state) — never anything about one article.
import { charClass, tokenKey, UPPER, WORD } from './chars';
import { roleHeld, type Gazetteer } from './gazetteer';
import type { AliasTarget, RawMatch } from './matcher';
import rules from './data/rules.json';

/** A match with the field it was found in and, once resolved, the entry it names. */
export interface Found extends RawMatch {
  field: 'title' | 'text';
  entry: number;
  dateline?: boolean;
}

export interface AmbiguityRule {
  default: string;
  choices: { id: string; cues: string[]; words: string[] }[];
}

const notPlaceAfter = new Set(rules.notPlaceAfter.words);
const nameRisk = new Set(rules.nameRisk.aliases.map(tokenKey));
const neighbourOk = new Set(rules.nameRisk.neighbourOk.map(tokenKey));
/** Ambiguous names by key ("georgia"), with their candidates. */
export const ambiguous = new Map<string, AmbiguityRule>(rules.ambiguous.map((r) => [tokenKey(r.alias), r]));

const PLACE_KINDS = new Set(['city', 'region']);

/** The word after `end` when only spaces separate them ("" when punctuation or the text ends). */
function nextWord(text: string, end: number): { start: number; end: number } | undefined {
  let k = end;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 160)) k++;
  if (k === end || k >= text.length || !(charClass(text.charCodeAt(k)) & WORD)) return undefined;
  let e = k + 1;
  while (e < text.length && charClass(text.charCodeAt(e)) & WORD) e++;
  return { start: k, end: e };
}

/** The word before `start` when only spaces separate them. */
function prevWord(text: string, start: number): { start: number; end: number } | undefined {
  let k = start;
  while (k > 0 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 160)) k--;
  if (k === start || k === 0 || !(charClass(text.charCodeAt(k - 1)) & WORD)) return undefined;
  let s = k - 1;
  while (s > 0 && charClass(text.charCodeAt(s - 1)) & WORD) s--;
  return { start: s, end: k };
}

/** True for a capitalised word in running text ("Michael"), false for ALL-CAPS (titles, datelines). */
function capitalised(text: string, w: { start: number; end: number }): boolean {
  if (!(charClass(text.charCodeAt(w.start)) & UPPER)) return false;
  for (let i = w.start + 1; i < w.end; i++) if (!(charClass(text.charCodeAt(i)) & UPPER) && charClass(text.charCodeAt(i)) & WORD) return true;
  return false;
}

/** True when the word opens a sentence, so its capital letter says nothing. */
function opensSentence(text: string, w: { start: number }): boolean {
  let k = w.start;
  while (k > 0 && /[\s"“‘(«]/.test(text[k - 1]!)) k--;
  return k === 0 || /[.!?:;\n]/.test(text[k - 1]!) || /\n/.test(text.slice(k, w.start));
}

/** Drops matches that are not places or actors in context; `matchedAt` tells what else was matched. */
export function dropNonNames(text: string, matches: RawMatch[], g: Gazetteer): RawMatch[] {
  const starts = new Set(matches.map((m) => m.start));
  const ends = new Set(matches.map((m) => m.end));
  return matches.filter((m) => {
    if (m.target.block) return false;
    const kinds = m.target.entries.map((i) => g.entries[i]!.entry.kind);
    // "Minsk agreements", "Normandy format", "Paris Agreement", "Washington Post": a title, not a place.
    if (kinds.every((k) => PLACE_KINDS.has(k))) {
      const nw = nextWord(text, m.end);
      if (nw && notPlaceAfter.has(tokenKey(text.slice(nw.start, nw.end)))) return false;
    }
    // "Michael Jordan", "Chad Smith", "Whitney Houston": a capitalised neighbour that is neither a
    // place nor a title makes a one-word place name part of a person's name.
    if (m.target.entries.length && nameRisk.has(tokenKey(text.slice(m.start, m.end)))) {
      const pw = prevWord(text, m.start);
      if (pw && capitalised(text, pw) && !ends.has(pw.end) && !neighbourOk.has(tokenKey(text.slice(pw.start, pw.end))) && !opensSentence(text, pw)) return false;
      const nw = nextWord(text, m.end);
      if (nw && capitalised(text, nw) && !starts.has(nw.start) && !neighbourOk.has(tokenKey(text.slice(nw.start, nw.end)))) return false;
    }
    return true;
  });
}

/** Ids named unambiguously in the article, with their ancestors: the context that settles shared names. */
export function contextIds(found: Found[], g: Gazetteer): Set<string> {
  const ids = new Set<string>();
  const add = (id: string, depth: number) => {
    if (ids.has(id) || depth > 6) return;
    ids.add(id);
    for (const p of g.byId.get(id)?.entry.parents ?? []) add(p, depth + 1);
  };
  for (const f of found) if (f.target.entries.length === 1) add(g.entries[f.target.entries[0]!]!.entry.id, 0);
  return ids;
}

/** Picks the entry a shared name stands for in this article; -1 when none applies. */
export function resolveShared(t: AliasTarget, key: string, text: string, context: Set<string>, fullNames: Set<number>, g: Gazetteer, date?: string): number {
  if (t.entries.length === 1) return t.entries[0]!;
  const rule = ambiguous.get(key);
  if (rule) {
    let best = rule.default;
    let bestScore = 0;
    // Ties go to the default: it is listed first or wins with zero points.
    rule.choices.sort((a, b) => Number(b.id === rule.default) - Number(a.id === rule.default));
    for (const c of rule.choices) {
      let s = 0;
      for (const cue of c.cues) {
        if (cue.startsWith('prefix:')) {
          const p = cue.slice(7);
          for (const id of context) if (id.startsWith(p)) { s++; break; }
        } else if (context.has(cue)) s++;
      }
      for (const w of c.words) if (w.startsWith('!') ? text.includes(w.slice(1)) && (s += 9) : text.includes(w)) s++;
      if (s > bestScore) {
        best = c.id;
        bestScore = s;
      }
    }
    return g.byId.get(best)?.index ?? -1;
  }
  // A surname two people share: the one whose full name the article uses, else the one in office at
  // the date, else the one who took office last.
  const named = t.entries.filter((i) => fullNames.has(i));
  if (named.length === 1) return named[0]!;
  const inOffice = date ? t.entries.filter((i) => g.entries[i]!.roles.some((r) => roleHeld(r, date))) : [];
  if (inOffice.length >= 1) return inOffice[0]!;
  const latest = (i: number) => g.entries[i]!.roles.reduce((a, r) => (r.from && r.from > a ? r.from : a), '');
  return [...t.entries].sort((a, b) => latest(b).localeCompare(latest(a)))[0]!;
}
