// A scored article (score.ts) as the DESIGN.md tag lists: Tag objects for the API, or the JSON of
// those objects written straight into bytes for `tag --jsonl`, without making the objects. Both read
// the same ranked sides, and a test holds the bytes to JSON.stringify of the objects.
import type { Mention, Tag, TagResult } from '../model';
import type { IndexedEntry } from './gazetteer';
import { jsonString, JsonBytes, put, putInt } from './json';
import { roleTargets, type Scored, type Side } from './score';

/** The tag lists of a scored article. */
export function tagsOf(s: Scored): TagResult {
  return { actors: sideTags(s, s.actors, true), regions: sideTags(s, s.regions, false) };
}

/** Parents a tag lists: an office holder's roles at the date, none for a country as an actor. */
function parentsOf(s: Scored, side: Side, ie: IndexedEntry, actorSide: boolean): string[] {
  const e = ie.entry;
  if (e.kind === 'person') return actorSide ? roleTargets(s.g, ie, s.date, side).map((t) => s.g.entries[t]!.entry.id) : [];
  return actorSide && e.kind === 'country' ? [] : e.parents;
}

function sideTags(s: Scored, side: Side, actorSide: boolean): Tag[] {
  const n = side.count;
  const tags: Tag[] = new Array(n);
  for (let o = 0; o < n; o++) {
    const i = side.rankEntry[o]!;
    const ie = s.g.entries[i]!;
    const e = ie.entry;
    const score = side.rankScore[o]!;
    const salient = side.rankSalient[o] === 1;
    const mentions: Mention[] = [];
    for (let k = side.mHead[i]!; k >= 0; k = side.mNext[k]!) {
      const f = s.found[k]!;
      const m: Mention = { text: s.src[f.field].slice(f.start, f.end), start: f.start, end: f.end };
      if (f.field === 'title') m.field = 'title';
      mentions.push(m);
    }
    // Fields in the order of the DESIGN.md contract (the order writeSide writes them in).
    const tag = { id: e.id, name: e.name, kind: e.kind } as Tag;
    if (e.country) tag.country = e.country;
    if (e.wikidata) tag.wikidata = e.wikidata;
    if (e.lat !== undefined) {
      tag.lat = e.lat;
      tag.lon = e.lon!;
    }
    tag.score = score;
    tag.salient = salient;
    tag.mentions = mentions;
    const parents = parentsOf(s, side, ie, actorSide);
    if (parents.length) tag.parents = parents;
    if (side.vHead[i]! >= 0) {
      const via: string[] = [];
      for (let v = side.vHead[i]!; v >= 0; v = side.vNext[v]!) via.push(s.g.entries[side.vChild[v]!]!.entry.id);
      tag.via = via;
    }
    tags[o] = tag;
  }
  return tags;
}

/**
 * Encoded JSON pieces of each entry, made on first use: the fixed head of its tag, its id, its parents.
 * Sized for every entry at once: an array filled at scattered indices up to 143,000 would be kept as a
 * dictionary, and each read a hash lookup.
 */
let heads: (Uint8Array | undefined)[] = [];
let ids: (Uint8Array | undefined)[] = [];
let staticParents: (Uint8Array | undefined)[] = [];

function headOf(ie: IndexedEntry): Uint8Array {
  const e = ie.entry;
  let json = `{"id":${jsonString(e.id)},"name":${jsonString(e.name)},"kind":${jsonString(e.kind)}`;
  if (e.country) json += `,"country":${jsonString(e.country)}`;
  if (e.wikidata) json += `,"wikidata":${jsonString(e.wikidata)}`;
  if (e.lat !== undefined) json += `,"lat":${e.lat},"lon":${e.lon}`;
  return (heads[ie.index] = Buffer.from(`${json},"score":`, 'utf8'));
}

function idOf(ie: IndexedEntry): Uint8Array {
  return (ids[ie.index] ??= Buffer.from(jsonString(ie.entry.id), 'utf8'));
}

