// Salience and roll-up: turns resolved matches into the DESIGN.md Tag lists. A mention weighs more in
// the title, the dateline and the lead; repetition adds up; a demonym ("Russian forces") counts for
// less than the name. Found tags pass part of their score up to what contains or leads them (Donetsk →
// Donbas → Ukraine; Stoltenberg → NATO), so a country named through its cities can be the focus.
import type { Mention, Tag, TagResult } from '../model';
import { roleHeld, type Gazetteer, type IndexedEntry } from './gazetteer';
import type { Found } from './disambiguate';
import { charClass, tokenKey, WORD } from './chars';
import rules from './data/rules.json';

const locativeBefore = new Set(rules.placeRole.locativeBefore);
const agentiveAfter = new Set(rules.placeRole.agentiveAfter);

const attributiveAfter = new Set(rules.placeRole.attributiveAfter);

/** "Paris-based", "London-listed": the place describes something else and counts for little. */
function attributive(src: string, end: number): boolean {
  if (src.charCodeAt(end) !== 45) return false;
  let e = end + 1;
  while (e < src.length && charClass(src.charCodeAt(e)) & WORD) e++;
  return attributiveAfter.has(tokenKey(src.slice(end + 1, e)));
}

/** How much a country mention counts as a place: more after "in"/"attack", less before "said"/"has". */
function placeFactor(src: string, start: number, end: number): number {
  let k = start;
  while (k > 0 && src.charCodeAt(k - 1) <= 32) k--;
  let s = k;
  while (s > 0 && charClass(src.charCodeAt(s - 1)) & WORD) s--;
  if (s < k && locativeBefore.has(tokenKey(src.slice(s, k)))) return rules.placeRole.locativeFactor;
  let a = end;
  while (a < src.length && src.charCodeAt(a) <= 32) a++;
  let e = a;
  while (e < src.length && charClass(src.charCodeAt(e)) & WORD) e++;
  if (a > end && e > a && agentiveAfter.has(tokenKey(src.slice(a, e)))) return rules.placeRole.agentiveFactor;
  return 1;
}

/** Weights of a mention by where it stands. */
export const WEIGHTS = { title: 3, dateline: 3, lead: 2, body: 1, demonym: 0.5 };
/** Characters of body text (after any dateline) that count as the lead. */
export const LEAD_CHARS = 300;
/** Share of a found tag's score passed to the country, region or organisation above it. */
const ROLL_UP = 0.8;
/** Share passed to macro-regions and seas (at most once: the best child counts, not the sum). */
const ROLL_UP_MACRO = 0.5;
/** A tag with at least this score is salient; so is one within SALIENT_SHARE of the top score. */
export const SALIENT_MIN = 3;
export const SALIENT_SHARE = 0.5;

interface Acc {
  ie: IndexedEntry;
  direct: number;
  rolled: number;
  macroBest: number;
  mentions: Mention[];
  via: Set<string>;
  first: number;
}

const isActorKind = (k: string) => k === 'organization' || k === 'institution' || k === 'person';

