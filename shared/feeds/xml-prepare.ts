// Text-level work before and between XML parses: refuse what is not a feed, defuse DOCTYPE internal
// subsets (entity-expansion attacks), and the lenient repairs tried after a strict parse fails.
import { decodeHTMLStrict } from 'entities';
import { FeedError, oneLine } from './errors';

const MAX_ENTITIES = 64;
const MAX_ENTITY_VALUE = 4096;

export interface Prepared {
  text: string;
  /** The root element's name as written (e.g. "rss", "feed", "rdf:RDF"). */
  root: string;
  warnings: string[];
}

/**
 * Checks the text looks like an XML feed and returns it ready for a strict parse. Line numbers are
 * kept (removed parts become blank lines) so an XML error still points at the right line.
 */
export function prepareXml(raw: string): Prepared {
  const warnings: string[] = [];
  let text = raw.replace(/^\uFEFF/, '');
  const start = text.search(/\S/);
  if (start < 0) throw new FeedError('not-a-feed', 'not a feed: the response is empty');
  if (text[start] !== '<') throw new FeedError('not-a-feed', `not a feed: the response is not XML (${describeStart(text.slice(start))})`);
  // The declaration's encoding no longer applies to decoded text, and whitespace before it is legal
  // in practice (three of rss-parser's own fixtures have a blank line there).
  text = text.replace(/^(\s*)<\?xml[^>]*\?>/, (m) => blankLines(m));
  const doctype = findDoctype(text);
  let entities = new Map<string, string>();
  if (doctype) {
    if (/^<!doctype\s+html\b/i.test(doctype.text)) throw htmlPage(text);
    entities = internalEntities(doctype.text);
    text = text.slice(0, doctype.start) + blankLines(doctype.text) + text.slice(doctype.end);
  }
  const root = rootName(text);
  if (!root) throw new FeedError('not-a-feed', 'not a feed: the document has no root element');
  if (/^(html|body|head)$/i.test(root)) throw htmlPage(text);
  if (entities.size > 0) {
    text = expandEntities(text, entities);
    warnings.push(`expanded ${entities.size} entit${entities.size === 1 ? 'y' : 'ies'} declared in the DOCTYPE`);
  }
  return { text: markupAsText(text), root, warnings };
}

/**
 * Elements whose content is text to us (titles, summaries, contents, descriptions, with any prefix:
 * media:title, content:encoded, xhtml:body). Not one that closes itself (<content src="…"/>). A
 * match can also end at the end of the text: an opener without its closer then takes the rest in
 * one match (left as it is), instead of each of many such openers rescanning to the end.
 */
const TEXT_ELEMENT = /<((?:[A-Za-z_][\w.-]*:)?(?:title|subtitle|summary|content|description|encoded|body|fullitem))(\s[^>]*?)?(?<!\/)>([\s\S]*?)(<\/\1\s*>|$)/g;

/**
 * Inline markup inside a text element (Atom's type="xhtml", or HTML a feed forgot to escape) is
 * wrapped in CDATA, so that it reaches normalisation as HTML text in document order: parsed as XML,
 * xml2js would put the child elements apart from the text around them ("Russian <b>warships</b> near
 * Odesa" would read "Russian near Odesa warships").
 */
export function markupAsText(text: string): string {
  return text.replace(TEXT_ELEMENT, (whole, name: string, attrs: string | undefined, inner: string, close: string) => {
    if (!close || !/<[A-Za-z]/.test(inner) || inner.includes('<![CDATA[') || inner.includes(`<${name}`)) return whole;
    return `<${name}${attrs ?? ''}><![CDATA[${inner.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${name}>`;
  });
}

/**
 * Repairs for XML that failed a strict parse: HTML named entities (&nbsp;) become character
 * references, bare ampersands and stray "<" are escaped, control characters dropped, and text after
 * the root element cut. CDATA sections are left as they are.
 */
