import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { gunzipIfMagic, readBody } from '../../../shared/feeds/body';

async function* chunks(...parts: Buffer[]) {
  for (const p of parts) yield p;
}
const limits = { maxBytes: 1000, maxDecodedBytes: 5000 };

describe('readBody', () => {
  it('reads a plain body', async () => {
    expect((await readBody(chunks(Buffer.from('<rss>'), Buffer.from('</rss>')), undefined, limits)).toString()).toBe('<rss></rss>');
  });
  it.each([
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ] as const)('undoes %s', async (enc, compress) => {
    const body = compress(Buffer.from('<rss>hello</rss>'));
    expect((await readBody(chunks(body), enc, limits)).toString()).toBe('<rss>hello</rss>');
  });
  it('stops at the wire cap', async () => {
    await expect(readBody(chunks(Buffer.alloc(600), Buffer.alloc(600)), undefined, limits)).rejects.toThrow('response larger than 1 KB (stopped reading)');
  });
  it('stops a decompression bomb at the decoded cap', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(10_000_000, 32));
    expect(bomb.length).toBeLessThan(limits.maxBytes * 20);
    await expect(readBody(chunks(bomb), 'gzip', { maxBytes: 1e6, maxDecodedBytes: 100_000 })).rejects.toThrow(/decompressed response larger than 98 KB/);
  });
  it('says so when a compressed body is corrupt', async () => {
    await expect(readBody(chunks(Buffer.from('garbage, not gzip')), 'gzip', limits)).rejects.toThrow(/could not decompress the gzip response/);
  });
  it('reads a plain feed that a server labelled gzip', async () => {
    expect((await readBody(chunks(Buffer.from('<?xml version="1.0"?><rss/>')), 'gzip', limits)).toString()).toBe('<?xml version="1.0"?><rss/>');
  });
  it('reads raw deflate as well as zlib-wrapped deflate', async () => {
    expect((await readBody(chunks(zlib.deflateRawSync(Buffer.from('<rss>raw</rss>'))), 'deflate', limits)).toString()).toBe('<rss>raw</rss>');
  });
});

describe('gunzipIfMagic', () => {
  it('undoes gzip on a body sent without Content-Encoding (a .xml.gz served as is)', () => {
    expect(gunzipIfMagic(zlib.gzipSync('<rss/>'), 1000).toString()).toBe('<rss/>');
    expect(gunzipIfMagic(Buffer.from('<rss/>'), 1000).toString()).toBe('<rss/>');
  });
  it('keeps the decoded cap', () => {
    expect(() => gunzipIfMagic(zlib.gzipSync(Buffer.alloc(100_000)), 1000)).toThrow('decompressed response larger than 1 KB (stopped reading)');
  });
  it('refuses an unknown encoding in words', async () => {
    await expect(readBody(chunks(Buffer.from('x')), 'compress', limits)).rejects.toThrow('unsupported content encoding "compress"');
  });
});
