// Salience and roll-up: turns resolved matches into the DESIGN.md Tag lists. A mention weighs more in
// the title, the dateline and the lead; repetition adds up; a demonym ("Russian forces") counts for
// less than the name. Found tags pass part of their score up to what contains or leads them (Donetsk →
// Donbas → Ukraine; Stoltenberg → NATO), so a country named through its cities can be the focus.
// Accumulators are typed arrays indexed by entry, reused from article to article (tagging is
// synchronous); mentions and roll-up sources are lists of indices, not objects. The result stays in
// the two Sides until the next article: render.ts turns it into Tag objects or straight into JSON.
import { charClass, codeAt, KeySet, tokens, WORD } from './chars';
import { governmentOf } from './actors';
import { ancestors, isActorKind, roleHeld, type Gazetteer, type IndexedEntry } from './gazetteer';
import type { Found } from './matcher';
import rules from './data/rules.json';

/**
 * Weights of a mention by where it stands. The lead counts a little more than the body: at twice the
 * body's weight, one country named in the first lines outranked one the rest of the article names
 * again and again (Reuters and geoparsing dev sets alike; docs/TAGGING.md, "Salience and focus").
 */
export const WEIGHTS = { title: 3, dateline: 3, lead: 1.25, body: 1, demonym: 0.5 };
/** A demonym also hints at the place ("Syrian rebels" are in Syria), at this share of its weight. */
export const DEMONYM_AS_PLACE = 0.4;
/** Characters of body text (after any dateline) that count as the lead. */
export const LEAD_CHARS = 300;
/** Share of a found tag's score passed to the country, region or organisation above it (the best child). */
const ROLL_UP = 0.8;
/**
 * Share passed by each further child: several passing mentions of a country's cities or straits add
 * up with diminishing weight, so that they do not outrank a place the title names.
 */
const ROLL_UP_MORE = 0.5;
/** Share passed to macro-regions and seas (at most once: the best child counts, not the sum). */
const ROLL_UP_MACRO = 0.5;
/**
 * A tag with at least SALIENT_MIN is salient; so is one within SALIENT_SHARE of the top score of its
 * list if it reaches SALIENT_FLOOR (more than one passing mention, or a mention in the lead).
 */
export const SALIENT_MIN = 3;
export const SALIENT_SHARE = 0.5;
export const SALIENT_FLOOR = WEIGHTS.lead;

const locativeBefore = new KeySet(rules.placeRole.locativeBefore);
const agentiveAfter = new KeySet(rules.placeRole.agentiveAfter);
const attributiveAfter = new KeySet(rules.placeRole.attributiveAfter);
const unitAfter = new KeySet(rules.placeRole.unitAfter);
const attributiveBefore = new KeySet(rules.placeRole.attributiveBefore);
const inOn = new KeySet(['in', 'on']);
const the = new KeySet(['the']);