export function repairXml(text: string, root: string): { text: string; repairs: string[] } {
  const counts = { entities: 0, ampersands: 0, lt: 0, controls: 0 };
  // Every lazy match below can also end at the end of the text: an unclosed opener then takes the
  // rest in one match, instead of each of many openers rescanning to the end (quadratic time).
  const parts = text.split(/(<!\[CDATA\[[\s\S]*?(?:\]\]>|$))/);
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i]!
      .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, () => {
        counts.controls++;
        return '';
      })
      .replace(/&(?:(#\d{1,7};|#x[0-9a-fA-F]{1,6};)|([A-Za-z][A-Za-z0-9]{0,31});)?/g, (m, numeric: string | undefined, name: string | undefined) => {
        if (numeric) return m;
        if (name) {
          if (/^(amp|lt|gt|quot|apos)$/.test(name)) return m;
          const decoded = decodeHTMLStrict(m);
          if (decoded !== m) {
            counts.entities++;
            return [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('');
          }
          counts.ampersands++;
          return `&amp;${name};`;
        }
        counts.ampersands++;
        return '&amp;';
      })
      .replace(/<(?=[\s\d=<&]|$)/g, () => {
        counts.lt++;
        return '&lt;';
      });
  }
  let out = parts.join('');
  const close = out.lastIndexOf(`</${root}>`);
  let trailing = false;
  if (close >= 0) {
    const end = close + root.length + 3;
    if (/\S/.test(out.slice(end).replace(/<!--[\s\S]*?(?:-->|$)/g, ''))) {
      out = out.slice(0, end);
      trailing = true;
    }
  }
  const repairs: string[] = [];
  if (counts.entities) repairs.push(`${counts.entities} HTML entit${counts.entities === 1 ? 'y' : 'ies'}`);
  if (counts.ampersands) repairs.push(`${counts.ampersands} bare "&"`);
  if (counts.lt) repairs.push(`${counts.lt} stray "<"`);
  if (counts.controls) repairs.push(`${counts.controls} control character${counts.controls === 1 ? '' : 's'}`);
  if (trailing) repairs.push('text after the root element');
  return { text: out, repairs };
}

function findDoctype(text: string): { start: number; end: number; text: string } | undefined {
  // Comments are masked (same length, so indexes hold): one may well mention "<!DOCTYPE".
  const masked = text.replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => ' '.repeat(m.length));
  const start = masked.search(/<!DOCTYPE/i);
  if (start < 0) return undefined;
  // Only a DOCTYPE before the root element counts (one inside CDATA is content).
  const firstElement = masked.search(/<[A-Za-z_]/);
  if (firstElement >= 0 && firstElement < start) return undefined;
  let i = start + 9;
  let inSubset = false;
  let quote = '';
  for (; i < masked.length; i++) {
    const c = masked[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') inSubset = true;
    else if (c === ']') inSubset = false;
    else if (c === '>' && !inSubset) break;
  }
  if (i >= text.length) throw new FeedError('xml', 'XML error: the DOCTYPE is never closed');
  return { start, end: i + 1, text: text.slice(start, i + 1) };
}

/**
 * General entities with plain-text values, from a DOCTYPE's internal subset. Entities that refer to
 * other entities (the "billion laughs" attack), too many, or too long are refused outright; external
 * ones are never fetched (XXE), and parameter entities are ignored.
 */
