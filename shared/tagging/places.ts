// Places that need support: the 135,000 towns of the gazetteer are mostly small, and many of their names
// are also words or people ("Reading", "Split", "Hammond", "Paisley"). A place never wins only because it
// exists somewhere: a candidate needs evidence in the same article, the way geoparsers decide —
//   - its subdivision or country is named elsewhere (Pokrovsk beside Donetsk Oblast or Ukraine),
//   - another place named in the article lies within `nearKm` of it,
//   - it stands in the dateline, or a qualifier follows it after a comma ("Pandi, Bulacan"),
// and, for a name that is an everyday word, a strong one of these (its subdivision, a place nearby, a
// qualifier, a dateline) or its country with a locative word before it ("in Reading") away from the
// start of a sentence. A title before the name ("Mr Hammond") or a speech verb after it ("Paisley said")
// makes it a person. Among candidates that pass, the best supported wins, then the most populous.
// The rules' words are in data/rules.json (`places`).
import { charClass, KeySet, phraseKey, tokenKey, tokens, UPPER, WORD } from './chars';
import { ancestors, type Gazetteer, type IndexedEntry } from './gazetteer';
import { nameRisk } from './disambiguate';
import type { AliasTarget, Found } from './matcher';
import rules from './data/rules.json';

const locative = new KeySet(rules.places.locativeBefore);
const personBefore = new KeySet(rules.places.personBefore);
const personAfter = new KeySet(rules.places.personAfter);
const speechAfter = new KeySet(rules.places.speechAfter);
const particles = new KeySet(rules.places.nameParticles);
/** Capitalised words that may follow a place without making it part of another name ("Kent County", "Paris Airport"). */
const everydayAfter = new KeySet(rules.places.after);
const NEAR_KM = rules.places.nearKm;
/** The countries each country was part of until recently (data/rules.json `places.formerCountries`). */
const FORMER: Record<string, string[] | undefined> = rules.places.formerCountries;
/**
 * Degrees of latitude beyond which two points are surely more than NEAR_KM apart: a great circle is
 * at least 6,371 km × the latitude difference in radians (one km of margin for rounding).
 */
const NEAR_DEG = ((NEAR_KM + 1) / 6371) * (180 / Math.PI);
/** Words written with a capital that are not names: months, days, and the words that stand beside places ("West", "University"). */
const calendar = new Set([...rules.dateline.months, ...rules.places.calendar].map((w) => tokenKey(w)));
const everyday = new Set([...rules.dateline.months, ...rules.places.everyday, ...rules.nameRisk.neighbourOk].map((w) => tokenKey(w)));

/** What the article says for its places: the entries named without doubt (with ancestors) and their points. */
export interface PlaceContext {
  /** This article's mark in `named`: entry i is named (or an ancestor of one named) when named[i] === mark. */
  mark: number;
  named: Uint32Array;
  /** Latitude and longitude of every place named without doubt, two numbers each. */
  points: number[];
  /** What supportFrom added (marked in `added` with the same mark), and where its points start in `points`. */
  added: Uint32Array;
  addedFrom: number;
  /**
   * Bit i % 4096 set for every entry i marked in `named`: an article names a few dozen entries, and
   * most entries asked about are not among them; this 512-byte set answers those from the processor's
   * nearest cache, where `named` (half a megabyte) is read only for the few whose bit is set.
   */
  bits: Int32Array;
}

/**
 * Marks by entry index, reused from article to article (tagging is synchronous): one array read
 * answers "is it named", where a set of id strings hashed each id.
 */
let named: Uint32Array | undefined;
let added: Uint32Array | undefined;
let seenAt: Uint32Array | undefined;
let mark = 0;

/** True when the context names entry `i`. */
const isNamed = (ctx: PlaceContext, i: number) => (ctx.bits[(i >> 5) & 127]! & (1 << (i & 31))) !== 0 && ctx.named[i] === ctx.mark;

/** Marks entry i as named in the context. */
function markNamed(ctx: PlaceContext, i: number): void {
  ctx.named[i] = ctx.mark;
  ctx.bits[(i >> 5) & 127]! |= 1 << (i & 31);
}

const namedBits = new Int32Array(128);

