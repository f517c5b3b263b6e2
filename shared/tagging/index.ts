// The tagger: actors and regions of a text, each with its evidence, salience and roll-ups.
// Public interface of shared/tagging (see docs/TAGGING.md for how it works and how well).
import { distance } from 'fastest-levenshtein';
import type { TagResult } from '../model';
import { dropUnsupported } from './actors';
import { charClass, codeAt, phraseKey, tokenKey, tokens, WORD } from './chars';
import { readDateline, type Dateline } from './dateline';
import { ambiguous, contextOf, cueWords, dropNonNames, markOrganisations, opensFirmName, resolveShared, type Context } from './disambiguate';
import { ancestors, gazetteer, type Gazetteer, type GazetteerEntry } from './gazetteer';
import { compileMatcher, makeFound, makeTarget, scan, type AliasTarget, type Found, type Matcher } from './matcher';
import { clusterHolds, clusterSupport, sentenceStart, speaksAlone, placeContext, placeMentionOk, resolvePlace, qualifierGap, supportFrom, surelyUnsupported, townsOnly, unitsInLists, untouchedBySupport, type PlaceContext, type PlaceMention } from './places';
import type { JsonBytes } from './json';
import { tagsOf, writeScored } from './render';
import { scoreFound, type Scored } from './score';
import rules from './data/rules.json';

export type { GazetteerEntry } from './gazetteer';

let compiled: Matcher | undefined;
let byName: Map<string, GazetteerEntry> | undefined;

/** The matcher, compiled from the gazetteer on first use and kept for the process. */
function matcher(): Matcher {
  if (compiled) return compiled;
  const g = gazetteer();
  const shared = new Map<string, number[]>();
  for (const r of rules.ambiguous) shared.set(r.alias, r.choices.map((c) => g.byId.get(c.id)?.index).filter((i): i is number => i !== undefined));
  compiled = compileMatcher(g, rules.notPlacePhrases, shared, cueWords);
  return compiled;
}

/** State and province abbreviations of datelines, compared without case, spaces or full stops ("Del", "N.Y."). */
const abbrevKey = (s: string) => s.toLowerCase().replace(/[\s.]+/g, '');
const stateAbbrev = new Map(Object.entries(rules.stateAbbreviations).map(([k, v]) => [abbrevKey(k), v]));
/** A comma, then an abbreviation with full stops ("Ga.", "N.C.", "W. Va.", "B.C."). */
const ABBREV_AFTER = /,\s?([A-Z][A-Za-z]{0,4}\.(?:\s?[A-Z][a-z]{0,2}\.)*)/y;

/** What the tagger reads: the text, its title, and its date (for office holders). */
export interface TagInput {
  text: string;
  title?: string;
  date?: string;
}

/** Tags a text (and its title): actors and regions, sorted by salience, with exact mention offsets. */
export function tagText(input: TagInput): TagResult {
  return tagsOf(score(input));
}

/**
 * Tags a text and writes `"actors":[…],"regions":[…]` to `out`: the bytes JSON.stringify would give
 * for tagText's lists, without making the Tag objects (`tag --jsonl` writes its output with it).
 */
export function tagTextJson(input: TagInput, out: JsonBytes): void {
  writeScored(out, score(input));
}

/**
 * One article as the steps of score() read it. The steps are functions of their own, not closures of
 * one long function: each is optimised on its own, so that a rare path met late in the warm-up (a
 * dateline qualifier, a shared name) throws away and recompiles that step only.
 */
interface Article {
  g: Gazetteer;
  title: string;
  text: string;
  date: string | undefined;
  /** The matches, in text order (title first), narrowed step by step. */
  found: Found[];
  dl: Dateline | undefined;
  /** End of the dateline's place and qualifier ("CHARLOTTE, N.C."): -1 without a dateline. */
  placeEnd: number;
}

/** Finds, resolves and scores the names of a text; the result is valid until the next call. */
function score(input: TagInput): Scored {
  const g = gazetteer();
  const text = typeof input.text === 'string' ? input.text : '';
  const title = typeof input.title === 'string' ? input.title : '';
  const a: Article = { g, title, text, date: input.date, found: [], dl: undefined, placeEnd: -1 };
  const matched = findMatches(a, matcher());
  const dl = a.dl;
  dropFirmCities(a);
  // Names with one meaning settle first; they are the context for shared names ("Georgia", a surname).
  resolveMatches(a, settleSmallPlaces(a), matched);
  placeRules(a);
  return scoreFound(a.found, g, { title, text }, dl ? dl.end : 0, input.date);
}

