// Disambiguation: decides which matches name a place or actor, and which one when a name is shared.
// Each rule reads general evidence from data/rules.json — the word after a city ("Minsk agreements"),
// the capitalised words around a name that is also a person's ("Michael Jordan"), the other places an
// article names ("Georgia" beside Atlanta is the US state) — never anything about one article.
import { charClass, codeAt, KeySet, tokenKey, tokens, UPPER, WORD } from './chars';
import { ancestors, roleHeld, type Gazetteer } from './gazetteer';
import type { AliasTarget, Found } from './matcher';
import rules from './data/rules.json';

export type { Found } from './matcher';

export interface AmbiguityRule {
  default: string;
  choices: { id: string; cues: string[]; words: string[]; before: string[]; after: string[] }[];
}

const notPlaceAfter = new KeySet(rules.notPlaceAfter.words);
const orgAfter = new KeySet(rules.organisationNames.after);
const orgBeforeOf = new KeySet(rules.organisationNames.beforeOf);
const firmEnd = new KeySet(rules.organisationNames.firmEnd);
const firmAfter = new KeySet([...rules.organisationNames.firmEnd, ...rules.organisationNames.firmAfter]);
const hyphenBefore = new KeySet(rules.organisationNames.hyphenBefore);
const and = new KeySet(['and']);
/** Names read after a place for a firm's word ("Indiana and Michigan Electric Co": three). */
const FIRM_NAMES = 3;
const of = new KeySet(['of']);
const compass = new KeySet(['Northern', 'Southern', 'Eastern', 'Western', 'Central', 'North', 'South', 'East', 'West']);
/** Capitalised words read after a place for an organisation's word ("Franklin Elementary School": three). */
const ORG_WORDS_AFTER = 3;
/** Place names that are also persons' names (Jordan, Houston): read with the person rules here and in places.ts. */
export const nameRisk = new Set(rules.nameRisk.aliases.map(tokenKey));
const neighbourOk = new KeySet(rules.nameRisk.neighbourOk);
/** Ambiguous names by key ("georgia"), with their candidates, the default first (it wins ties). */
export const ambiguous = new Map<string, AmbiguityRule>(
  rules.ambiguous.map((r) => [
    tokenKey(r.alias),
    {
      default: r.default,
      choices: [...r.choices]
        .sort((a, b) => Number(b.id === r.default) - Number(a.id === r.default))
        .map((c) => ({ ...c, words: c.words.map((w) => tokens(w).map(tokenKey).join(' ')) })),
    },
  ]),
);

/** Every cue word of the rules: the matcher finds them in its one pass, like names. */
export const cueWords: string[] = rules.ambiguous.flatMap((r) => r.choices.flatMap((c) => c.words));

/** Context for settling shared names: what else the article names, and its words that are cues. */
export interface Context {
  ids: Set<string>;
  keys: Set<string>;
  fullNames: Set<number>;
}

/** The word after `end` when only spaces separate them (undefined after punctuation or at the end). */
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

/** True when the character at `i` is a capital letter (false past the end). */
function capitalisedAt(text: string, i: number): boolean {
  return i < text.length && (charClass(text.charCodeAt(i)) & UPPER) !== 0;
}

/** True for a capitalised word in running text ("Michael"), false for ALL-CAPS (titles, datelines). */
function capitalised(text: string, w: { start: number; end: number }): boolean {
  if (!(charClass(text.charCodeAt(w.start)) & UPPER)) return false;
  for (let i = w.start + 1; i < w.end; i++) if (!(charClass(text.charCodeAt(i)) & UPPER) && charClass(text.charCodeAt(i)) & WORD) return true;
  return false;
}

/**
 * Drops, in place, the matches of one field (from index `from` on) that are not places or actors in
 * context: blocking phrases, places named in a title of an agreement or newspaper, and one-word place
 * names that stand inside a person's name.
 */
export function dropNonNames(g: Gazetteer, text: string, found: Found[], from: number, headline = false): void {
  // In a headline Written In Title Case every word has a capital: it says nothing about names.
  const titleCase = headline && isTitleCase(text);
  let w = from;
  for (let r = from; r < found.length; r++) {
    const m = found[r]!;
    // found[r - 1] still holds the previous match of this field: writes go to w <= r only.
    if (keep(g, text, m, r > from ? found[r - 1]!.end : -1, found[r + 1]?.start ?? -1, titleCase)) found[w++] = m;
  }
  found.length = w;
}