/** The places named without doubt: single-candidate names that need no support, and their ancestors. */
export function placeContext(found: Found[], g: Gazetteer): PlaceContext {
  if (!named || named.length < g.entries.length) {
    named = new Uint32Array(g.entries.length);
    added = new Uint32Array(g.entries.length);
    seenAt = new Uint32Array(g.entries.length);
  }
  const m = ++mark;
  namedBits.fill(0);
  const ctx: PlaceContext = { mark: m, named, points: [], added: added!, addedFrom: -1, bits: namedBits };
  for (const f of found) {
    const t = f.target;
    if (t.minor || f.org) continue;
    if (t.entries.length !== 1) {
      // A name two countries share ("Congo") names both as far as their towns are concerned: it is
      // evidence for a town in either, whichever the rules later pick for the name itself.
      if (t.entries.every((e) => g.entries[e]!.entry.kind === 'country')) for (const e of t.entries) markNamed(ctx, e);
      continue;
    }
    const i = t.entries[0]!;
    if (seenAt![i] === m) continue;
    seenAt![i] = m;
    const ie = g.entries[i]!;
    markNamed(ctx, i);
    for (const a of ancestors(g, ie, 'place')) markNamed(ctx, a);
    const k = ie.entry.kind;
    if ((k === 'city' || k === 'region') && ie.entry.lat !== undefined) ctx.points.push(ie.entry.lat, ie.entry.lon!);
  }
  ctx.addedFrom = ctx.points.length;
  return ctx;
}

/** Adds a place just resolved to the context: its point and its ancestors support the places still open. */
export function supportFrom(ctx: PlaceContext, g: Gazetteer, i: number): void {
  const ie = g.entries[i]!;
  markNamed(ctx, i);
  ctx.added[i] = ctx.mark;
  for (const a of ancestors(g, ie, 'place')) {
    markNamed(ctx, a);
    ctx.added[a] = ctx.mark;
  }
  if (ie.entry.lat !== undefined) ctx.points.push(ie.entry.lat, ie.entry.lon!);
}

/**
 * True when nothing supportFrom added to the context can support a candidate of the name: none of
 * the subdivisions and countries that could support one is among the additions, and no added point
 * lies near one. Then resolvePlace answers as it did before the additions (every piece of evidence it
 * reads from the context is one of those), and a name it settled as no place need not be read again.
 */
export function untouchedBySupport(t: AliasTarget, ctx: PlaceContext, g: Gazetteer): boolean {
  const f = facts(t, g);
  const s = supportFor(t, g, f);
  const added = ctx.added;
  const m = ctx.mark;
  for (let k = 0; k < s.any.length; k++) if (added[s.any[k]!] === m) return false;
  const pts = ctx.points;
  if (pts.length === ctx.addedFrom) return true;
  for (let c = 0; c < s.lat.length; c++) {
    const la = s.lat[c]!;
    if (la !== la) continue; // NaN: no point
    for (let p = ctx.addedFrom; p < pts.length; p += 2) {
      if (Math.abs(la - pts[p]!) > NEAR_DEG) continue;
      const d = km(la, s.lon[c]!, pts[p]!, pts[p + 1]!);
      if (d > 0.5 && d < NEAR_KM) return false;
    }
  }
  return true;
}

/** A mention of a shared or minor name, with the text it stands in and the match that follows it. */
export interface PlaceMention {
  src: string;
  start: number;
  end: number;
  dateline: boolean;
  /** The next match in the same field, if any (a qualifier after a comma). */
  next?: Found;
  /** The match before it in the same field, if any (the place it qualifies). */
  prev?: Found;
  /** The match this mention is, where the reading of its words is kept (undefined: read each time). */
  match?: Found;
}

/** Great-circle distance in km. */
function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The word before `pos` (spaces only between), or undefined. */
function wordBefore(src: string, pos: number): { start: number; end: number } | undefined {
  let k = pos;
  while (k > 0 && (src.charCodeAt(k - 1) === 32 || src.charCodeAt(k - 1) === 160)) k--;
  if (k === pos || k === 0) return undefined;
  if (src.charCodeAt(k - 1) === 46) k--; // "Mr. Hammond"
  let s = k;
  while (s > 0 && charClass(src.charCodeAt(s - 1)) & WORD) s--;
  return s < k ? { start: s, end: k } : undefined;
}

/** The word after `pos` (spaces only between), or undefined. */
function wordAfter(src: string, pos: number): { start: number; end: number } | undefined {
  let k = pos;
  while (k < src.length && (src.charCodeAt(k) === 32 || src.charCodeAt(k) === 160)) k++;
  if (k === pos) return undefined;
  let e = k;
  while (e < src.length && charClass(src.charCodeAt(e)) & WORD) e++;
  return e > k ? { start: k, end: e } : undefined;
}

/** True at the start of the text, a line, a sentence or a quotation: a capital there says nothing. */
export function sentenceStart(src: string, start: number): boolean {
  let k = start;
  while (k > 0 && (src.charCodeAt(k - 1) === 32 || src.charCodeAt(k - 1) === 160)) k--;
  if (k === 0) return true;
  const c = src.charCodeAt(k - 1);
  return c === 10 || c === 13 || c === 46 || c === 33 || c === 63 || c === 34 || c === 0x201c || c === 58 || c === 40 || c === 45 || c === 0x2014 || c === 0x2013;
}

