// Reads a response body with two caps: bytes on the wire and bytes after decompression. Reading stops
// as soon as either is passed, so a 200 MB body or a 1 GB gzip bomb costs at most the cap in memory.
import { Readable, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { FeedError } from './errors';

export interface BodyLimits {
  maxBytes: number;
  maxDecodedBytes: number;
  /** Called for every chunk that arrives (resets the idle timer). */
  onChunk?: () => void;
}

/** The whole body, decompressed per `contentEncoding` (gzip, deflate, br, identity). */
export async function readBody(body: AsyncIterable<Uint8Array>, contentEncoding: string | undefined, limits: BodyLimits): Promise<Buffer> {
  const wire = capped(body, limits.maxBytes, 'response', limits.onChunk);
  const codings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'identity');
  if (codings.length === 0) return collect(wire, limits.maxDecodedBytes);
  if (codings.length > 1) throw new FeedError('encoding', `unsupported layered content encoding "${contentEncoding}"`);
  // Servers do label plain bodies "gzip" (a proxy already undid it, or a misconfiguration): the
  // first bytes tell, so look at them before choosing the decompressor.
  const first = await wire.next();
  if (first.done) return Buffer.alloc(0);
  const head = first.value;
  const rest = (async function* () {
    yield head;
    yield* wire;
  })();
  const z = decompressor(codings[0]!, head);
  if (!z) return collect(rest, limits.maxDecodedBytes);
  const out = pipeline(Readable.from(rest), z, () => {});
  try {
    return await collect(capped(out, limits.maxDecodedBytes, 'decompressed response'), Infinity);
  } catch (err) {
    if (err instanceof FeedError) throw err;
    throw new FeedError('encoding', `could not decompress the ${codings[0]} response: ${(err as Error).message}`, { cause: err });
  } finally {
    out.destroy();
  }
}

/** The stream that undoes `coding` for a body starting with `head`; undefined when it is not encoded after all. */
function decompressor(coding: string, head: Buffer): zlib.Unzip | zlib.InflateRaw | zlib.BrotliDecompress | undefined {
  const gzipMagic = head[0] === 0x1f && head[1] === 0x8b;
  const zlibHeader = head.length > 1 && (head[0]! & 0x0f) === 8 && ((head[0]! << 8) | head[1]!) % 31 === 0;
  if (coding === 'gzip' || coding === 'x-gzip') return gzipMagic ? zlib.createUnzip() : looksLikeText(head) ? undefined : zlib.createUnzip();
  // "deflate" is zlib-wrapped by the standard but raw in some servers.
  if (coding === 'deflate') return gzipMagic || zlibHeader ? zlib.createUnzip() : looksLikeText(head) ? undefined : zlib.createInflateRaw();
  if (coding === 'br') return looksLikeText(head) ? undefined : zlib.createBrotliDecompress();
  throw new FeedError('encoding', `unsupported content encoding "${coding}"`);
}

/** A body that starts like a feed document (after a BOM or whitespace) was not compressed. */
function looksLikeText(head: Buffer): boolean {
  return /^\s*<(\?xml|rss|feed|rdf:RDF|!--)/i.test(head.subarray(0, 64).toString('latin1').replace(/^\xEF\xBB\xBF/, ''));
}

/** Undoes gzip on a body that was sent gzipped without saying so (a .xml.gz served as is). */
export function gunzipIfMagic(bytes: Buffer, maxDecodedBytes: number): Buffer {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: maxDecodedBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new FeedError('too-large', `decompressed response larger than ${mb(maxDecodedBytes)} (stopped reading)`, { cause: err });
    throw new FeedError('encoding', `the body looks gzipped but cannot be decompressed: ${(err as Error).message}`, { cause: err });
  }
}

async function* capped(src: AsyncIterable<Uint8Array>, max: number, what: string, onChunk?: () => void): AsyncGenerator<Buffer> {
  let n = 0;
  for await (const chunk of src) {
    n += chunk.length;
    if (n > max) throw new FeedError('too-large', `${what} larger than ${mb(max)} (stopped reading)`);
    onChunk?.();
    yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

async function collect(src: AsyncIterable<Buffer>, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const c of src) {
    n += c.length;
    if (n > max) throw new FeedError('too-large', `response larger than ${mb(max)} (stopped reading)`);
    parts.push(c);
  }
  return Buffer.concat(parts, n);
}

/** "5 MB" for a byte count. */
export function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
