// XML (or JSON) text → a parsed feed: strict XML first, then lenient retries, then an error in
// words. Building items from the parsed document is builders.ts.
import Parser from 'rss-parser';
import { FeedError, oneLine } from './errors';
import { closeTruncated, prepareXml, repairXml } from './xml-prepare';
import { buildFeed } from './builders';
import { parseJsonFeed } from './jsonfeed';
import type { RawFeed } from './raw';
import type { Node } from './xml-node';

export type { RawFeed, RawItem } from './raw';

interface XmlParser {
  parseString(text: string, cb: (err: Error | null, result: unknown) => void): void;
}

/** Parses a feed document: JSON Feed when it is JSON, else XML (parseFeedXml). */
export function parseFeed(text: string): RawFeed {
  return /^\uFEFF?\s*\{/.test(text) ? parseJsonFeed(text) : parseFeedXml(text);
}

/** Parses feed XML: strict first, then once more after lenient repairs; errors in words. */
export function parseFeedXml(raw: string): RawFeed {
  const prepared = prepareXml(raw);
  const warnings = [...prepared.warnings];
  let doc: Node;
  try {
    doc = parseXml(prepared.text);
  } catch (strictError) {
    // Errors report the strict parse: its line and column point at the text as it was sent.
    const recovered = recover(prepared.text, prepared.root);
    if (!recovered) throw strictError;
    doc = recovered.doc;
    warnings.push(recovered.warning);
  }
  const feed = buildFeed(doc);
  feed.warnings.unshift(...warnings);
  return feed;
}

/**
 * The lenient retries, mildest first: (1) strict again after repairing entities, ampersands and
 * stray "<"; (2) sax's forgiving mode (auto-closes stray HTML such as <br>, takes unquoted
 * attributes) on the repaired text, with a cut-off document closed after its last whole item.
 */
function recover(text: string, root: string): { doc: Node; warning: string } | undefined {
  const repaired = repairXml(text, root);
  const what = repaired.repairs.length ? ` (repaired ${repaired.repairs.join(', ')})` : '';
  if (repaired.repairs.length) {
    try {
      return { doc: parseXml(repaired.text), warning: `malformed XML read leniently${what}` };
    } catch {
      // fall through to the forgiving parser
    }
  }
  const closed = closeTruncated(repaired.text, root);
  try {
    const doc = parseXml(closed ?? repaired.text, LENIENT);
    const cut = closed ? '; the document was cut off: read up to its last complete item' : '';
    return { doc, warning: `broken XML read in forgiving mode${what}${cut}` };
  } catch {
    return undefined;
  }
}

/** sax's non-strict mode lower-cases names: we read dates and fields under their lower-case names too. */
const LENIENT = { strict: false, normalizeTags: true, attrNameProcessors: [(n: string) => n.toLowerCase()] };

function parseXml(text: string, xml2jsOptions?: object): Node {
  // A fresh parser each time: xml2js parsers keep state after an error. Parsing is synchronous, so a
  // callback that has not run when parseString returns never will (it happens on some inputs).
  const parser = (new Parser(xml2jsOptions ? { xml2js: xml2jsOptions } : {}) as unknown as { xmlParser: XmlParser }).xmlParser;
  let outcome: { err: Error | null; result: unknown } | undefined;
  try {
    parser.parseString(text, (err: Error | null, result: unknown) => {
      outcome ??= { err, result };
    });
  } catch (err) {
    outcome ??= { err: err as Error, result: undefined };
  }
  if (!outcome) throw new FeedError('xml', 'XML error: the document ended before its root element was closed');
  if (outcome.err) throw xmlError(outcome.err);
  if (!outcome.result || typeof outcome.result !== 'object') throw new FeedError('not-a-feed', 'not a feed: the document has no root element');
  return outcome.result as Node;
}

function xmlError(err: Error): FeedError {
  const [what = 'malformed XML', ...rest] = err.message.split('\n');
  const line = /Line: (\d+)/.exec(rest.join('\n'));
  const col = /Column: (\d+)/.exec(rest.join('\n'));
  const where = line ? ` at line ${Number(line[1]) + 1}${col ? `, column ${col[1]}` : ''}` : '';
  const words = what.replace(/\.$/, '');
  return new FeedError('xml', oneLine(`XML error${where}: ${words.charAt(0).toLowerCase()}${words.slice(1)}`), { cause: err });
}