/** True for an "of" that follows a capitalised word (not ALL-CAPS, not opening a sentence): "Department of". */
function ofInName(src: string, w: { start: number; end: number }): boolean {
  if (w.end - w.start !== 2 || src.charCodeAt(w.start) !== 111 || src.charCodeAt(w.start + 1) !== 102) return false;
  const head = wordBefore(src, w.start);
  if (!head || head.end !== w.start - 1 || !(charClass(src.charCodeAt(head.start)) & UPPER) || (sentenceStart(src, head.start) && !afterInitials(src, head.start))) return false;
  for (let i = head.start + 1; i < head.end; i++) if (!(charClass(src.charCodeAt(i)) & UPPER)) return true;
  return false;
}

/** True when the full stop before `start` closes initials ("U.S. Department", "N.Y. State"), not a sentence. */
function afterInitials(src: string, start: number): boolean {
  let k = start;
  while (k > 0 && (src.charCodeAt(k - 1) === 32 || src.charCodeAt(k - 1) === 160)) k--;
  if (k < 4 || src.charCodeAt(k - 1) !== 46 || !(charClass(src.charCodeAt(k - 2)) & UPPER)) return false;
  return src.charCodeAt(k - 3) === 46 && !!(charClass(src.charCodeAt(k - 4)) & UPPER);
}

/**
 * What the words around one mention say, as bits of one number (a mention is read once, and no object
 * is made for it): a locative word before it; it opens a sentence; a person's name (PERSON); the person
 * reading rests on the speech verb after the name alone ("Paisley said": SPEAKER); the person reading
 * rests only on a capitalised word before the name that opens the sentence ("Four Guerrero state
 * police": WEAK — any word has a capital there, so it says little, and it yields to the article's other
 * mentions of the name); part of a longer name ("West Nile virus": IN_NAME, for small places only).
 */
const LOCATIVE = 1;
const INITIAL = 2;
const PERSON = 4;
const SPEAKER = 8;
const WEAK = 16;
const IN_NAME = 32;

/** around(m), kept on the mention's match: resolvePlace and placeMentionOk read the same mentions. */
function aroundOf(m: PlaceMention): number {
  const f = m.match;
  if (!f) return around(m);
  if (f.around < 0) f.around = around(m);
  return f.around;
}

function around(m: PlaceMention): number {
  const pw = wordBefore(m.src, m.start);
  const nw = wordAfter(m.src, m.end);
  const initial = sentenceStart(m.src, m.start);
  let person = false;
  // A locative word is written in lower case, or opens the sentence ("In Reading, …"); "Ohio State
  // University" and "West Midlands" are names, not locatives.
  // Nor is "of" after a capitalised word mid-sentence: it joins a name ("Department of Energy",
  // "Office of Industry", "Chamber of Commerce"), where "the mayor of Reading" places the town.
  const loc = !!pw && locative.hasSpan(m.src, pw.start, pw.end) && (!(charClass(m.src.charCodeAt(pw.start)) & UPPER) || sentenceStart(m.src, pw.start)) && !ofInName(m.src, pw);
  if (pw && personBefore.hasSpan(m.src, pw.start, pw.end)) person = true;
  // "Paisley said": a speech verb right after the name (not after a comma: "Kent, he said"; and not
  // after a locative word: "police in Split said").
  const speaker = !person && !loc && !!nw && nw.start === m.end + 1 && personAfter.hasSpan(m.src, nw.start, nw.end);
  if (speaker) person = true;
  // A capitalised word right before that is not a sentence opener ("Bob Hammond") makes a person's name.
  // (A place word before it is no given name: "Children's Village Malakal", "Camp Dadaab".) When that
  // word opens the sentence itself ("Four Guerrero state police"), the reading is weak.
  let weak = false;
  if (!person && pw && !initial && !loc && pw.end === m.start - 1 && charClass(m.src.charCodeAt(pw.start)) & UPPER && !everydayAfter.hasSpan(m.src, pw.start, pw.end)) {
    let lower = false;
    for (let i = pw.start + 1; i < pw.end; i++) if (!(charClass(m.src.charCodeAt(i)) & UPPER)) lower = true;
    if (lower) {
      person = true;
      weak = sentenceStart(m.src, pw.start);
    }
  }
  // "West Nile virus", "King Nut", "Buffalo Science Magnet School": a capitalised word right after
  // that is not a place word makes the name part of a longer one; an acronym in capitals (ALMA)
  // in ordinary text is one too.
  let inName = false;
  if (nw && nw.start === m.end + 1 && charClass(m.src.charCodeAt(nw.start)) & UPPER && !locative.hasSpan(m.src, nw.start, nw.end) && !everydayAfter.hasSpan(m.src, nw.start, nw.end)) inName = true;
  if (!m.dateline && m.end - m.start >= 2 && allCaps(m.src, m.start, m.end) && !allCaps(m.src, Math.max(0, m.start - 40), Math.min(m.src.length, m.end + 40))) inName = true;
  return (loc ? LOCATIVE : 0) | (initial ? INITIAL : 0) | (person ? PERSON : 0) | (speaker && person ? SPEAKER : 0) | (weak ? WEAK : 0) | (inName ? IN_NAME : 0);
}

