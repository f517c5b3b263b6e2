// JSON written straight into UTF-8 bytes, the same bytes as JSON.stringify (escapes, numbers), without
// making a string per article or encoding it again for the output stream. render.ts writes the tag
// lists of `tag --jsonl` with it; the golden-output test holds the result to JSON.stringify's bytes.

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
    // Scores have at most two decimals (score.ts rounds them): "4.5", "10.25" without String().
    const k = Math.round(x * 100);
    if (x > 0 && x < 1e7 && k / 100 === x) {
      this.room(12);
      const b = this.buf;
      let p = putInt(b, this.pos, Math.floor(k / 100));
      const frac = k % 100;
      b[p++] = 46;
      b[p++] = 48 + Math.floor(frac / 10);
      if (frac % 10) b[p++] = 48 + (frac % 10);
      this.pos = p;
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

/** Copies a short constant into `b` at `p` (a loop beats a native copy for a dozen bytes). */
export function put(b: Buffer, p: number, src: Uint8Array): number {
  for (let i = 0; i < src.length; i++) b[p++] = src[i]!;
  return p;
}
/** Writes a non-negative integer below 1e9 at `p`; returns the new position. */
export function putInt(b: Buffer, p: number, x: number): number {
  // Offsets are mostly below 10,000: those take no loop.
  if (x < 10) {
    b[p] = 48 + x;
    return p + 1;
  }
  if (x < 100) {
    b[p] = 48 + ((x / 10) | 0);
    b[p + 1] = 48 + (x % 10);
    return p + 2;
  }
  if (x < 1000) {
    b[p] = 48 + ((x / 100) | 0);
    b[p + 1] = 48 + (((x / 10) | 0) % 10);
    b[p + 2] = 48 + (x % 10);
    return p + 3;
  }
  if (x < 10000) {
    b[p] = 48 + ((x / 1000) | 0);
    b[p + 1] = 48 + (((x / 100) | 0) % 10);
    b[p + 2] = 48 + (((x / 10) | 0) % 10);
    b[p + 3] = 48 + (x % 10);
    return p + 4;
  }
  let digits = 1;
  for (let t = x; t >= 10; t = (t / 10) | 0) digits++;
  const end = p + digits;
  for (let q = end, t = x; q > p; t = (t / 10) | 0) b[--q] = 48 + (t % 10);
  return end;
}