/** Builds the actor and region lists from resolved matches. */
export function buildTags(found: Found[], g: Gazetteer, src: { title: string; text: string }, leadStart: number, date?: string): TagResult {
  const actors = new Map<number, Acc>();
  const regions = new Map<number, Acc>();
  const acc = (map: Map<number, Acc>, ie: IndexedEntry): Acc => {
    let a = map.get(ie.index);
    if (!a) map.set(ie.index, (a = { ie, direct: 0, rolled: 0, macroBest: 0, mentions: [], via: new Set(), first: Infinity }));
    return a;
  };
  for (const f of found) {
    const ie = g.entries[f.entry]!;
    const kind = ie.entry.kind;
    let w = f.field === 'title' ? WEIGHTS.title : f.dateline ? WEIGHTS.dateline : f.start < leadStart + LEAD_CHARS ? WEIGHTS.lead : WEIGHTS.body;
    if (f.target.demonym) w *= WEIGHTS.demonym;
    if (attributive(src[f.field], f.end)) w *= rules.placeRole.attributiveFactor;
    const mention: Mention = { text: src[f.field].slice(f.start, f.end), start: f.start, end: f.end };
    if (f.field === 'title') mention.field = 'title';
    const order = f.field === 'title' ? f.start - 1e6 : f.start;
    const targets: Map<number, Acc>[] = [];
    if (kind === 'country') {
      targets.push(actors);
      if (!f.target.demonym) targets.push(regions);
    } else if (isActorKind(kind)) targets.push(actors);
    else targets.push(regions);
    for (const map of targets) {
      const a = acc(map, ie);
      a.direct += map === regions && kind === 'country' && f.field === 'text' ? w * placeFactor(src.text, f.start, f.end) : w;
      a.mentions.push(mention);
      a.first = Math.min(a.first, order);
    }
  }

  // Roll-ups: every found tag passes score to each ancestor once (no compounding along the chain).
  const rollUp = (map: Map<number, Acc>, actorSide: boolean) => {
    for (const a of [...map.values()].filter((x) => x.direct > 0)) {
      const seen = new Set<string>([a.ie.entry.id]);
      const queue = [...parentsOf(a.ie, actorSide, date)];
      for (let qi = 0; qi < queue.length; qi++) {
        const id = queue[qi]!;
        if (seen.has(id)) continue;
        seen.add(id);
        const p = g.byId.get(id);
        if (!p) continue;
        // A place's parents are places; an actor's parents are actors (Stoltenberg → NATO, Duma → Russia).
        if (actorSide !== (isActorKind(p.entry.kind) || (actorSide && p.entry.kind === 'country'))) continue;
        const pa = acc(map, p);
        if (!p.entry.country) pa.macroBest = Math.max(pa.macroBest, ROLL_UP_MACRO * a.direct);
        else pa.rolled += ROLL_UP * a.direct;
        pa.via.add(a.ie.entry.id);
        pa.first = Math.min(pa.first, a.first);
        queue.push(...parentsOf(p, actorSide, date));
      }
    }
  };
  rollUp(regions, false);
  rollUp(actors, true);
  return { actors: finish(actors, true, date), regions: finish(regions, false, date) };
}

/** What a tag rolls up to: an office holder's organisations or countries at the date, else its parents. */
function parentsOf(ie: IndexedEntry, actorSide: boolean, date?: string): string[] {
  if (ie.entry.kind === 'person') return actorSide ? [...new Set(ie.roles.filter((r) => roleHeld(r, date)).map((r) => r.of))] : [];
  if (actorSide && ie.entry.kind === 'country') return []; // a country as an actor stands alone
  return ie.entry.parents;
}

function finish(map: Map<number, Acc>, actorSide: boolean, date?: string): Tag[] {
  const list = [...map.values()];
  const scoreOf = (a: Acc) => Math.round((a.direct + a.rolled + a.macroBest) * 100) / 100;
  const top = Math.max(0, ...list.map(scoreOf));
  const tags = list.map((a) => {
    const e = a.ie.entry;
    const score = scoreOf(a);
    const tag: Tag = { id: e.id, name: e.name, kind: e.kind, score, salient: score >= SALIENT_MIN || score >= SALIENT_SHARE * top, mentions: a.mentions };
    if (e.country) tag.country = e.country;
    if (e.wikidata) tag.wikidata = e.wikidata;
    const parents = parentsOf(a.ie, actorSide, date);
    if (parents.length) tag.parents = parents;
    if (a.via.size) tag.via = [...a.via];
    return { tag, first: a.first };
  });
  tags.sort((x, y) => y.tag.score - x.tag.score || x.first - y.first || x.tag.id.localeCompare(y.tag.id));
  return tags.map((t) => t.tag);
}