/** True when no letter of src[start, end) is lower case. */
function allCaps(src: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = charClass(src.charCodeAt(i));
    if (c & WORD && !(c & UPPER) && src.charCodeAt(i) > 64) return false;
  }
  return true;
}

/**
 * True when a name stands alone as the subject of a speech verb ("Toyota said",
 * "Hartford said it earned"): not after a locative word, even across a line break ("the Bundesbank
 * in\nFrankfurt said", "Bank of New York said"), a capitalised word ("Air Atlanta said") or a
 * particle of a person's name ("dos Santos said").
 */
export function speaksAlone(m: PlaceMention): boolean {
  if (m.src.charCodeAt(m.end) !== 32) return false;
  const nw = wordAfter(m.src, m.end);
  if (!nw || !speechAfter.hasSpan(m.src, nw.start, nw.end)) return false;
  let k = m.start;
  while (k > 0 && isSpace(m.src.charCodeAt(k - 1))) k--;
  let s = k;
  while (s > 0 && charClass(m.src.charCodeAt(s - 1)) & WORD) s--;
  if (s === k) return true; // the start of the text, or after punctuation
  return !(charClass(m.src.charCodeAt(s)) & UPPER) && !locative.hasSpan(m.src, s, k) && !particles.hasSpan(m.src, s, k);
}

/** Space, no-break space, tab or a line break. */
function isSpace(c: number): boolean {
  return c === 32 || c === 160 || c === 10 || c === 13 || c === 9;
}

/**
 * Whether one mention of the chosen place stands as a place: not inside a person's name, and, for a
 * name that is an everyday word, not the first word of a sentence ("Reading a report …") unless a
 * locative word or the dateline puts it there.
 */
export function placeMentionOk(ie: IndexedEntry, key: string, m: PlaceMention): boolean {
  const a = aroundOf(m);
  // "Tehran said" is the government speaking (actors.ts), not a person named Tehran (nor is "Shanghai
  // said": see resolvePlace); a weak person
  // reading yields to the article's, which made the name this place.
  if ((a & PERSON && !(a & WEAK) && !(a & SPEAKER && (ie.capital || (!ie.minor && !nameRisk.has(key))))) || (ie.minor && a & IN_NAME)) return false;
  return !(ie.common || everyday.has(key)) || m.dateline || (a & LOCATIVE) !== 0 || !(a & INITIAL);
}

/** What may stand between a place and the larger place that qualifies it: "Pandi, Bulacan", "Bulacan in Central Luzon". */
const QUALIFIER_GAP = /^(?:,\s*|,?\s+(?:in|of)\s+)$/;

/**
 * True when the place and a neighbouring match are nested: the next match names one of the
 * candidate's ancestors ("Pandi, Bulacan") or a unit around it on the map ("Truro, Cornwall"), or the
 * match before names a place the candidate contains ("Bulacan in Central Luzon" for Central Luzon,
 * "Truro, Cornwall" for Cornwall). The hierarchy, or the map, is the evidence, for both.
 */
function qualifies(g: Gazetteer, i: number, m: PlaceMention, gaps: number): boolean {
  if (gaps & NEXT_GAP) {
    const up = ancestors(g, g.entries[i]!, 'place');
    if (m.next!.target.entries.some((e) => up.includes(e) || unitAround(g, e, i))) return true;
  }
  if (gaps & PREV_GAP) {
    for (const e of m.prev!.target.entries) if (ancestors(g, g.entries[e]!, 'place').includes(i) || unitAround(g, i, e)) return true;
  }
  return false;
}

/** How far from a second-level unit's point a town may lie and be read as inside it. */
const UNIT_KM = rules.places.unitKm;

/**
 * True when entry `unit` is a subdivision of town `town`'s country whose point lies within UNIT_KM of
 * the town: the packages link towns to their first-level unit only, so "Truro, Cornwall" (an English
 * county) is read by the map, not by the hierarchy.
 */
function unitAround(g: Gazetteer, unit: number, town: number): boolean {
  const u = g.entries[unit]!.entry;
  const t = g.entries[town]!.entry;
  return u.kind === 'region' && t.kind === 'city' && u.country === t.country && u.lat !== undefined && t.lat !== undefined && km(u.lat, u.lon!, t.lat, t.lon!) <= UNIT_KM;
}

/** Bits of qualifierGaps: the next match, or the one before, stands where a qualifier may. */
const NEXT_GAP = 1;
const PREV_GAP = 2;