/** Per-side accumulators, indexed by gazetteer entry; `stamp` marks which slots this article uses. */
export class Side {
  readonly direct: Float64Array;
  /** Sum and best of the scores of the found children (the roll-up is worked out from both). */
  readonly rolled: Float64Array;
  readonly rolledBest: Float64Array;
  readonly macro: Float64Array;
  readonly first: Float64Array;
  /** 1 when the title names the tag so that it is salient whatever its score. */
  readonly titled: Uint8Array;
  readonly stamp: Uint32Array;
  /** Mentions of each entry: a list through `mNext` of indices into the article's found matches (-1 ends it). */
  readonly mHead: Int32Array;
  readonly mTail: Int32Array;
  mNext = new Int32Array(256);
  /** Entries each one was rolled up from: a list through `vNext`/`vChild` (a pool per article). */
  readonly vHead: Int32Array;
  readonly vTail: Int32Array;
  vChild = new Int32Array(256);
  vNext = new Int32Array(256);
  vCount = 0;
  /** Entries touched by this article, in the order first touched. */
  touched = new Int32Array(64);
  count = 0;
  /** After rank(): entry, score and salience of each tag, in list order. */
  rankEntry = new Int32Array(64);
  rankScore = new Float64Array(64);
  rankSalient = new Uint8Array(64);
  gen = 0;
  constructor(n: number) {
    this.direct = new Float64Array(n);
    this.rolled = new Float64Array(n);
    this.rolledBest = new Float64Array(n);
    this.macro = new Float64Array(n);
    this.first = new Float64Array(n);
    this.titled = new Uint8Array(n);
    this.stamp = new Uint32Array(n);
    this.mHead = new Int32Array(n);
    this.mTail = new Int32Array(n);
    this.vHead = new Int32Array(n);
    this.vTail = new Int32Array(n);
  }
  reset(found: number): void {
    this.gen++;
    this.count = 0;
    this.vCount = 0;
    if (this.mNext.length < found) this.mNext = new Int32Array(Math.max(found, this.mNext.length * 2));
  }
  touch(i: number): void {
    if (this.stamp[i] === this.gen) return;
    this.stamp[i] = this.gen;
    this.direct[i] = 0;
    this.rolled[i] = 0;
    this.rolledBest[i] = 0;
    this.macro[i] = 0;
    this.first[i] = Infinity;
    this.titled[i] = 0;
    this.mHead[i] = -1;
    this.vHead[i] = -1;
    if (this.count === this.touched.length) {
      const t = new Int32Array(this.count * 2);
      t.set(this.touched);
      this.touched = t;
    }
    this.touched[this.count++] = i;
  }
  /** Appends match `k` to the mentions of entry `i`. */
  mention(i: number, k: number): void {
    this.mNext[k] = -1;
    if (this.mHead[i]! < 0) this.mHead[i] = k;
    else this.mNext[this.mTail[i]!] = k;
    this.mTail[i] = k;
  }
  /** Records that `child` rolled up into `p` (once). */
  viaOf(p: number, child: number): void {
    for (let v = this.vHead[p]!; v >= 0; v = this.vNext[v]!) if (this.vChild[v] === child) return;
    if (this.vCount === this.vChild.length) {
      const c = new Int32Array(this.vCount * 2);
      c.set(this.vChild);
      this.vChild = c;
      const n = new Int32Array(this.vCount * 2);
      n.set(this.vNext);
      this.vNext = n;
    }
    const v = this.vCount++;
    this.vChild[v] = child;
    this.vNext[v] = -1;
    if (this.vHead[p]! < 0) this.vHead[p] = v;
    else this.vNext[this.vTail[p]!] = v;
    this.vTail[p] = v;
  }
}

/** A scored article: both sides ranked, valid until the next article is scored. */
export interface Scored {
  g: Gazetteer;
  found: Found[];
  src: { title: string; text: string };
  date: string | undefined;
  actors: Side;
  regions: Side;
}

let sides: { actors: Side; regions: Side } | undefined;

/** Scores resolved matches into the actor and region sides, ranked (render.ts makes the tag lists). */
export function scoreFound(found: Found[], g: Gazetteer, src: { title: string; text: string }, leadStart: number, date?: string): Scored {
  sides ??= { actors: new Side(g.entries.length), regions: new Side(g.entries.length) };
  macroLike ??= macroEntries(g);
  const { actors, regions } = sides;
  actors.reset(found.length);
  regions.reset(found.length);
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    const ie = g.entries[f.entry]!;
    const kind = ie.entry.kind;
    const s = src[f.field];
    let w = f.field === 'title' ? WEIGHTS.title : f.dateline ? WEIGHTS.dateline : f.start < leadStart + LEAD_CHARS ? WEIGHTS.lead : WEIGHTS.body;
    if (f.target.demonym) w *= WEIGHTS.demonym;
    if ((codeAt(s, f.end) === 45 && attributive(s, f.end)) || seatBefore(s, f.start)) w *= rules.placeRole.attributiveFactor;
    if (kind === 'country' && unitNext(s, f.end)) w *= rules.placeRole.unitFactor;
    else if (kind === 'sea' && f.field === 'title' && !f.target.demonym && fullName(f, ie)) {
      // A sea the title names in full ("Black Sea", "Bosporus") is salient, and where the title
      // puts the story ("patrol in the Black Sea") it weighs as a located country does. A shortened
      // name ("PACIFIC", "ATLANTIC CITY") is often part of a company's name, above all in
      // upper-case wire headlines, and counts as a passing mention.
      regions.touch(f.entry);
      regions.titled[f.entry] = 1;
      const located = placeFactor(s, f.start, f.end);
      w *= located > 1 ? located : rules.placeRole.placeWithoutCountryFactor;
    }
    // Seas and macro-regions mostly frame a story: their mentions count half.
    else if (kind === 'sea' || kind === 'macro-region') w *= rules.placeRole.placeWithoutCountryFactor;
    const order = f.field === 'title' ? f.start - 1e6 : f.start;
    if (kind === 'country') {
      add(actors, f.entry, w, k, order);
      // A demonym ("Canadian officials") or a country inside an organisation's name ("US Department
      // of Agriculture") is evidence for the place but not a mention of it as a place.
      add(regions, f.entry, f.target.demonym ? w * DEMONYM_AS_PLACE : f.field === 'text' ? w * placeFactor(s, f.start, f.end) : w, k, order, !f.target.demonym && !f.org);
    } else if (isActorKind(kind)) add(actors, f.entry, w, k, order);
    else if (!f.org) {
      // "Moscow warned": the capital stands for the government; the city counts as a country named as an agent does.
      const gov = ie.capital && !f.target.demonym ? governmentOf(g, ie, s, f.end) : -1;
      if (gov >= 0) add(actors, gov, w, k, order);
      add(regions, f.entry, gov >= 0 ? w * rules.placeRole.agentiveFactor : w, k, order, !f.target.demonym);
    }
  }
  // Roll-ups: every found tag passes score to each ancestor once (no compounding along the chain).
  // Only the tags found directly roll up (those touched before the loop).
  for (let q = 0, n = regions.count; q < n; q++) {
    const i = regions.touched[q]!;
    rollUp(regions, i, ancestors(g, g.entries[i]!, 'place'));
  }
  for (let q = 0, n = actors.count; q < n; q++) {
    const i = actors.touched[q]!;
    const ie = g.entries[i]!;
    rollUp(actors, i, ie.entry.kind === 'person' ? personUp(g, ie, date, actors) : ancestors(g, ie, 'actor'));
  }
  rank(actors);
  rank(regions);
  return { g, found, src, date, actors, regions };
}