/**
 * Scans the title and the text, reads the dateline and the state abbreviations after places, and
 * leaves the matches in a.found in text order. Returns every phrase matched in a field (cue words
 * included, before dropNonNames drops them) when a name there is shared: the context of the shared
 * names. Kept as the matches; their keys become a set only if a shared name is settled by
 * resolveShared (most articles settle none that way).
 */
function findMatches(a: Article, m: Matcher): Found[][] | undefined {
  const { g, title, text, found } = a;
  let matched: Found[][] | undefined;
  const collect = (from: number) => {
    for (let k = from; k < found.length; k++) if (found[k]!.target.entries.length > 1) {
      (matched ??= []).push(found.slice(from));
      return;
    }
  };
  if (title) {
    scan(m, title, 'title', found);
    collect(0);
    dropNonNames(g, title, found, 0, true);
  }
  const textFrom = found.length;
  scan(m, text, 'text', found);
  collect(textFrom);
  dropNonNames(g, text, found, textFrom);

  // The dateline names the place of reporting; a state or province after it ("N.Y.") is read too.
  const dl = readDateline(text);
  if (dl) {
    a.dl = dl;
    // The dateline's place and qualifier ("CHARLOTTE, N.C.") support a place; its date ("March 3") does not.
    a.placeEnd = dl.qualifier?.end ?? dl.place.end;
    for (let k = textFrom; k < found.length && found[k]!.start < dl.end; k++) found[k]!.dateline = true;
    const q = dl.qualifier;
    const qid = q && stateAbbrev.get(abbrevKey(q.text));
    const qe = qid ? g.byId.get(qid) : undefined;
    const clash = q ? found.findIndex((f) => f.field === 'text' && f.start === q.start) : -1;
    if (clash >= 0 && qe && found[clash]!.target.minor) found.splice(clash, 1); // "PORTLAND, Ore.": the state, not the town of Ore
    if (q && qe && !found.some((f) => f.field === 'text' && f.start === q.start)) {
      found.push(makeFound(q.start, q.end, makeTarget([qe.index], false, q.text, q.text, true), 'text', qe.index, true));
    }
  }
  // "Atlanta, Ga., police said", "Surrey, B.C.": a state or province abbreviation after a place and a
  // comma is a mention of that state (and qualifies the place before it).
  const before = found.length;
  const textFound = found.slice(textFrom);
  for (const f of textFound) {
    if (codeAt(text, f.end) !== 44) continue;
    ABBREV_AFTER.lastIndex = f.end;
    const x = ABBREV_AFTER.exec(text);
    const id = x && stateAbbrev.get(abbrevKey(x[1]!));
    const se = id ? g.byId.get(id) : undefined;
    if (!x || !se) continue;
    const start = f.end + x[0].length - x[1]!.length;
    // The abbreviation wins over a town it spells ("Mo." is Missouri, not Mo i Rana).
    const clash = found.findIndex((y) => y.field === 'text' && y.start === start);
    if (clash >= 0 && !found[clash]!.target.minor) continue;
    if (clash >= 0) found.splice(clash, 1);
    found.push(makeFound(start, start + x[1]!.length, makeTarget([se.index], false, x[1]!, x[1]!, true), 'text', se.index, f.dateline));
  }
  // Matches stay in text order (title first): the place rules read the match after a name.
  if (found.length !== before || dl?.qualifier) found.sort((x, y) => (x.field === y.field ? x.start - y.start : x.field === 'title' ? -1 : 1));
  return matched;
}

/** True for a match that opens the dateline's place or qualifier ("GAZA CITY": Gaza, not a town called City). */
function inDateline(a: Article, x: Found): boolean {
  return x.dateline && x.field === 'text' && x.end <= a.placeEnd && (x.start === a.dl!.place.start || x.start === a.dl!.qualifier?.start);
}

/**
 * Towns and units that share a name or need support: the article's evidence decides, in two rounds,
 * so that two small places support each other ("Pandi, Bulacan"; Truro and Cornwall). Returns what
 * each name settled to, by key (a shared name means one thing throughout an article), or undefined
 * when the article names no such place.
 */