/** Where a mention's neighbouring matches stand as qualifiers may (the same for every candidate of the name). */
function qualifierGaps(m: PlaceMention): number {
  let gaps = 0;
  const n = m.next;
  if (n && qualifierGap(m.src, m.end, n.start)) gaps |= NEXT_GAP;
  const p = m.prev;
  if (p && qualifierGap(m.src, p.end, m.start)) gaps |= PREV_GAP;
  return gaps;
}

/**
 * True when src[end, start) may stand between a place and a match that qualifies it, or that it
 * qualifies (", ", " in "): only then can a neighbouring match support a name (qualifies).
 */
export function qualifierGap(src: string, end: number, start: number): boolean {
  return start - end <= 6 && QUALIFIER_GAP.test(src.slice(end, start));
}

/** What a name's candidates say whatever the article: worked out once per process (a name like "Santa Rosa" has dozens). */
export interface NameFacts {
  /** Every candidate is a place that needs support. */
  allMinor: boolean;
  /** Some candidate is a capital. */
  capital: boolean;
  /** Every candidate is a city, none a capital (index.ts dropFirmCities reads it for every place matched). */
  townsOnly: boolean;
  /** Units named after one of their own cities (Tokyo, Lagos, Beijing): the city when the name stands alone. */
  cityUnits: Set<number>;
  /** What could support a candidate in an article (made on first need: surelyUnsupported). */
  support?: Support;
}

/** True when every candidate of the name is a city and none a capital ("Toyota", "Hartford"; not "Shanghai"). */
export function townsOnly(t: AliasTarget, g: Gazetteer): boolean {
  return facts(t, g).townsOnly;
}

/** The facts of a target's candidates, kept on the target (its candidate list is fixed once the matcher is compiled). */
function facts(t: AliasTarget, g: Gazetteer): NameFacts {
  let f = t.facts;
  if (f) return f;
  const cityUnits = new Set<number>();
  for (const i of t.entries) if (g.entries[i]!.entry.kind === 'city') for (const a of ancestors(g, g.entries[i]!, 'place')) cityUnits.add(a);
  f = { allMinor: t.entries.every((i) => g.entries[i]!.minor), capital: t.entries.some((i) => g.entries[i]!.capital), townsOnly: t.entries.every((i) => g.entries[i]!.entry.kind === 'city' && !g.entries[i]!.capital), cityUnits };
  t.facts = f;
  return f;
}

/**
 * What could support each candidate of a name in an article, by entry index: its subdivisions and
 * containing cities (`sub`), its country and the countries it was part of (`country`), all of them
 * (`any`); its point (NaN: none); and what the rules read of it first (`flags`). Worked out once per name.
 */
interface Support {
  any: number[];
  sub: number[][];
  country: number[][];
  lat: number[];
  lon: number[];
  flags: number[];
}

/** Support flags of a candidate: it needs support; its name is an everyday word; it is a unit named after one of the name's cities. */
const MINOR = 1;
const COMMON = 2;
const CITY_UNIT = 4;

function supportOf(t: AliasTarget, g: Gazetteer, cityUnits: Set<number>): Support {
  const any = new Set<number>();
  const n = t.entries.length;
  const sub: number[][] = [];
  const country: number[][] = [];
  // Plain arrays (of doubles, of small integers): made for every name on first sight, where three
  // typed arrays a name cost more to make than they save in reading.
  const lat: number[] = [];
  const lon: number[] = [];
  const flags: number[] = [];
  const indexOf = (id: string) => g.byId.get(id)?.index;
  for (let c = 0; c < n; c++) {
    const i = t.entries[c]!;
    const ie = g.entries[i]!;
    const up: number[] = [];
    for (const a of ancestors(g, ie, 'place')) {
      const k = g.entries[a]!.entry.kind;
      if (k === 'region' || k === 'city') up.push(a);
    }
    const cc = ie.entry.country ?? '';
    let cs = countryLists.get(cc);
    if (!cs) countryLists.set(cc, (cs = cc ? [cc, ...(FORMER[cc] ?? [])].map(indexOf).filter((x): x is number => x !== undefined) : []));
    sub.push(up);
    country.push(cs);
    for (const a of up) any.add(a);
    for (const a of cs) any.add(a);
    lat.push(ie.entry.lat ?? NaN);
    lon.push(ie.entry.lat === undefined ? NaN : ie.entry.lon!);
    flags.push((ie.minor ? MINOR : 0) | (ie.common ? COMMON : 0) | (cityUnits.has(i) ? CITY_UNIT : 0));
  }
  return { any: [...any], sub, country, lat, lon, flags };
}

/**
 * A candidate's country and the countries it was part of, one list per country shared by every name
 * (resolvePlace reads a list once for a run of candidates of one country: the 30 Washington Counties).
 */