/** True when most words of at least four letters start with a capital ("Jordan Closes Its Border"). */
function isTitleCase(text: string): boolean {
  let words = 0;
  let caps = 0;
  for (const w of text.split(/\s+/)) {
    if (w.length < 4 || !(charClass(w.charCodeAt(0)) & WORD)) continue;
    words++;
    if (charClass(w.charCodeAt(0)) & UPPER) caps++;
  }
  return words >= 2 && caps / words > 0.6;
}

function keep(g: Gazetteer, text: string, m: Found, prevEnd: number, nextStart: number, titleCase: boolean): boolean {
  const t = m.target;
  if (t.block || !t.entries.length) return false; // blocking phrases and bare cue words
  // "Minsk agreements", "Normandy format", "Paris Agreement", "Washington Post": a title, not a place.
  if (t.placeOnly) {
    const nw = nextWord(text, m.end);
    if (nw && notPlaceAfter.hasSpan(text, nw.start, nw.end)) return false;
    // "Hewlett-Packard", "Hydro-Quebec": one word of a hyphenated name.
    if (!titleCase && inCompound(g, text, m, prevEnd, nextStart)) return false;
    // "the University of Calgary", "Union of Concerned Scientists": a town named by an organisation's
    // head word, before "of" and a capitalised word, is that head word.
    if (nw && nw.start === m.end + 1 && nw.end - nw.start === 2 && text.charCodeAt(nw.start) === 111 && text.charCodeAt(nw.start + 1) === 102 && capitalisedAt(text, nw.end + 1) && orgBeforeOf.hasSpan(text, m.start, m.end)) return false;
  }
  // "Michael Jordan", "Chad Smith", "Whitney Houston": a capitalised neighbour that is neither a
  // place nor a title makes a one-word place name part of a person's name.
  if (!titleCase && nameRisk.has(t.key)) {
    const pw = prevWord(text, m.start);
    // A capitalised word before the name is a given name even at the start of a sentence, unless
    // it is one of the words that open sentences or stand before places (neighbourOk).
    if (pw && pw.end !== prevEnd && capitalised(text, pw) && !neighbourOk.hasSpan(text, pw.start, pw.end)) return false;
    const nw = nextWord(text, m.end);
    if (nw && nw.start !== nextStart && capitalised(text, nw) && !neighbourOk.hasSpan(text, nw.start, nw.end)) return false;
  }
  // Small places are read for an organisation's name once they are known to be places (markOrganisations):
  // most of them are not ("Most", "Plan"), and the flag matters only for a place.
  if (!titleCase && !t.minor && inOrganisation(text, m)) m.org = true;
  return true;
}

/**
 * Marks the matches of names that need support (small places, found and kept) that stand inside an
 * organisation's name, as dropNonNames marks the others; called once the article's places are settled.
 */
export function markOrganisations(found: Found[], title: string, text: string): void {
  let titleCase: boolean | undefined;
  for (const f of found) {
    if (!f.target.minor) continue;
    if (f.field === 'title' && (titleCase ??= isTitleCase(title))) continue;
    if (inOrganisation(f.field === 'title' ? title : text, f)) f.org = true;
  }
}

function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

/** The word that starts at `start` (letters and digits), if one does. */
function wordAt(text: string, start: number): { start: number; end: number } | undefined {
  let e = start;
  while (e < text.length && charClass(text.charCodeAt(e)) & WORD) e++;
  return e > start ? { start, end: e } : undefined;
}

/** The word that ends at `end`, if one does. */
function wordBefore(text: string, end: number): { start: number; end: number } | undefined {
  let s = end;
  while (s > 0 && charClass(text.charCodeAt(s - 1)) & WORD) s--;
  return s < end ? { start: s, end } : undefined;
}

/**
 * True for a city or region glued by a hyphen to a capitalised word (three letters or more) that
 * names nothing itself: "Hewlett-Packard", "Seattle-First National Bank", "Hydro-Quebec",
 * "Flexi-Van". Two places joined ("Raleigh-Durham", "Dallas-Fort Worth") are both matches and stay.
 * After the place the word counts only when every candidate is a city: a province opens compound
 * region names ("Rhône-Alpes"). Before it, prefixes and the openers of place names do not count
 * ("Pro-Moscow", "Saint-Denis"), nor a compass word.
 */