const encode = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const SALIENT = encode(',"salient":true,"mentions":[');
const MENTION_OPEN = encode('{"text":"');
const MENTION_NEXT = encode(',{"text":"');
const START = encode('","start":');
const END = encode(',"end":');
const PASSING = encode(',"salient":false,"mentions":[');
const VIA = encode(',"via":[');
const ACTORS = encode('"actors":[');
const REGIONS = encode('],"regions":[');

/** Writes `"actors":[…],"regions":[…]` of a scored article: the bytes of JSON.stringify(tagsOf(s)) lists. */
export function writeScored(o: JsonBytes, s: Scored): void {
  if (heads.length < s.g.entries.length) {
    const n = s.g.entries.length;
    heads = new Array<Uint8Array | undefined>(n).fill(undefined);
    ids = new Array<Uint8Array | undefined>(n).fill(undefined);
    staticParents = new Array<Uint8Array | undefined>(n).fill(undefined);
  }
  o.bytes(ACTORS);
  writeSide(o, s, s.actors, true);
  o.bytes(REGIONS);
  writeSide(o, s, s.regions, false);
  o.ascii(']');
}

function writeSide(o: JsonBytes, s: Scored, side: Side, actorSide: boolean): void {
  const entries = s.g.entries;
  for (let r = 0; r < side.count; r++) {
    const i = side.rankEntry[r]!;
    const ie = entries[i]!;
    if (r) o.ascii(',');
    o.bytes(heads[i] ?? headOf(ie));
    o.number(side.rankScore[r]!);
    o.bytes(side.rankSalient[r] === 1 ? SALIENT : PASSING);
    let n = 0;
    for (let k = side.mHead[i]!; k >= 0; k = side.mNext[k]!) writeMention(o, s, k, n++ > 0);
    o.ascii(']');
    // Parents: an entry's own list is encoded once; an office holder's depends on the date.
    const kind = ie.entry.kind;
    if (kind === 'person') {
      const p = parentsOf(s, side, ie, actorSide);
      if (p.length) {
        o.ascii(',"parents":[');
        for (let q = 0; q < p.length; q++) {
          if (q) o.ascii(',');
          o.string(p[q]!);
        }
        o.ascii(']');
      }
    } else if (!(actorSide && kind === 'country') && ie.entry.parents.length) {
      o.bytes((staticParents[i] ??= Buffer.from(`,"parents":${JSON.stringify(ie.entry.parents)}`, 'utf8')));
    }
    if (side.vHead[i]! >= 0) {
      o.bytes(VIA);
      let first = true;
      for (let v = side.vHead[i]!; v >= 0; v = side.vNext[v]!) {
        if (!first) o.ascii(',');
        first = false;
        const id = ids[side.vChild[v]!] ?? idOf(entries[side.vChild[v]!]!);
        o.room(id.length);
        o.pos = put(o.buf, o.pos, id);
      }
      o.ascii(']');
    }
    o.ascii('}');
  }
}

/** Writes one mention of match `k`: its text read from the source in place (no string is made). */
function writeMention(o: JsonBytes, s: Scored, k: number, next: boolean): void {
  const f = s.found[k]!;
  const src = s.src[f.field];
  const at = o.pos;
  o.room(f.end - f.start + 48);
  const b = o.buf;
  let p = put(b, at, next ? MENTION_NEXT : MENTION_OPEN);
  let c = 0;
  let q = f.start;
  for (; q < f.end; q++) {
    c = src.charCodeAt(q);
    if (c < 0x20 || c === 34 || c === 92 || c >= 128) break;
    b[p++] = c;
  }
  if (q === f.end) {
    p = putInt(b, put(b, p, START), f.start);
    o.pos = putInt(b, put(b, p, END), f.end);
  } else {
    // Anything but printable ASCII: JSON.stringify's escapes and UTF-8, the general way.
    o.pos = at;
    o.ascii(next ? ',{"text":' : '{"text":');
    o.string(src.slice(f.start, f.end));
    o.ascii(',"start":');
    o.number(f.start);
    o.ascii(',"end":');
    o.number(f.end);
  }
  o.ascii(f.field === 'title' ? ',"field":"title"}' : '}');
}
