// Malformed and oddly encoded feeds the team never wrote by hand: seeded random mutations of valid
// feeds (cut, garbled, mislabelled, re-encoded, entity-stuffed). readFeed must never throw, and each
// result is either articles or one line in words.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readFeed } from '../../../shared/feeds';
import { mulberry32 } from '../../../bench/harness';


const BASES = [
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Новини</title><item><title>НАТО &amp; Україна</title><link>https://ua.example/1?utm_source=x</link><pubDate>Thu, 17 Feb 2022 14:05:00 GMT</pubDate><description><![CDATA[<p>Київ, <b>Донецьк</b></p><script>x()</script>]]></description></item><item><title>Чорне море</title><guid>urn:2</guid></item></channel></rss>`,
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><entry><title type="html">&lt;b&gt;Tbilisi&lt;/b&gt; talks</title><link href="/e/1"/><id>tag:x,2024:1</id><updated>2024-01-01T00:00:00Z</updated><summary>Abkhazia and South Ossetia</summary></entry></feed>`,
  `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel><item rdf:about="https://r.example/1"><title>Crimea</title><link>https://r.example/1</link><dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2023-05-01</dc:date></item></rdf:RDF>`,
];
const CHARSETS = ['utf-8', 'windows-1251', 'koi8-r', 'iso-8859-1', 'utf-16le', 'shift_jis', 'gbk', 'big5'];
const JUNK = ['&nbsp;', '&', '<', '>', ']]>', '<![CDATA[', '<!--', '\u0000', '\uFFFD', '<!DOCTYPE x [<!ENTITY a "b">]>', '&a;', '<item>', '</channel>', '"', '\r\n', '&#xD800;', '&#99999999;'];

function mutate(rand: () => number): { body: Buffer; headers: Record<string, string> } {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  let text = pick(BASES);
  for (let k = 0, n = 1 + Math.floor(rand() * 4); k < n; k++) {
    const at = Math.floor(rand() * text.length);
    const op = Math.floor(rand() * 5);
    if (op === 0) text = text.slice(0, at); // truncated
    else if (op === 1) text = text.slice(0, at) + pick(JUNK) + text.slice(at); // junk inserted
    else if (op === 2) text = text.slice(0, at) + text.slice(at + Math.floor(rand() * 20)); // bytes lost
    else if (op === 3) text = text.slice(0, at) + text.slice(Math.floor(rand() * text.length)); // spliced
    else text = '\n \n' + text; // whitespace before the declaration
  }
  const actual = pick(CHARSETS);
  const claimed = rand() < 0.5 ? actual : pick(CHARSETS);
  let body = iconv.encode(text, actual);
  if (rand() < 0.1) body = Buffer.from(Array.from({ length: Math.floor(rand() * 300) }, () => Math.floor(rand() * 256)));
  const headers: Record<string, string> = { 'content-type': `application/rss+xml; charset=${claimed}` };
  return { body, headers };
}

describe('readFeed on mutated feeds', () => {
  it('never throws and always answers in articles or one line of words', async () => {
    const rand = mulberry32(20240301);
    const counts = { ok: 0, failed: 0, articles: 0 };
    for (let i = 0; i < 600; i++) {
      const { body, headers } = mutate(rand);
      const fetchImpl = (async () => new Response(new Uint8Array(body), { status: 200, headers })) as typeof fetch;
      const r = await readFeed({ url: 'http://127.0.0.1/feed', name: `case ${i}` }, undefined, { allowPrivateNetworks: true, fetchImpl });
      if (r.status === 'ok') {
        counts.ok++;
        counts.articles += r.articles.length;
        for (const a of r.articles) {
          expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
          expect(Number.isNaN(Date.parse(a.publishedAt))).toBe(false);
          expect(`${a.title} ${a.summary}`).not.toMatch(/<script|<\/?[a-z]+[^>]*>/i);
        }
      } else if (r.status === 'failed') {
        counts.failed++;
        expect(r.error).toMatch(/^\S.{8,}$/);
        expect(r.error).not.toMatch(/\n/);
        // A crash inside a parser would surface as a JavaScript message, not words about the feed.
        expect(r.error).not.toMatch(/Cannot read|undefined|is not a function/);
      } else throw new Error(`unexpected ${r.status}`);
    }
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(counts.ok).toBeGreaterThan(300);
    expect(counts.failed).toBeGreaterThan(50);
  });
});