/** True when the matched alias has as many words as the entry's name (not a shortened form). */
function fullName(f: Found, ie: IndexedEntry): boolean {
  let words = 1;
  for (let i = 0; i < f.target.key.length; i++) if (f.target.key.charCodeAt(i) === 32) words++;
  return words >= tokens(ie.entry.name).length;
}

function add(side: Side, i: number, w: number, k: number, order: number, mention = true): void {
  side.touch(i);
  side.direct[i]! += w;
  if (mention) side.mention(i, k);
  if (order < side.first[i]!) side.first[i] = order;
}

/** Entries whose roll-up counts once, by its best child: macro-regions and seas. */
let macroLike: Uint8Array | undefined;

/**
 * macroLike worked out: an indexed loop, not Uint8Array.from's iterator over 140,000 slots (it runs
 * at the first tag, before the engine has optimised anything: 35 ms against 5). Towns, not decoded
 * yet, are neither.
 */
function macroEntries(g: Gazetteer): Uint8Array {
  const out = new Uint8Array(g.entries.length);
  for (let i = 0; i < g.entries.length; i++) {
    const e = g.entries[i];
    if (e && (e.entry.kind === 'macro-region' || e.entry.kind === 'sea')) out[i] = 1;
  }
  return out;
}

function rollUp(side: Side, child: number, up: number[]): void {
  const s = side.direct[child]!;
  for (let u = 0; u < up.length; u++) {
    const p = up[u]!;
    side.touch(p);
    if (macroLike![p]) side.macro[p] = Math.max(side.macro[p]!, ROLL_UP_MACRO * s);
    else {
      side.rolled[p]! += s;
      if (s > side.rolledBest[p]!) side.rolledBest[p] = s;
    }
    side.viaOf(p, child);
    if (side.first[child]! < side.first[p]!) side.first[p] = side.first[child]!;
  }
}

/**
 * What an office holder's mentions roll up to: the organisations or countries they led at the date.
 * Without a date, the roles whose organisation or country the article names too; else every role.
 */
function personUp(g: Gazetteer, ie: IndexedEntry, date: string | undefined, actors: Side): number[] {
  const targets = roleTargets(g, ie, date, actors);
  const out: number[] = [];
  for (const t of targets) {
    if (!out.includes(t)) out.push(t);
    for (const a of ancestors(g, g.entries[t]!, 'actor')) if (!out.includes(a)) out.push(a);
  }
  return out;
}

/** The organisations or countries an office holder led at the date (see personUp). */
export function roleTargets(g: Gazetteer, ie: IndexedEntry, date: string | undefined, actors?: Side): number[] {
  const held = ie.roles.filter((r) => roleHeld(r, date));
  let idx = held.map((r) => g.byId.get(r.of)?.index).filter((i): i is number => i !== undefined);
  if (!date && actors && idx.length > 1) {
    const named = idx.filter((i) => actors.stamp[i] === actors.gen && actors.direct[i]! > 0);
    if (named.length) idx = named;
  }
  return [...new Set(idx)];
}