function inCompound(g: Gazetteer, text: string, m: Found, prevEnd: number, nextStart: number): boolean {
  if (m.end < text.length && isHyphen(text.charCodeAt(m.end)) && nextStart !== m.end + 1) {
    const w = wordAt(text, m.end + 1);
    if (w && w.end - w.start >= 3 && capitalised(text, w) && m.target.entries.every((i) => g.entries[i]?.entry.kind === 'city')) return true;
  }
  if (m.start > 0 && isHyphen(text.charCodeAt(m.start - 1)) && prevEnd !== m.start - 1) {
    const w = wordBefore(text, m.start - 1);
    if (w && w.end - w.start >= 3 && capitalised(text, w) && !hyphenBefore.hasSpan(text, w.start, w.end) && !compass.hasSpan(text, w.start, w.end)) return true;
  }
  return false;
}

/**
 * True when the name at text[start, end) opens a firm's name: one to three capitalised words ended by a
 * firm's word ("Toyota Motor Corp", "Wichita Industries Inc", "Hartford Insurance Group"), or partners
 * joined by "and" (inFirmName). An institution of a city ("Shanghai Stock Exchange", "Bank of Tokyo")
 * is no firm named after it.
 */
export function opensFirmName(text: string, end: number): boolean {
  let nw = nextWord(text, end);
  for (let k = 0; k < FIRM_NAMES && nw && charClass(text.charCodeAt(nw.start)) & UPPER; k++) {
    if (firmAfter.hasSpan(text, nw.start, nw.end)) return true;
    if (!capitalised(text, nw)) return false;
    nw = nextWord(text, nw.end);
  }
  return inFirmName(text, end);
}

/**
 * True when a firm's name goes on after the place: capitalised names joined by spaces or commas and
 * one "and" or "&", ended within FIRM_NAMES names by a firm's word ("Bear, Stearns and Co", "Pohang
 * Iron and Steel Co", "Indiana and Michigan Electric Co"). A comma before the "and", a second comma
 * or a second "and" makes it a list ("Cincinnati, Ohio, and Florida Power Corp": Cincinnati and Ohio
 * are places; "In New York, Bear, Stearns and Co": New York is).
 */
function inFirmName(text: string, end: number): boolean {
  let k = end;
  let joined = false;
  let commas = 0;
  for (let names = 0; names < FIRM_NAMES; ) {
    const comma = text.charCodeAt(k) === 44;
    // One comma between partners ("Bear, Stearns"); two are a list ("In New York, Bear, Stearns and Co").
    if (comma && ++commas > 1) return false;
    let j = comma ? k + 1 : k;
    const gap = j;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 160)) j++;
    if (j === gap || j >= text.length) return false;
    const w = wordAt(text, j);
    if (text.charCodeAt(j) === 38 || (w && and.hasSpan(text, w.start, w.end))) {
      if (joined || comma) return false;
      joined = true;
      k = w ? w.end : j + 1;
      continue;
    }
    if (!w) return false;
    // The firm's word may be in capitals ("PLC", "LLC"); the names before it are capitalised words.
    if (joined && charClass(text.charCodeAt(w.start)) & UPPER && firmEnd.hasSpan(text, w.start, w.end)) return true;
    if (!capitalised(text, w)) return false;
    names++;
    k = w.end;
  }
  return false;
}

/** True when text[start, end) holds a full stop (the match is an abbreviation: "U.S", "N.Y"). */
function hasFullStop(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 46) return true;
  return false;
}

/**
 * True for a place inside an organisation's name or a currency: "United States Department of
 * Agriculture", "U.S. Agency for …", "Kenya Red Cross", "Voice of America", "Peanut Corporation of
 * America", "US$460". Only capitalised words count, so "Kenya health officials" stays a place.
 */
