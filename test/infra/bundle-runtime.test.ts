// The bundles replace packages (BUNDLE_SETTINGS.alias: xmlbuilder by a stand-in, entities by its
// decoders), which the unbundled tests never see. This bundles the feed reader with the deployed
// settings and checks that it reads feeds exactly as the source does: RSS with HTML entities in its
// text, Atom with XHTML content and a content element that has only attributes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../infra/constructs/bundling';
import { projectRoot } from '../../infra/constructs/news-function';
import { readFeed } from '../../shared/feeds';

type ReadFeed = typeof readFeed;
const outdir = path.join(projectRoot, 'node_modules/.cache/news-monitor-feed-bundle', String(process.pid));
const feedsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-bundle-feeds-'));
let bundled: ReadFeed;

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire &amp; Co</title><link>https://example.org/</link>
<item><title>Kyiv &ndash; talks &quot;resume&quot;</title><link>https://example.org/a</link><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>
<description>&lt;p&gt;NATO&amp;nbsp;and Ukraine&lt;/p&gt; &eacute;lan &#8212; Donetsk</description></item></channel></rss>`;
const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Black Sea</title><id>urn:x</id><updated>2026-03-03T10:00:00Z</updated>
<entry><title type="html">Crimea &amp;amp; Sevastopol</title><id>urn:1</id><link href="https://example.org/1"/><updated>2026-03-03T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Russian <b>warships</b> near Odesa</p></div></content></entry>
<entry><title>Only a link</title><id>urn:2</id><link href="https://example.org/2"/><updated>2026-03-03T11:00:00Z</updated>
<summary>Kerch Strait traffic</summary><content src="https://example.org/2.html" type="text/html"/></entry></feed>`;

beforeAll(async () => {
  const entry = path.join(outdir, 'entry.ts');
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(entry, `export { readFeed } from ${JSON.stringify(path.join(projectRoot, 'shared/feeds/index.ts'))};\n`);
  await esbuild.build({
    ...esbuildOptions(),
    absWorkingDir: projectRoot,
    entryPoints: [entry],
    outfile: path.join(outdir, 'feeds.mjs'),
    logLevel: 'silent',
  });
  bundled = ((await import(pathToFileURL(path.join(outdir, 'feeds.mjs')).href)) as { readFeed: ReadFeed }).readFeed;
  fs.writeFileSync(path.join(feedsDir, 'wire.xml'), RSS);
  fs.writeFileSync(path.join(feedsDir, 'black-sea.atom'), ATOM);
}, 60_000);
afterAll(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(feedsDir, { recursive: true, force: true });
});

const files = () => [
  ...fs.readdirSync(path.join(projectRoot, 'examples/feeds')).map((f) => path.join(projectRoot, 'examples/feeds', f)),
  path.join(feedsDir, 'wire.xml'),
  path.join(feedsDir, 'black-sea.atom'),
];

describe('the feed reader as bundled for Lambda', () => {
  it('reads every feed exactly as the source does', async () => {
    const now = new Date('2026-03-04T00:00:00Z');
    for (const file of files()) {
      const feed = { url: pathToFileURL(file).href, name: path.basename(file) };
      const opts = { allowPrivateNetworks: true, now };
      const [want, got] = [await readFeed(feed, undefined, opts), await bundled(feed, undefined, opts)];
      expect(want.status, file).toBe('ok');
      expect(got, file).toEqual(want);
    }
  });
  it('decodes entities and keeps XHTML content as text', async () => {
    const now = new Date('2026-03-04T00:00:00Z');
    const rss = await bundled({ url: pathToFileURL(path.join(feedsDir, 'wire.xml')).href, name: 'wire' }, undefined, { allowPrivateNetworks: true, now });
    const atom = await bundled({ url: pathToFileURL(path.join(feedsDir, 'black-sea.atom')).href, name: 'black-sea' }, undefined, { allowPrivateNetworks: true, now });
    if (rss.status !== 'ok' || atom.status !== 'ok') throw new Error('feeds not read');
    expect(rss.articles[0]!.title).toBe('Kyiv – talks "resume"');
    expect(rss.articles[0]!.summary).toContain('élan — Donetsk');
    expect(atom.articles.map((a) => a.summary)).toEqual([expect.stringContaining('Russian warships near Odesa'), expect.stringContaining('Kerch Strait traffic')]);
  });
});