function settleSmallPlaces(a: Article): Map<string, number> | undefined {
  const { g, found } = a;
  // Each minor target once, in the order of its first match, with its matches in text order (t.at).
  const mark = ++articles;
  let minors: AliasTarget[] | undefined;
  for (let q = 0; q < found.length; q++) {
    const t = found[q]!.target;
    if (!t.minor) continue;
    if (t.mark === mark) t.at!.push(q);
    else if (!ruled(t)) {
      t.mark = mark;
      t.at = [q];
      (minors ??= []).push(t);
    }
  }
  if (!minors) return undefined;
  const places = placeContext(found, g);
  const settled = new Map<string, number>();
  const open: AliasTarget[] = [];
  for (const t of minors) {
    const e = resolveSmall(a, places, t, t.at!);
    settled.set(t.key, e);
    if (e >= 0) supportFrom(places, g, e);
    else open.push(t);
  }
  // A second round when the first settled some: what they add may support the others. A name that
  // no addition can support keeps the first round's answer (no place) without being read again.
  // (Each is set again all the same: two targets of one key keep the order of their answers.)
  if (open.length && open.length < minors.length) for (const t of open) settled.set(t.key, untouchedBySupport(t, places, g) ? -1 : resolveSmall(a, places, t, t.at!));
  // A third round for the names only each other can support ("Highland Park", "Glenview": suburbs, the
  // state unnamed), in an article that names no city or subdivision for certain and settled none:
  // where it names one, its support reaches the small places that belong with it (a country named,
  // "U.S. officials", says too little). Only names written as names count: mid-sentence, or of
  // several words ("Than" opening a sentence is no town).
  if (places.points.length > 0 || open.length < minors.length) return settled;
  const still = open.filter((t) => t.key.includes(' ') || t.at!.some((q) => midSentence(a, found[q]!)));
  const pairs = still.length >= 2 ? clusterSupport(still, places, g) : undefined;
  if (pairs) {
    const members = new Set(pairs.flat());
    const read = new Map<AliasTarget, number>();
    for (const t of still) if (members.has(t)) read.set(t, resolveSmall(a, places, t, t.at!));
    // A name stands only beside a partner read as a place near it: "Merrill Lynch" is no town, so it
    // supports no "Rothschild".
    for (const [x, y] of pairs) {
      const i = read.get(x)!;
      const j = read.get(y)!;
      if (i >= 0 && j >= 0 && clusterHolds(g, i, j)) settled.set(x.key, i).set(y.key, j);
    }
  }
  return settled;
}

/** True when an ambiguity rule of data/rules.json settles the name (worked out once per target). */
function ruled(t: AliasTarget): boolean {
  return (t.ruled ??= ambiguous.has(t.key));
}

/** Articles settled so far: the mark of the current one in its targets' scratch (AliasTarget.mark). */
let articles = 0;

/** The place a small or shared place name (target t, matched at found[at]) stands for, or -1. */
function resolveSmall(a: Article, places: PlaceContext, t: AliasTarget, at: number[]): number {
  return alone(a, at) && surelyUnsupported(t, places, a.g) ? -1 : resolvePlace(t, mentionsOf(a, at), places, a.g);
}

/**
 * True when no mention at found[at] is in the dateline or beside another match where a qualifier
 * stands ("Pandi, Bulacan", "Bulacan in Central Luzon"): then the mentions cannot support the name
 * themselves, and surelyUnsupported settles most names without reading their words.
 */
function alone(a: Article, at: number[]): boolean {
  const found = a.found;
  for (const q of at) {
    const x = found[q]!;
    const nx = q + 1 < found.length ? found[q + 1] : undefined;
    const pv = q > 0 ? found[q - 1] : undefined;
    if (inDateline(a, x)) return false;
    const src = x.field === 'title' ? a.title : a.text;
    if ((nx && nx.field === x.field && qualifierGap(src, x.end, nx.start)) || (pv && pv.field === x.field && qualifierGap(src, pv.end, x.start))) return false;
  }
  return true;
}

/** True when the match does not open its field's sentence (a capital there says nothing). */
function midSentence(a: Article, f: Found): boolean {
  return !sentenceStart(f.field === 'title' ? a.title : a.text, f.start);
}

/** The mentions at found[at], with their neighbouring matches, for the place rules. */
function mentionsOf(a: Article, at: number[]): PlaceMention[] {
  const found = a.found;
  return at.map((q): PlaceMention => {
    const x = found[q]!;
    const nx = q + 1 < found.length ? found[q + 1] : undefined;
    const pv = q > 0 ? found[q - 1] : undefined;
    // Every field present, in one order: mentions of one shape keep the place rules' reads monomorphic.
    return { src: x.field === 'title' ? a.title : a.text, start: x.start, end: x.end, dateline: inDateline(a, x), next: nx && nx.field === x.field ? nx : undefined, prev: pv && pv.field === x.field ? pv : undefined, match: x };
  });
}

