// The Lambda bundles replace xmlbuilder with shared/feeds/no-xml-builder.ts (an esbuild alias), which
// is safe only while feed parsing never reaches xml2js's Builder. rss-parser builds XML from an
// object-valued content, summary or description; builders.ts must hand it text instead. These tests
// run in Node with the real xmlbuilder and a spy on the Builder rss-parser itself requires.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Parser from 'rss-parser';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { readFeed } from '../../../shared/feeds';
import { parseFeedXml } from '../../../shared/feeds/parse';
import { create, XmlBuilderLeftOutError } from '../../../shared/feeds/no-xml-builder';

// The xml2js instance rss-parser's utils.js loads (not whichever copy the test might resolve).
const rssParserRequire = createRequire(createRequire(import.meta.url).resolve('rss-parser'));
const xml2js = rssParserRequire('xml2js') as { Builder: { prototype: { buildObject(o: unknown): string } } };

const ROOT = path.resolve(__dirname, '../../../../shared/fixtures/feeds');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return /^(LICENSE|README|MANIFEST)/.test(e.name) ? [] : [p];
  });
}

let buildObject: MockInstance<(o: unknown) => string>;
beforeEach(() => {
  buildObject = vi.spyOn(xml2js.Builder.prototype, 'buildObject');
});
afterEach(() => {
  buildObject.mockRestore();
});

describe('feed parsing without xml2js Builder', () => {
  it('is watched by a spy that sees rss-parser build XML from an element with attributes only', () => {
    // The path the bundles cut: rss-parser's own builder, handed an attribute-only <content>.
    const rss = new Parser() as unknown as { buildAtomFeed(o: unknown): { items: { content?: string }[] } };
    const built = rss.buildAtomFeed({ feed: { entry: [{ content: [{ $: { src: 'http://x.example/movie.mp4' } }] }] } });
    expect(built.items[0]!.content).toBe('<div src="http://x.example/movie.mp4"/>');
    expect(buildObject).toHaveBeenCalledTimes(1);
  });

  it('passes an Atom content or summary with attributes only as empty text', () => {
    const f = parseFeedXml(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>E</title><content src="http://x.example/movie.mp4"/><summary>Said</summary></entry>` +
        `<entry><title type="text"/><summary type="html"/></entry></feed>`,
    );
    expect(f.items[0]).toMatchObject({ content: '', summary: 'Said' });
    expect(f.items[1]).toMatchObject({ summary: '' });
    expect(buildObject).not.toHaveBeenCalled();
  });

  it('passes RSS and RDF descriptions with attributes only, or with markup, as text', () => {
    const rss = parseFeedXml(
      `<rss version="2.0"><channel><item><title>A</title><description type="html"/></item>` +
        `<item><title>B</title><description lang="en">Text <b>bold</b></description></item></channel></rss>`,
    );
    expect(rss.items.map((i) => i.content)).toEqual(['', 'Text <b>bold</b>']); // markup as HTML text (xml-prepare.ts)
    const rdf = parseFeedXml(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel>` +
        `<item rdf:about="http://x.example/1"><title>One</title><description rdf:parseType="Literal"/></item></rdf:RDF>`,
    );
    expect(rdf.items[0]).toMatchObject({ title: 'One', content: '' });
    expect(buildObject).not.toHaveBeenCalled();
  });

  it.skipIf(!fs.existsSync(ROOT))('is never needed for any fixture feed (needs ../shared/fixtures/feeds)', async () => {
    const files = walk(ROOT);
    for (const f of files) await readFeed({ url: pathToFileURL(f).href, name: path.basename(f) }, undefined, { allowPrivateNetworks: false });
    expect(files.length).toBeGreaterThan(1700);
    expect(buildObject).not.toHaveBeenCalled();
  });
});

describe("the bundles' stand-in for xmlbuilder", () => {
  it('throws an error that says what was left out and where to fix the caller', () => {
    expect(() => create()).toThrow(XmlBuilderLeftOutError);
    expect(() => create()).toThrow(/xmlbuilder is left out of the Lambda bundles .*builders\.ts must pass it as text/);
  });
});
