// Inputs built to make text processing slow: thousands of unclosed openers (CDATA, comments, tags,
// scripts), entity storms. Every stage must stay linear, so each document is handled in well under
// a second even on a loaded machine, where a quadratic scan would take tens of seconds.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../shared/feeds/parse';
import { htmlToText } from '../../../shared/feeds/html-text';

const N = 50_000;
const rss = (inner: string) => `<rss version="2.0"><channel>${inner}</channel></rss>`;

describe('adversarial documents', () => {
  it.each([
    ['unclosed CDATA openers', rss(`<title>${'<![CDATA['.repeat(N)}</title>`)],
    ['unclosed comments before the root', `${'<!--'.repeat(N)}${rss('')}`],
    ['unclosed comments inside', rss('<!--'.repeat(N))],
    ['processing-instruction openers', `${'<?x'.repeat(N)}${rss('')}`],
    ['tag openers without ">"', rss('<a '.repeat(N))],
    ['unclosed items', `<rss version="2.0"><channel>${'<item>'.repeat(N)}`],
    ['bare ampersands', rss(`<title>${'&a'.repeat(4 * N)}</title>`)],
    ['an HTML page of title openers', `<html>${'<title'.repeat(N)}</html>`],
    ['a DOCTYPE of comment openers', `<!DOCTYPE rss [${'<!--'.repeat(N)}`],
  ])('handles %s in linear time', (_name, doc) => {
    const t = performance.now();
    try {
      parseFeed(doc);
    } catch (err) {
      expect((err as Error).name).toBe('FeedError');
    }
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it.each([
    ['RSS', rss(`<item><title>deep</title><description>${'<a>'.repeat(2 * N)}${'</a>'.repeat(2 * N)}</description></item>`)],
    ['prefixed RSS 1.0', `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/"><rss:item><rss:title>deep</rss:title><rss:description>${'<a>'.repeat(2 * N)}${'</a>'.repeat(2 * N)}</rss:description></rss:item></rdf:RDF>`],
    ['Atom', `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>deep</title><content type="xhtml">${'<div>'.repeat(2 * N)}${'</div>'.repeat(2 * N)}</content></entry></feed>`],
  ])('reads %s with markup nested 100,000 deep without overflowing the stack', (_name, doc) => {
    expect(parseFeed(doc).items[0]!.title).toBe('deep');
  });

  it.each([
    ['tag openers', '<a'.repeat(4 * N)],
    ['unclosed scripts', '<script'.repeat(N)],
    ['escaped script storms', '&lt;script&gt;'.repeat(N)],
    ['comment openers', '<!--x'.repeat(N)],
  ])('strips HTML with %s in linear time', (_name, html) => {
    const t = performance.now();
    const out = htmlToText(html);
    expect(out).not.toMatch(/<script/i);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
