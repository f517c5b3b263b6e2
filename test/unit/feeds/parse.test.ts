import { describe, expect, it } from 'vitest';
import { parseFeed, parseFeedXml } from '../../../shared/feeds/parse';
import { FeedError } from '../../../shared/feeds/errors';

const rss = (items: string, attrs = 'version="2.0"') => `<?xml version="1.0"?><rss ${attrs}><channel><title>T</title>${items}</channel></rss>`;

function errorOf(fn: () => unknown): FeedError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return err as FeedError;
  }
  throw new Error('expected a FeedError');
}

describe('parseFeedXml', () => {
  it('reads RSS 2.0 items', () => {
    const f = parseFeedXml(rss('<item><title>A</title><link>http://x.example/a</link><pubDate>Thu, 17 Feb 2022 14:05:00 GMT</pubDate></item>'));
    expect(f.format).toBe('rss');
    expect(f.items).toHaveLength(1);
    expect(f.items[0]).toMatchObject({ title: 'A', link: 'http://x.example/a', rawDate: 'Thu, 17 Feb 2022 14:05:00 GMT' });
  });
  it('reads RSS without a version, and RSS 0.91 without a channel, as feeds', () => {
    expect(parseFeedXml('<rss><channel><item><title>A</title></item></channel></rss>').items).toHaveLength(1);
    expect(parseFeedXml('<rss version="0.91"></rss>').items).toHaveLength(0);
  });
  it('reads RSS 1.0 (RDF), also with a prefixed RSS namespace', () => {
    const plain = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel><item rdf:about="http://x.example/1"><title>One</title><link>http://x.example/1</link></item></rdf:RDF>`;
    const prefixed = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/"><rss:channel><rss:title>T</rss:title></rss:channel><rss:item><rss:title>Two</rss:title></rss:item></rdf:RDF>`;
    expect(parseFeedXml(plain).items[0]).toMatchObject({ title: 'One', link: 'http://x.example/1' });
    expect(parseFeedXml(prefixed).items[0]).toMatchObject({ title: 'Two' });
  });
  it('reads Atom 1.0 and Atom 0.3 entries with their dates', () => {
    const a10 = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>E</title><link href="http://x.example/e"/><id>urn:1</id><updated>2022-02-17T14:05:00Z</updated></entry></feed>`;
    const a03 = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>Old</title><issued>2004-01-01T00:00:00Z</issued></entry></feed>`;
    expect(parseFeedXml(a10).items[0]).toMatchObject({ title: 'E', link: 'http://x.example/e', id: 'urn:1', rawDate: '2022-02-17T14:05:00Z' });
    expect(parseFeedXml(a03).items[0]).toMatchObject({ title: 'Old', rawDate: '2004-01-01T00:00:00Z' });
  });
  it('does not crash on an Atom entry with an unreadable date', () => {
    const f = parseFeedXml(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>E</title><published>not a date</published></entry></feed>`);
    expect(f.items[0]).toMatchObject({ title: 'E', rawDate: 'not a date' });
  });
  it('reads CDF channels', () => {
    const f = parseFeedXml('<CHANNEL><ITEM HREF="http://x.example/c" LASTMOD="2004-01-01T00:00"><TITLE>C</TITLE><ABSTRACT>About</ABSTRACT></ITEM></CHANNEL>');
    expect(f.items[0]).toMatchObject({ title: 'C', link: 'http://x.example/c', content: 'About' });
  });
  it('accepts whitespace and blank lines before the XML declaration', () => {
    expect(parseFeedXml(`\n\n   ${rss('<item><title>A</title></item>')}`).items).toHaveLength(1);
  });
  it('repairs HTML entities and bare ampersands, then says so', () => {
    const f = parseFeedXml(rss('<item><title>AT&T&nbsp;says &eacute;t&eacute; &copy; &unknownthing;</title></item>'));
    expect(f.items[0]!.title).toBe('AT&T\u00a0says été © &unknownthing;');
    expect(f.warnings.join(' ')).toMatch(/read leniently/);
  });
  it('leaves CDATA untouched by the repairs', () => {
    const f = parseFeedXml(rss('<item><title>A & B</title><description><![CDATA[<p>x &amp; y</p>]]></description></item>'));
    expect(f.items[0]!.content).toBe('<p>x &amp; y</p>');
  });
  it('expands simple entities declared in the DOCTYPE', () => {
    const f = parseFeedXml(`<!DOCTYPE rss [ <!ENTITY id "tag:example.com,"> ]><rss version="2.0"><channel><item><guid isPermaLink="false">&id;2006</guid></item></channel></rss>`);
    expect(f.items[0]!.guid).toBe('tag:example.com,2006');
  });
  it('refuses nested entity declarations (billion laughs)', () => {
    let dtd = '<!ENTITY lol0 "lol">';
    for (let i = 1; i < 10; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    const e = errorOf(() => parseFeedXml(`<?xml version="1.0"?><!DOCTYPE rss [${dtd}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`));
    expect(e.kind).toBe('unsafe-xml');
    expect(e.message).toMatch(/entity-expansion attack/);
  });
  it('never fetches external entities', () => {
    const f = parseFeedXml(`<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]><rss version="2.0"><channel><item><title>x&xxe;</title></item></channel></rss>`);
    expect(String(f.items[0]!.title)).not.toContain('root:');
  });
  it('says "got an HTML page" for HTML', () => {
    expect(errorOf(() => parseFeedXml('<!doctype html><html><head><title>Home</title></head></html>')).message).toBe('not a feed: got an HTML page ("Home")');
    expect(errorOf(() => parseFeedXml('<head><title>Moved</title></head><body></body>')).message).toMatch(/^not a feed: got an HTML page/);
  });
  it('reads JSON Feed', () => {
    const doc = { version: 'https://jsonfeed.org/version/1.1', title: 'J', home_page_url: 'https://j.example/', items: [{ id: '1', url: 'https://j.example/1', title: 'Kyiv', content_html: '<p>Text</p>', date_published: '2024-03-01T10:00:00Z' }] };
    const f = parseFeed(JSON.stringify(doc));
    expect(f.format).toBe('json');
    expect(f.items[0]).toMatchObject({ id: '1', link: 'https://j.example/1', title: 'Kyiv', content: '<p>Text</p>', rawDate: '2024-03-01T10:00:00Z' });
  });
  it('says JSON that is not a JSON Feed is not a feed', () => {
    expect(errorOf(() => parseFeed('{"items":[]}')).message).toBe('not a feed: the response is JSON but not a JSON Feed (no jsonfeed.org version and items)');
    expect(errorOf(() => parseFeed('{"items":')).message).toMatch(/^not a feed: the response is neither XML nor valid JSON/);
  });
  it('says what it got for JSON, text and an empty body', () => {
    expect(errorOf(() => parseFeedXml('{"items":[]}')).message).toBe('not a feed: the response is not XML (it looks like JSON)');
    expect(errorOf(() => parseFeedXml('Service unavailable')).message).toMatch(/not XML \(it starts with "Service unavailable"\)/);
    expect(errorOf(() => parseFeedXml('  \n ')).message).toBe('not a feed: the response is empty');
  });
  it('names an unknown root element', () => {
    expect(errorOf(() => parseFeedXml('<opml><body/></opml>')).message).toBe('not a feed: the root element is <opml>, not <rss>, <feed> or <rdf:RDF>');
  });
  it('reads stray HTML between the elements of an item in forgiving mode, and says so', () => {
    const f = parseFeedXml(rss('<item><title>A</title><br><link>http://x.example/a</link></item><item><title>B</title></item>'));
    expect(f.items.map((i) => i.title)).toEqual(['A', 'B']);
    expect(f.warnings).toContain('broken XML read in forgiving mode');
  });
  it('keeps HTML inside a title, summary or content as HTML text, in document order, even unclosed', () => {
    const f = parseFeedXml(rss('<item><title>A<br></title><description>Russian <b>warships</b> near <i>Odesa</i></description></item>'));
    expect(f.items[0]).toMatchObject({ title: 'A<br>', content: 'Russian <b>warships</b> near <i>Odesa</i>' });
    expect(f.warnings).toEqual([]);
    const a = parseFeedXml(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>E</title><id>urn:1</id>' +
        '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Talks in <b>Geneva</b> ended</p></div></content></entry></feed>',
    );
    expect(String(a.items[0]!.content)).toMatch(/<p>Talks in <b>Geneva<\/b> ended<\/p>/);
  });
  it('reads a cut-off document up to its last complete item', () => {
    const f = parseFeedXml('<rss version="2.0"><channel><title>T</title><item><title>A</title></item><item><title>B</title></item><item><title>Half a tit');
    expect(f.items.map((i) => i.title)).toEqual(['A', 'B']);
    expect(f.warnings.join(' ')).toMatch(/cut off: read up to its last complete item/);
  });
  it('reports XML it cannot recover with the line of the strict error', () => {
    const e = errorOf(() => parseFeedXml('<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<item><title>A</title></item>\n<item><title attr="unterminated>B</title></item>\n</channel>\n</rss>'));
    expect(e.kind).toBe('xml');
    expect(e.message).toMatch(/^XML error at line 7, column \d+: unclosed root tag$/);
  });
  it('reports a document that ends inside its root tag', () => {
    expect(errorOf(() => parseFeedXml('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns=')).message).toMatch(/^(XML error|not a feed)/);
  });
});