/** "Paris-based", "London-listed": the place describes something else and counts for little. */
function attributive(src: string, end: number): boolean {
  let e = end + 1;
  while (e < src.length && charClass(src.charCodeAt(e)) & WORD) e++;
  return attributiveAfter.hasSpan(src, end + 1, e);
}

/** "based in Paris", "listed in Luxembourg": the seat of a company, not the place of the story. */
function seatBefore(src: string, start: number): boolean {
  const prep = wordBefore(src, start);
  if (!prep || !inOn.hasSpan(src, prep.start, prep.end)) return false;
  const verb = wordBefore(src, prep.start);
  return !!verb && attributiveBefore.hasSpan(src, verb.start, verb.end);
}

/** The word that ends just before `pos`, across spaces and line breaks only. */
function wordBefore(src: string, pos: number): { start: number; end: number } | undefined {
  let k = pos;
  while (k > 0 && src.charCodeAt(k - 1) <= 32) k--;
  if (k === pos) return undefined;
  let s = k;
  while (s > 0 && charClass(src.charCodeAt(s - 1)) & WORD) s--;
  return s < k ? { start: s, end: k } : undefined;
}

/** "U.S. dollars", "U.S. dlrs": the country names a unit of money. */
function unitNext(src: string, end: number): boolean {
  let a = end;
  if (codeAt(src, a) === 46) a++; // the full stop of "U.S."
  while (a < src.length && src.charCodeAt(a) <= 32) a++;
  if (a === end) return false;
  let e = a;
  while (e < src.length && charClass(src.charCodeAt(e)) & WORD) e++;
  return e > a && unitAfter.hasSpan(src, a, e);
}

/** How much a country mention counts as a place: more after "in"/"attack", less before "said"/"has". */
function placeFactor(src: string, start: number, end: number): number {
  let prev = wordBefore(src, start);
  if (prev && prev.end - prev.start === 3 && the.hasSpan(src, prev.start, prev.end)) prev = wordBefore(src, prev.start); // "in the U.S."
  if (prev && locativeBefore.hasSpan(src, prev.start, prev.end)) return rules.placeRole.locativeFactor;
  let a = end;
  if (codeAt(src, a) === 46 && end - start <= 4) a++; // the full stop of "U.S."
  while (a < src.length && src.charCodeAt(a) <= 32) a++;
  let e = a;
  while (e < src.length && charClass(src.charCodeAt(e)) & WORD) e++;
  if (a > end && e > a && agentiveAfter.hasSpan(src, a, e)) return rules.placeRole.agentiveFactor;
  return 1;
}

/** Works out each touched entry's score, sorts (by score, then first mention) and marks the salient ones. */
function rank(side: Side): void {
  const n = side.count;
  if (side.rankEntry.length < n) {
    const cap = Math.max(n, side.rankEntry.length * 2);
    side.rankEntry = new Int32Array(cap);
    side.rankScore = new Float64Array(cap);
    side.rankSalient = new Uint8Array(cap);
  }
  const entry = side.rankEntry;
  const score = side.rankScore;
  const first = side.first;
  const touched = side.touched;
  let top = 0;
  // Insertion sort (stable, as Array.prototype.sort): lists are short, and it needs no closure or array per call.
  for (let k = 0; k < n; k++) {
    const i = touched[k]!;
    const best = side.rolledBest[i]!;
    const rolled = ROLL_UP * best + ROLL_UP_MORE * (side.rolled[i]! - best);
    const sk = Math.round((side.direct[i]! + rolled + side.macro[i]!) * 100) / 100;
    if (sk > top) top = sk;
    const fk = first[i]!;
    let q = k;
    while (q > 0) {
      const d = sk - score[q - 1]! || first[entry[q - 1]!]! - fk;
      if (!(d > 0)) break; // NaN (two unset firsts) keeps the order, as sort does
      entry[q] = entry[q - 1]!;
      score[q] = score[q - 1]!;
      q--;
    }
    entry[q] = i;
    score[q] = sk;
  }
  for (let o = 0; o < n; o++) {
    const sc = score[o]!;
    side.rankSalient[o] = sc >= SALIENT_MIN || (sc >= SALIENT_SHARE * top && sc >= SALIENT_FLOOR) || side.titled[entry[o]!] === 1 ? 1 : 0;
  }
}