export function internalEntities(doctype: string): Map<string, string> {
  const map = new Map<string, string>();
  const subset = /\[([\s\S]*)\]/.exec(doctype)?.[1];
  if (!subset) return map;
  const decl = /<!ENTITY\s+(%\s+)?([A-Za-z_][\w.:-]*)\s+(?:"([^"]*)"|'([^']*)'|((?:SYSTEM|PUBLIC)\b[^>]*))\s*>/g;
  let count = 0;
  for (let m = decl.exec(subset); m; m = decl.exec(subset)) {
    if (m[1] || m[5] !== undefined) continue;
    const value = m[3] ?? m[4] ?? '';
    if (++count > MAX_ENTITIES) throw unsafe(`more than ${MAX_ENTITIES} entities declared`);
    if (/[&%]/.test(value)) throw unsafe(`entity "${m[2]}" refers to other entities`);
    if (value.length > MAX_ENTITY_VALUE) throw unsafe(`entity "${m[2]}" is longer than ${MAX_ENTITY_VALUE} characters`);
    map.set(m[2]!, value);
  }
  return map;
}

function expandEntities(text: string, entities: Map<string, string>): string {
  let grown = 0;
  const limit = text.length + 1024 * 1024;
  return text.replace(/&([A-Za-z_][\w.:-]*);/g, (m, name: string) => {
    const v = entities.get(name);
    if (v === undefined) return m;
    grown += v.length;
    if (grown > limit) throw unsafe('entity expansion would more than double the document');
    return v;
  });
}

function unsafe(why: string): FeedError {
  return new FeedError('unsafe-xml', `refused: the feed's DOCTYPE declares XML entities in an unsafe way (${why}), the pattern of an entity-expansion attack`);
}

/** The first element's name after the prolog (comments, processing instructions). */
function rootName(text: string): string | undefined {
  const m = /<([A-Za-z_][\w.:-]*)/.exec(text.replace(/<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)/g, ''));
  return m?.[1];
}

function htmlPage(text: string): FeedError {
  const title = /<title[^<>]*>([^<]{1,120})/i.exec(text)?.[1]?.trim();
  return new FeedError('not-a-feed', `not a feed: got an HTML page${title ? ` ("${oneLine(title, 80)}")` : ''}`);
}

function describeStart(s: string): string {
  if (/^[{[]/.test(s)) return 'it looks like JSON';
  return `it starts with "${oneLine(s.slice(0, 40), 40)}"`;
}

function blankLines(s: string): string {
  return s.replace(/[^\n]/g, '');
}

/**
 * For a document that was cut off (its root never closes): keeps it up to the last complete item or
 * entry, so a half-received item is not stored as if whole, then closes every element still open.
 * Unclosed CDATA sections and comments are closed first. Returns undefined when nothing was cut.
 */
export function closeTruncated(text: string, root: string): string | undefined {
  const masked = maskOpaque(text);
  if (new RegExp(`</${escapeRe(root)}\\s*>`, 'i').test(masked)) return undefined;
  const lastItem = Math.max(...[...masked.matchAll(/<\/(?:[\w.-]+:)?(?:item|entry)\s*>/gi)].map((m) => m.index! + m[0].length), -1);
  let kept = lastItem > 0 ? text.slice(0, lastItem) : text;
  const open = kept.lastIndexOf('<![CDATA[');
  if (open > kept.lastIndexOf(']]>')) kept += ']]>';
  const comment = kept.lastIndexOf('<!--');
  if (comment > kept.lastIndexOf('-->')) kept += '-->';
  const lt = kept.lastIndexOf('<'); // a tag cut in half (a regex here would be quadratic on many '<')
  if (lt > kept.lastIndexOf('>')) kept = kept.slice(0, lt);
  const stack: string[] = [];
  for (const m of maskOpaque(kept).matchAll(/<(\/?)([A-Za-z_][\w.:-]*)[^<>]*?(\/?)>/g)) {
    const [, close, name, selfClosing] = m;
    if (selfClosing) continue;
    if (!close) stack.push(name!);
    else {
      const at = stack.lastIndexOf(name!);
      if (at >= 0) stack.length = at;
    }
  }
  return kept + stack.reverse().map((n) => `</${n}>`).join('');
}

/** Comments and CDATA blanked out (same length), so tag scans do not see their content. */
function maskOpaque(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g, (m) => ' '.repeat(m.length));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