function inOrganisation(text: string, m: Found): boolean {
  const next = codeAt(text, m.end);
  if (next === 36 || (m.start > 0 && text.charCodeAt(m.start - 1) === 36)) return true;
  // The organisation's word right after the place or after one or two more capitalised words:
  // "Kenya Red Cross", "Michigan State University", "Franklin Elementary School", "Atlantic Veterinary College".
  // Past the full stop of an abbreviation ("U.S. Agency"), never past the end of a sentence ("in Iowa. White House Press").
  let nw = nextWord(text, next === 46 && hasFullStop(text, m.start, m.end) ? m.end + 1 : m.end);
  for (let k = 0; k < ORG_WORDS_AFTER && nw && capitalised(text, nw); k++) {
    if (orgAfter.hasSpan(text, nw.start, nw.end)) return true;
    nw = nextWord(text, nw.end);
  }
  if (inFirmName(text, m.end)) return true;
  let pw = prevWord(text, m.start);
  // "University of Southern Indiana": a compass word between "of" and the place.
  if (pw && capitalised(text, pw) && compass.hasSpan(text, pw.start, pw.end)) pw = prevWord(text, pw.start);
  // "Consumer Act of the Philippines": "of the" before a name that takes the article.
  if (pw && pw.end - pw.start === 3 && text.startsWith('the', pw.start)) pw = prevWord(text, pw.start);
  if (!pw || !of.hasSpan(text, pw.start, pw.end) || text.charCodeAt(pw.start) !== 111) return false;
  const head = prevWord(text, pw.start);
  return !!head && capitalised(text, head) && orgBeforeOf.hasSpan(text, head.start, head.end);
}

/**
 * The context that settles shared names: ids named unambiguously (with their ancestors), the person
 * entries named by full name, and the keys of every phrase matched, cue words included.
 */
export function contextOf(found: Found[], g: Gazetteer, keys: Set<string>): Context {
  const ids = new Set<string>();
  const fullNames = new Set<number>();
  for (const f of found) {
    if (f.target.entries.length !== 1 || f.target.minor || fullNames.has(f.target.entries[0]!)) continue;
    const ie = g.entries[f.target.entries[0]!]!;
    ids.add(ie.entry.id);
    fullNames.add(ie.index);
    for (const a of ancestors(g, ie, 'place')) ids.add(g.entries[a]!.entry.id);
  }
  return { ids, keys, fullNames };
}

/** True when `phrase` stands right before [start) or right after [end), spaces aside. */
function beside(text: string, start: number, end: number, before: string[], after: string[]): boolean {
  for (const b of before) if (text.slice(Math.max(0, start - b.length - 1), start).trimEnd().endsWith(b)) return true;
  for (const a of after) if (text.startsWith(a, end)) return true;
  return false;
}

/**
 * Picks the entry a shared name stands for in this article (-1 when none applies). `mentions` are its
 * spans, each with the text it stands in.
 */
export function resolveShared(t: AliasTarget, mentions: { src: string; start: number; end: number }[], ctx: Context, g: Gazetteer, date?: string): number {
  const rule = ambiguous.get(t.key);
  if (rule) {
    // A phrase beside the name decides ("state of Georgia", "Atlanta, Georgia").
    for (const c of rule.choices) for (const m of mentions) if (beside(m.src, m.start, m.end, c.before, c.after)) return g.byId.get(c.id)?.index ?? -1;
    let best = rule.default;
    let bestScore = 0;
    for (const c of rule.choices) {
      let s = 0;
      for (const cue of c.cues) {
        if (cue.startsWith('prefix:')) {
          const p = cue.slice(7);
          for (const id of ctx.ids) if (id.startsWith(p)) { s++; break; }
        } else if (ctx.ids.has(cue)) s++;
      }
      for (const w of c.words) if (ctx.keys.has(w)) s++;
      if (s > bestScore) {
        best = c.id;
        bestScore = s;
      }
    }
    return g.byId.get(best)?.index ?? -1;
  }
  // A surname two people share: the one whose full name the article uses, else the one in office at
  // the date, else the one whose organisation or country the article names, else the one who took
  // office last.
  const named = t.entries.filter((i) => ctx.fullNames.has(i));
  if (named.length === 1) return named[0]!;
  const inOffice = date ? t.entries.filter((i) => g.entries[i]!.roles.some((r) => roleHeld(r, date))) : [];
  if (inOffice.length >= 1) return inOffice[0]!;
  const linked = t.entries.filter((i) => g.entries[i]!.roles.some((r) => ctx.ids.has(r.of)));
  if (linked.length === 1) return linked[0]!;
  const latest = (i: number) => g.entries[i]!.roles.reduce((a, r) => (r.from && r.from > a ? r.from : a), '');
  return [...t.entries].sort((a, b) => latest(b).localeCompare(latest(a)))[0]!;
}