const countryLists = new Map<string, number[]>();

/** True when `ctx` names one of the entries `list`. */
function namesAny(ctx: PlaceContext, list: number[]): boolean {
  for (let k = 0; k < list.length; k++) if (isNamed(ctx, list[k]!)) return true;
  return false;
}

/** True when a place of the context lies within NEAR_KM of (lat, lon) (and is not the same point). */
function nearAny(ctx: PlaceContext, lat: number, lon: number): boolean {
  const pts = ctx.points;
  for (let p = 0; p < pts.length; p += 2) {
    // Points further apart in latitude alone than NEAR_KM are not near: no trigonometry for them.
    if (Math.abs(lat - pts[p]!) > NEAR_DEG) continue;
    const d = km(lat, lon, pts[p]!, pts[p + 1]!);
    if (d > 0.5 && d < NEAR_KM) return true;
  }
  return false;
}

/** Most candidate pairs two names may have for a meeting of theirs to count (Lake Forest × Glenview: 2; Franklin × Clinton: hundreds). */
const CLUSTER_PAIRS = rules.places.cluster.maxPairs;
/** How close two such candidates must lie. */
const CLUSTER_KM = rules.places.cluster.km;

/**
 * Small places that nothing in the article supports but each other: two names of few candidates each,
 * one candidate of each within CLUSTER_KM of one of the other ("residents of Lake Forest and Highland
 * Park met in Glenview": suburbs of one city, the state never named). By chance two such names rarely
 * meet; names that many towns share (Franklin, Clinton) or that are everyday words never count. The
 * meeting candidates' points go into the context, so resolvePlace reads them as places named nearby
 * (its person and sentence readings still apply); returns the pairs of names that met. The caller
 * keeps a name only when its partner is read as a place too (clusterHolds).
 */
export function clusterSupport(ts: AliasTarget[], ctx: PlaceContext, g: Gazetteer): [AliasTarget, AliasTarget][] | undefined {
  // Every candidate point of the names that may take part, swept in order of latitude: a pair is
  // looked at only when the two lie within CLUSTER_KM in latitude (most candidates of an article lie
  // continents apart, and a name against every other would cost n² candidate products).
  const few = ts.filter((t) => t.entries.length <= CLUSTER_PAIRS && !everyday.has(t.key));
  let n = 0;
  for (const t of few) n += t.entries.length;
  if (n < 2) return undefined;
  if (clusterLat.length < n) {
    clusterLat = new Float64Array(n * 2);
    clusterLon = new Float64Array(n * 2);
    clusterOf = new Int32Array(n * 2);
  }
  let m = 0;
  for (let ti = 0; ti < few.length; ti++) {
    const t = few[ti]!;
    const s = supportFor(t, g);
    // A name of everyday words counts when it has several ("Winter Haven"): capitalised mid-sentence, it is a name.
    const oneWord = !t.key.includes(' ');
    for (let c = 0; c < t.entries.length; c++) {
      const la = s.lat[c]!;
      if (la !== la || (oneWord && s.flags[c]! & COMMON)) continue;
      clusterLat[m] = la;
      clusterLon[m] = s.lon[c]!;
      clusterOf[m++] = ti;
    }
  }
  const order = Array.from({ length: m }, (_, k) => k).sort((x, y) => clusterLat[x]! - clusterLat[y]!);
  let out: [AliasTarget, AliasTarget][] | undefined;
  let seen: Set<number> | undefined;
  for (let p = 0; p < m; p++) {
    const i = order[p]!;
    for (let q = p + 1; q < m; q++) {
      const j = order[q]!;
      if (clusterLat[j]! - clusterLat[i]! > CLUSTER_DEG) break;
      const ta = clusterOf[i]!;
      const tb = clusterOf[j]!;
      if (ta === tb) continue;
      const a = few[ta]!;
      const b = few[tb]!;
      if (a.key === b.key || a.entries.length * b.entries.length > CLUSTER_PAIRS) continue;
      const d = km(clusterLat[i]!, clusterLon[i]!, clusterLat[j]!, clusterLon[j]!);
      if (d <= 0.5 || d > CLUSTER_KM) continue;
      ctx.points.push(clusterLat[i]!, clusterLon[i]!, clusterLat[j]!, clusterLon[j]!);
      const pair = Math.min(ta, tb) * few.length + Math.max(ta, tb);
      if ((seen ??= new Set()).has(pair)) continue;
      seen.add(pair);
      (out ??= []).push(ta < tb ? [a, b] : [b, a]);
    }
  }
  return out;
}

/** Latitude span of CLUSTER_KM. */
const CLUSTER_DEG = CLUSTER_KM / 111;
let clusterLat = new Float64Array(64);
let clusterLon = new Float64Array(64);
let clusterOf = new Int32Array(64);