/**
 * Gives every match its entry (a shared name settled by the rules, a small place by settleSmallPlaces)
 * and drops those that name nothing here.
 */
function resolveMatches(a: Article, settled: Map<string, number> | undefined, matched: Found[][] | undefined): void {
  const { g, title, text, found } = a;
  let context: Context | undefined;
  let w = 0;
  for (let r = 0; r < found.length; r++) {
    const f = found[r]!;
    if (f.entry < 0) {
      const t = f.target;
      if (t.entries.length === 1 && !t.minor) f.entry = t.entries[0]!;
      else {
        settled ??= new Map();
        let e = settled.get(t.key);
        if (e === undefined) {
          context ??= contextOf(found, g, keysOf(matched));
          const spans = found.filter((x) => x.target === t).map((x) => ({ src: x.field === 'title' ? title : text, start: x.start, end: x.end }));
          e = resolveShared(t, spans, context, g, a.date);
          settled.set(t.key, e);
        }
        f.entry = e;
        if (e >= 0 && t.minor && !ruled(t) && !placeMentionOk(g.entries[e]!, t.key, mentionAt(a, f))) f.entry = -1;
      }
    }
    if (f.entry >= 0) found[w++] = f;
  }
  found.length = w;
  markOrganisations(found, title, text); // "Kenya Red Cross": for the small places kept
  dropUnsupported(found, { title, text }); // "RSF" alone may be Reporters Without Borders
}

/** One mention, read by placeMentionOk and not kept: the same object is filled in each time. */
const MENTION: PlaceMention = { src: '', start: 0, end: 0, dateline: false, next: undefined, prev: undefined, match: undefined };

/** The match f as a mention without its neighbours (the scratch MENTION, valid until the next call). */
function mentionAt(a: Article, f: Found): PlaceMention {
  MENTION.src = f.field === 'title' ? a.title : a.text;
  MENTION.start = f.start;
  MENTION.end = f.end;
  MENTION.dateline = inDateline(a, f);
  MENTION.match = f;
  return MENTION;
}

/**
 * Drops the names of cities (none a capital) that are a firm in this article: the name speaks alone
 * ("Toyota said") and, somewhere in the article, opens a firm's name ("Toyota Motor Corp", "Hartford
 * Insurance Group"). The firm is meant at every mention and supports no other place. A city that
 * only speaks ("Shanghai said it would ease the lockdown") is its government, and stays.
 */
function dropFirmCities(a: Article): void {
  const { g, title, text, found } = a;
  let firms: Set<AliasTarget> | undefined;
  for (const f of found) {
    const t = f.target;
    if (t.demonym || !t.placeOnly || firms?.has(t)) continue;
    const src = f.field === 'title' ? title : text;
    // The cheap test first: most places matched are no city, or a capital.
    if (!townsOnly(t, g) || !speaksAlone({ src, start: f.start, end: f.end, dateline: false })) continue;
    const name = src.slice(f.start, f.end);
    if (opensFirmAnywhere(title, name) || opensFirmAnywhere(text, name)) (firms ??= new Set()).add(t);
  }
  if (!firms) return;
  let w = 0;
  // A dateline still places the story there.
  for (const f of found) if (!firms.has(f.target) || f.dateline) found[w++] = f;
  found.length = w;
}

/** True when `name` (a whole word or phrase) opens a firm's name somewhere in `src`. */
function opensFirmAnywhere(src: string, name: string): boolean {
  for (let at = src.indexOf(name); at >= 0; at = src.indexOf(name, at + 1)) {
    if (at > 0 && charClass(src.charCodeAt(at - 1)) & WORD) continue;
    if (opensFirmName(src, at + name.length)) return true;
  }
  return false;
}

/** The keys of every phrase matched in the fields that name a shared name (the cue words of the rules). */
function keysOf(matched: Found[][] | undefined): Set<string> {
  const keys = new Set<string>();
  for (const list of matched ?? []) for (const f of list) keys.add(f.target.key);
  return keys;
}

