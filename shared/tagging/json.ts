// JSON lines of tag lists written straight into bytes: the same bytes as JSON.stringify (field order,
// escapes, numbers) without making a string per article or encoding it again for the output stream.
// The fixed part of each tag (id, name, kind, country, wikidata) is encoded once per process; mention
// texts, offsets and scores are written byte by byte. `tag --jsonl` writes its output with it; the
// golden-output test holds it to JSON.stringify's bytes.
import type { Mention, Tag } from '../model';

/** A JSON string literal of `s`, as JSON.stringify writes it. */
export function jsonString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Control characters, quote, backslash and surrogates (a lone one is escaped) take the slow path.
    if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}

/** An output buffer of UTF-8 bytes; `take()` hands over what was written and starts a fresh buffer. */
export class JsonBytes {
  buf: Buffer;
  pos = 0;
  constructor(private readonly size = 1 << 20) {
    this.buf = Buffer.allocUnsafe(size);
  }
  /** Makes room for `n` more bytes (the buffer grows; it is handed over whole by take()). */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  /** The bytes written so far (no copy); later writes go to a new buffer. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.size);
    this.pos = 0;
    return out;
  }
  /** The text written so far, as a string; the buffer is then reused from the start. */
  takeString(): string {
    const out = this.buf.toString('utf8', 0, this.pos);
    this.pos = 0;
    return out;
  }
  /** Writes an ASCII string that needs no escaping (keys, punctuation). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }
  bytes(src: Uint8Array): void {
    const n = src.length;
    this.room(n);
    this.buf.set(src, this.pos); // one native copy (tag heads are 60–120 bytes)
    this.pos += n;
  }
  /** Writes a number as JSON does (non-negative integers digit by digit). */
  number(x: number): void {
    if (x >= 0 && x < 1e9 && (x | 0) === x) {
      this.room(10);
      const b = this.buf;
      if (x < 10) {
        b[this.pos++] = 48 + x;
        return;
      }
      let digits = 1;
      for (let t = x; t >= 10; t = (t / 10) | 0) digits++;
      let p = this.pos + digits;
      this.pos = p;
      for (let t = x; p > this.pos - digits; t = (t / 10) | 0) b[--p] = 48 + (t % 10);
      return;
    }
    this.ascii(Number.isFinite(x) ? String(x) : 'null');
  }
  /** Writes a JSON string literal of `s`. */
  string(s: string): void {
    const n = s.length;
    this.room(n + 2);
    const b = this.buf;
    let p = this.pos;
    b[p++] = 34;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 34 || c === 92 || c >= 128) {
        // Anything else than plain ASCII: JSON.stringify's escapes, encoded as UTF-8.
        const lit = JSON.stringify(s);
        this.room(Buffer.byteLength(lit));
        this.pos += this.buf.write(lit, this.pos, 'utf8');
        return;
      }
      b[p++] = c;
    }
    b[p++] = 34;
    this.pos = p;
  }
}

interface Head { tag: Pick<Tag, 'name' | 'kind' | 'country' | 'wikidata'>; bytes: Uint8Array }
/** The encoded fixed fields of each tag id seen, reused while the tag's fields are the same strings. */
const heads = new Map<string, Head>();

function head(t: Tag): Uint8Array {
  const h = heads.get(t.id);
  if (h && h.tag.name === t.name && h.tag.kind === t.kind && h.tag.country === t.country && h.tag.wikidata === t.wikidata) return h.bytes;
  let json = `{"id":${jsonString(t.id)},"name":${jsonString(t.name)},"kind":${jsonString(t.kind)}`;
  if (t.country !== undefined) json += `,"country":${jsonString(t.country)}`;
  if (t.wikidata !== undefined) json += `,"wikidata":${jsonString(t.wikidata)}`;
  json += ',"score":';
  const bytes = Buffer.from(json, 'utf8');
  heads.set(t.id, { tag: { name: t.name, kind: t.kind, country: t.country, wikidata: t.wikidata }, bytes });
  return bytes;
}

const MENTION_OPEN = ascii('{"text":"');
const MENTION_NEXT = ascii(',{"text":"');
const START = ascii('","start":');
const END = ascii(',"end":');

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** Copies a short constant into `b` at `p` (a loop beats a native copy for a dozen bytes). */
function put(b: Buffer, p: number, src: Uint8Array): number {
  for (let i = 0; i < src.length; i++) b[p++] = src[i]!;
  return p;
}

/** Writes a non-negative integer below 1e9 at `p`; returns the new position. */
function putInt(b: Buffer, p: number, x: number): number {
  let digits = 1;
  for (let t = x; t >= 10; t = (t / 10) | 0) digits++;
  const end = p + digits;
  for (let q = end, t = x; q > p; t = (t / 10) | 0) b[--q] = 48 + (t % 10);
  return end;
}

/** True when `s` can be written between quotes as it is (printable ASCII without quote or backslash). */
function plain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 34 || c === 92 || c >= 128) return false;
  }
  return true;
}

function writeMentions(o: JsonBytes, ms: Mention[]): void {
  o.ascii('[');
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    const t = m.text;
    const small = m.start >= 0 && m.end < 1e9 && (m.start | 0) === m.start && (m.end | 0) === m.end;
    if (small && plain(t)) {
      // The common case in one reservation: {"text":"…","start":N,"end":N
      o.room(t.length + 48);
      const b = o.buf;
      let p = put(b, o.pos, i ? MENTION_NEXT : MENTION_OPEN);
      for (let k = 0; k < t.length; k++) b[p++] = t.charCodeAt(k);
      p = put(b, p, START);
      p = putInt(b, p, m.start);
      p = put(b, p, END);
      o.pos = putInt(b, p, m.end);
    } else {
      o.ascii(i ? ',{"text":' : '{"text":');
      o.string(t);
      o.ascii(',"start":');
      o.number(m.start);
      o.ascii(',"end":');
      o.number(m.end);
    }
    if (m.field === undefined) o.ascii('}');
    else {
      o.ascii(',"field":');
      o.string(m.field);
      o.ascii('}');
    }
  }
  o.ascii(']');
}

function writeIds(o: JsonBytes, ids: string[]): void {
  o.ascii('[');
  for (let i = 0; i < ids.length; i++) {
    if (i) o.ascii(',');
    o.string(ids[i]!);
  }
  o.ascii(']');
}

/** Writes a tag list as JSON, byte for byte what JSON.stringify(tags) gives for tagText's tags. */
export function writeTags(o: JsonBytes, tags: Tag[]): void {
  o.ascii('[');
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (i) o.ascii(',');
    o.bytes(head(t));
    o.number(t.score);
    o.ascii(t.salient ? ',"salient":true,"mentions":' : ',"salient":false,"mentions":');
    writeMentions(o, t.mentions);
    if (t.parents !== undefined) {
      o.ascii(',"parents":');
      writeIds(o, t.parents);
    }
    if (t.via !== undefined) {
      o.ascii(',"via":');
      writeIds(o, t.via);
    }
    o.ascii('}');
  }
  o.ascii(']');
}
