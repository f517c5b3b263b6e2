// Every fixture feed (rss-parser's test inputs and Python feedparser's well-formed cases) either
// yields articles or fails with a clear message; rss-parser's own expected outputs are matched.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, readFeed } from '../../../shared/feeds';
import { htmlToText } from '../../../shared/feeds/html-text';

const ROOT = path.resolve(__dirname, '../../../../shared/fixtures/feeds');
const INPUT = path.join(ROOT, 'rss-parser/input');
const EXPECTED = path.join(ROOT, 'rss-parser/expected');
/** rss-parser read these Latin-1 files as UTF-8, so its expected titles hold replacement characters. */
const GARBLED_IN_EXPECTED = new Set(['encoding', 'uolNoticias']);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return /^(LICENSE|README|MANIFEST)/.test(e.name) ? [] : [p];
  });
}

/** The text of a Python string literal's body (its \uXXXX, \xXX, \n… escapes decoded). */
function pythonString(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)/g, (_m, e: string) =>
    e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e,
  );
}

const read = (file: string) => readFeed({ url: pathToFileURL(file).href, name: path.basename(file) }, undefined, { allowPrivateNetworks: false });

describe.skipIf(!fs.existsSync(ROOT))('fixture feeds (needs ../shared/fixtures/feeds)', () => {
  it('reads every fixture or fails it in words, and never throws', async () => {
    const files = [...walk(INPUT), ...walk(path.join(ROOT, 'feedparser-wellformed'))];
    let ok = 0;
    let items = 0;
    const failures: string[] = [];
    for (const f of files) {
      const r = await read(f);
      if (r.status === 'ok') {
        ok++;
        items += r.articles.length;
      } else if (r.status === 'failed') {
        expect(r.error.length).toBeGreaterThan(10);
        expect(r.error).not.toMatch(/\n|^\s*at /);
        failures.push(`${path.relative(ROOT, f)}: ${r.error}`);
      } else throw new Error(`unexpected ${r.status} for ${f}`);
    }
    console.info(`fixtures: ${files.length} files, ${ok} read, ${items} articles; failed: ${failures.join('; ')}`);
    expect(files.length).toBeGreaterThan(1700);
    // The one failure is rss-parser's unrecognized.rss, an HTML page on purpose.
    expect(failures).toEqual(['rss-parser/input/unrecognized.rss: not a feed: got an HTML page ("Document Moved")']);
    expect(items).toBeGreaterThan(1700);
  });

  const expectedFiles = fs.existsSync(EXPECTED) ? fs.readdirSync(EXPECTED).filter((f) => f.endsWith('.json')) : [];
  it.each(expectedFiles)('matches rss-parser on %s', async (file) => {
    const stem = file.replace(/\.json$/, '');
    const input = fs.readdirSync(INPUT).find((f) => f.replace(/\.[^.]+$/, '') === stem);
    expect(input, `input for ${stem}`).toBeDefined();
    const expected = JSON.parse(fs.readFileSync(path.join(EXPECTED, file), 'utf8')) as { feed: { items: { title?: string; link?: string }[] } };
    const r = await read(path.join(INPUT, input!));
    if (r.status !== 'ok') throw new Error(`${stem}: ${r.status}`);
    const withLink = expected.feed.items.filter((i) => typeof i.link === 'string' && /^https?:/.test(i.link));
    for (const item of withLink) {
      const mine = r.articles.find((a) => a.url === canonicalUrl(item.link!));
      expect(mine, `${stem}: ${item.link}`).toBeDefined();
      if (typeof item.title === 'string' && !GARBLED_IN_EXPECTED.has(stem)) expect(mine!.title).toBe(htmlToText(item.title, 500));
    }
    // Items without a link are kept too (id from GUID or title); only items with nothing at all are dropped.
    expect(r.articles.length).toBeGreaterThanOrEqual(new Set(withLink.map((i) => canonicalUrl(i.link!))).size);
  });

  it("agrees with feedparser's Expect lines on the first entry's title, text and link", async () => {
    // Known, deliberate differences: we prefer an Atom entry's full <content> to its <summary>;
    // relative links need an http(s) document URL, and these tests read from file:. (Text around an
    // inline element such as <blink> keeps its order: xml-prepare.ts reads such markup as HTML text.)
    const known = new Set([
      'atom10/entry_content_and_summary.xml',
      'base/http_item_link_base_content_location.xml',
      'base/http_item_link_base_docuri.xml',
    ]);
    const dir = path.join(ROOT, 'feedparser-wellformed');
    let compared = 0;
    const disagree: string[] = [];
    for (const file of walk(dir).filter((f) => f.endsWith('.xml'))) {
      const expect1 = /Expect:\s*(?:not bozo and )?entries\[0\]\['(title|description|summary|link)'\] == u?(['"])((?:\\.|(?!\2).)*)\2\s*$/m.exec(fs.readFileSync(file, 'latin1'));
      if (!expect1) continue;
      const [, field, , literal] = expect1;
      const value = pythonString(literal!);
      const want = field === 'link' ? canonicalUrl(value) : htmlToText(value, field === 'title' ? 500 : 10_000);
      if ((field === 'link' && !/^https?:/.test(value)) || (field === 'title' && !want)) continue;
      const r = await read(file);
      const first = r.status === 'ok' ? r.articles[0] : undefined;
      const got = field === 'link' ? first?.url : field === 'title' ? first?.title : (first?.summary ?? '');
      compared++;
      const name = path.relative(dir, file);
      if (got !== want && !known.has(name)) disagree.push(`${name}: ${field} ${JSON.stringify(got)} instead of ${JSON.stringify(want)}`);
    }
    console.info(`feedparser Expect lines compared: ${compared}, known differences: ${known.size}`);
    expect(compared).toBeGreaterThan(600);
    expect(disagree).toEqual([]);
  });

  it('decodes the Latin-1 fixtures that rss-parser garbles', async () => {
    const r = await read(path.join(INPUT, 'uolNoticias.rss'));
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.articles[0]!.title).toBe('Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno');
    const enc = await read(path.join(INPUT, 'encoding.rss'));
    if (enc.status !== 'ok') throw new Error(enc.status);
    expect(enc.articles.map((a) => a.title).join(' ')).not.toContain('\uFFFD');
  });
});