/** The rules that read resolved places beside each other: a state after a city, lists of states, the dateline's qualifier. */
function placeRules(a: Article): void {
  const { g, title, text, found, dl } = a;
  // "Buffalo, New York", "Kingston, Ontario": a name right after a place and a comma that is the name
  // of one of that place's ancestors is that ancestor (the state, not New York City).
  for (let r = 1; r < found.length; r++) {
    const f = found[r]!;
    const p = found[r - 1]!;
    if (p.field !== f.field || f.start - p.end > 3 || (f.field === 'title' ? title : text).charCodeAt(p.end) !== 44) continue;
    for (const x of ancestors(g, g.entries[p.entry]!, 'place')) {
      if (x !== f.entry && nameKey(g.entries[x]!.entry.name) === f.target.key) {
        f.entry = x;
        break;
      }
    }
  }

  unitsInLists(found, g, title, text); // "Michigan, Oregon, New York": the state, not the city

  // A dateline city that contradicts its own qualifier ("PARIS, Texas") is not that city.
  if (dl?.qualifier) {
    const qual = found.find((f) => f.dateline && f.start >= dl.qualifier!.start);
    const qc = qual && g.entries[qual.entry]!.entry.country;
    if (qc) for (let i = found.length - 1; i >= 0; i--) {
      const f = found[i]!;
      if (f.dateline && f.end <= dl.place.end && g.entries[f.entry]!.entry.country !== qc) found.splice(i, 1);
    }
  }
}

/** Looks a tag up by id ("donetsk-oblast"), ISO code ("RU"), name or alias ("NATO", "Black Sea", "Kiev"). */
export function resolveTag(nameIdOrCode: string): GazetteerEntry | undefined {
  const g = gazetteer();
  const q = nameIdOrCode.trim();
  if (!q) return undefined;
  const direct = g.byId.get(q) ?? g.byId.get(q.toUpperCase()) ?? g.byId.get(q.toLowerCase());
  if (direct) return direct.entry;
  const key = nameKey(q);
  const named = names().get(key);
  if (named) return named;
  // A town by name: the most populous of that name.
  const town = g.towns.get(key)?.[0];
  return town === undefined ? undefined : g.entryAt(town).entry;
}

/** Near names for a string that resolves to nothing, best first ("Ukrane" → "Ukraine"). */
export function suggestTags(name: string, limit = 5): string[] {
  const key = nameKey(name);
  if (!key) return [];
  const scored: { name: string; d: number; i: number }[] = [];
  const seen = new Set<string>();
  const g = gazetteer();
  for (const [k, e] of names()) {
    if (Math.abs(k.length - key.length) > 3) continue;
    // Towns that need support in an article are not offered as near names: the 135,000 of them would
    // bury the one meant ("Rusia" is Russia, not Busia or Lusia).
    if (g.byId.get(e.id)?.minor) continue;
    const d = distance(k, key);
    // One edit in a short name, two in a longer one, three in a long one: more is another name.
    if (d <= (key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3) && !seen.has(e.id)) {
      seen.add(e.id);
      scored.push({ name: e.name, d, i: g.byId.get(e.id)!.index });
    }
  }
  // Nearest first; among equals, the data file's order: countries, then curated places, then subdivisions and towns.
  scored.sort((a, b) => a.d - b.d || a.i - b.i);
  // Only the nearest names and those one edit further: a list of loose matches helps no one.
  const best = scored[0]?.d ?? 0;
  return scored.filter((x) => x.d <= (best <= 1 ? best : best + 1)).slice(0, limit).map((x) => x.name);
}

/** The gazetteer entry with this id. */
export function getTagEntry(id: string): GazetteerEntry | undefined {
  return gazetteer().byId.get(id)?.entry;
}

const nameKey = (s: string) => phraseKey(s.replace(/^the\s+/i, ''));

/** Every alias (lower-cased) to its entry; for an ambiguous name, the rule's default. */
function names(): Map<string, GazetteerEntry> {
  if (byName) return byName;
  const g = gazetteer();
  byName = new Map();
  for (let x = 0; x < g.entries.length; x++) {
    const ie = g.entries[x];
    if (!ie) continue; // towns: resolveTag looks them up in the town index
    for (const a of [ie.entry.name, ...ie.entry.aliases]) {
      const k = nameKey(a);
      if (k && !byName.has(k)) byName.set(k, ie.entry);
    }
  }
  for (const [k, r] of ambiguous) {
    const e = g.byId.get(r.default)?.entry;
    if (e) byName.set(k, e);
  }
  return byName;
}