/** True when the places two names that met were read as lie within CLUSTER_KM of each other. */
export function clusterHolds(g: Gazetteer, i: number, j: number): boolean {
  const x = g.entries[i]!.entry;
  const y = g.entries[j]!.entry;
  return x.lat !== undefined && y.lat !== undefined && km(x.lat, x.lon!, y.lat, y.lon!) <= CLUSTER_KM;
}

/** What could support a candidate of the name (its NameFacts' support, made on first need). */
function supportFor(t: AliasTarget, g: Gazetteer, f: NameFacts = facts(t, g)): Support {
  return (f.support ??= supportOf(t, g, f.cityUnits));
}

/**
 * True when resolvePlace must answer -1 whatever the mentions' words: every candidate is a place that
 * needs support, and none can have the support the article's context could give (its subdivision or
 * country named, a place named near it). The caller checks what the mentions themselves could give
 * (a dateline, a neighbouring match that may qualify it). Most capitalised words that name some town
 * somewhere ("Most", "Plan", "Over") end here, with a few set lookups, instead of in the rules.
 */
export function surelyUnsupported(t: AliasTarget, ctx: PlaceContext, g: Gazetteer): boolean {
  const f = facts(t, g);
  if (!f.allMinor) return false;
  const s = supportFor(t, g, f);
  if (namesAny(ctx, s.any)) return false;
  for (let c = 0; c < s.lat.length; c++) {
    const la = s.lat[c]!;
    if (la === la && nearAny(ctx, la, s.lon[c]!)) return false; // la !== la: NaN, no point
  }
  return true;
}

/** Evidence bits of a candidate in resolvePlace's scratch (SKIP: ruled out before the words are read). */
const SUB = 1;
const COUNTRY = 2;
const NEAR = 4;
const QUALIFIED = 8;
const SKIP = 16;
let evidence = new Uint8Array(64);

/**
 * Picks the place a shared or minor name stands for in this article, or -1 when no candidate has the
 * support it needs. Candidates come in population order (the data file's order). The evidence that
 * does not depend on the words around the mentions is worked out first: when no candidate could pass
 * even with a locative word before a mention, the answer is -1 without reading the words.
 */
