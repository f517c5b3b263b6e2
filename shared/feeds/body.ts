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
  const z = decompressor(codings[0]!);
  const out = pipeline(Readable.from(wire), z, () => {});
  try {
    return await collect(capped(out, limits.maxDecodedBytes, 'decompressed response'), Infinity);
  } catch (err) {
    if (err instanceof FeedError) throw err;
    throw new FeedError('encoding', `could not decompress the ${codings[0]} response: ${(err as Error).message}`, { cause: err });
  } finally {
    out.destroy();
  }
}

function decompressor(coding: string): zlib.Gunzip | zlib.Unzip | zlib.BrotliDecompress {
  // Unzip reads both gzip and zlib-wrapped deflate, which servers label inconsistently.
  if (coding === 'gzip' || coding === 'x-gzip' || coding === 'deflate') return zlib.createUnzip();
  if (coding === 'br') return zlib.createBrotliDecompress();
  throw new FeedError('encoding', `unsupported content encoding "${coding}"`);
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