export function resolvePlace(t: AliasTarget, mentions: PlaceMention[], ctx: PlaceContext, g: Gazetteer): number {
  const f = facts(t, g);
  const { allMinor, capital } = f;
  const s = supportFor(t, g, f);
  const dateline = mentions.some((m) => m.dateline);
  const isCalendar = calendar.has(t.key);
  const everydayKey = everyday.has(t.key);
  const n = t.entries.length;
  if (evidence.length < n) evidence = new Uint8Array(n * 2);
  // The mentions that a neighbouring match may qualify, worked out once for all candidates (most have none).
  let gapsAt: number[] | undefined;
  for (let k = 0; k < mentions.length; k++) {
    const gaps = qualifierGaps(mentions[k]!);
    if (gaps) (gapsAt ??= []).push(k, gaps);
  }
  let possible = false;
  let lastList: number[] | undefined;
  let lastNamed = false;
  for (let c = 0; c < n; c++) {
    const fl = s.flags[c]!;
    if (fl & CITY_UNIT) {
      evidence[c] = SKIP;
      continue;
    }
    const sub = namesAny(ctx, s.sub[c]!);
    // Its country, or the country it was part of ("Malakal" in a 2008 report that names Sudan).
    const cl = s.country[c]!;
    if (cl !== lastList) {
      lastList = cl;
      lastNamed = namesAny(ctx, cl);
    }
    const country = lastNamed;
    const la = s.lat[c]!;
    const near = la === la && nearAny(ctx, la, s.lon[c]!);
    let qualified = false;
    if (gapsAt) for (let q = 0; q < gapsAt.length && !qualified; q += 2) qualified = qualifies(g, t.entries[c]!, mentions[gapsAt[q]!]!, gapsAt[q + 1]!);
    // A month or a day ("in March", "In August 2003") is a place only with a qualifier or a dateline:
    // England named, or London nearby, does not make "in March" the town of March.
    if (isCalendar && !(qualified || dateline)) {
      evidence[c] = SKIP;
      continue;
    }
    evidence[c] = (sub ? SUB : 0) | (country ? COUNTRY : 0) | (near ? NEAR : 0) | (qualified ? QUALIFIED : 0);
    // Could it pass with the best words around its mentions?
    if (sub || near || qualified || dateline || country || (!(fl & MINOR) && !(fl & COMMON || everydayKey))) possible = true;
  }
  if (!possible) return -1;
  // "Tehran said", "Shanghai said": after a capital, or a city or province that needs no support and
  // is no person's name too (nameRisk: "Houston said"), a speech verb is the place's government
  // speaking, not a person.
  const speakerPlace = capital || (!allMinor && !nameRisk.has(t.key));
  // A name read as a person's at every mention is not a place here; nor is a name of small places
  // read so once ("said Bruce Ivins … Ivins"): a name means one thing in an article. A weak reading
  // (a capitalised sentence opener before the name) does not decide for the other mentions.
  let allPerson = true;
  let allInName = true;
  let anyLocative = false;
  let anyMidSentence = false;
  for (let k = 0; k < mentions.length; k++) {
    let a = aroundOf(mentions[k]!);
    if (speakerPlace && a & SPEAKER) a &= ~PERSON;
    const person = (a & PERSON) !== 0;
    const inName = (a & IN_NAME) !== 0;
    if (!person) allPerson = false;
    else if (allMinor && !(a & WEAK)) return -1;
    if (!inName) allInName = false;
    if (person || (allMinor && inName)) continue;
    if (a & LOCATIVE && (!(a & INITIAL) || mentions[k]!.dateline)) anyLocative = true;
    if (!(a & INITIAL)) anyMidSentence = true;
  }
  if (allPerson || (allMinor && allInName)) return -1;
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < n; c++) {
    const ev = evidence[c]!;
    if (ev & SKIP) continue;
    const i = t.entries[c]!;
    const ie = g.entries[i]!;
    const sub = (ev & SUB) !== 0;
    const country = (ev & COUNTRY) !== 0;
    const near = (ev & NEAR) !== 0;
    const qualified = (ev & QUALIFIED) !== 0;
    const common = ie.common || everydayKey;
    const strong = sub || near || qualified || dateline;
    let ok: boolean;
    if (!ie.minor) ok = !common || strong || (country && anyLocative);
    else if (common) ok = strong || (country && anyLocative);
    else ok = strong || (country && (anyLocative || anyMidSentence));
    if (!ok) continue;
    // Evidence first, then the population prior: a city of two million named alone beats a town of
    // twenty thousand whose country the article names (Paris, not Paris, Texas, beside "U.S.").
    const score = (qualified ? 8 : 0) + (sub ? 4 : 0) + (near ? 2 : 0) + (country ? 2 : 0) + (ie.minor ? 0 : 1) + 0.75 * Math.log10(1 + ie.pop);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** What stands between two items of a list of places: "Ohio, New York", "New York and Ohio", ", and" (six characters at most). */
const LIST_GAP = /^(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)$/;
/** Words after a state's or province's name that name its government ("New York Governor"). */
const unitGovernment = new KeySet(rules.places.unitGovernment);
const nameKey = phraseKey;

/**
 * A name that a city shares with a subdivision (its own, as New York, or another candidate, as Georgia)
 * is the subdivision in a list of that country's subdivisions ("Michigan, Oregon, New York, Indiana";
 * "Colorado, Georgia, Illinois") and before a word of its government ("New York Governor"). Runs on the
 * resolved matches, in text order, and changes their entries in place.
 */
export function unitsInLists(found: Found[], g: Gazetteer, title: string, text: string): void {
  for (let r = 0; r < found.length; r++) {
    const f = found[r]!;
    const ie = g.entries[f.entry]!;
    if (ie.entry.kind === 'region') continue;
    const src = f.field === 'title' ? title : text;
    // The cheap tests first: a neighbour in a list that is a subdivision, or a word of government after.
    const p = r > 0 ? found[r - 1] : undefined;
    const n = found[r + 1];
    const listed = (x: Found | undefined, a: number, b: number) => !!x && x.field === f.field && x.entry !== f.entry && g.entries[x.entry]!.entry.kind === 'region' && b - a <= 6 && LIST_GAP.test(src.slice(a, b));
    const before = listed(p, p?.end ?? 0, f.start) ? p : undefined;
    const after = listed(n, f.end, n?.start ?? 0) ? n : undefined;
    const nw = before || after ? undefined : wordAfter(src, f.end);
    const governed = !!nw && nw.start === f.end + 1 && unitGovernment.hasSpan(src, nw.start, nw.end);
    if (!before && !after && !governed) continue;
    // The subdivisions the name may be: the other candidates of a shared name, the city's namesake units.
    const units: number[] = [];
    for (const i of f.target.entries) if (i !== f.entry && g.entries[i]?.entry.kind === 'region') units.push(i);
    if (ie.entry.kind === 'city') for (const a of ancestors(g, ie, 'place')) if (g.entries[a]!.entry.kind === 'region' && nameKey(g.entries[a]!.entry.name) === f.target.key) units.push(a);
    for (const u of units) {
      const up = g.entries[u]!.entry.parents;
      const sibling = (x: Found | undefined) => !!x && g.entries[x.entry]!.entry.parents.some((q) => up.includes(q));
      if (sibling(before) || sibling(after) || (governed && ie.entry.kind === 'city')) {
        f.entry = u;
        break;
      }
    }
  }
}
