// Bytes → text. The charset comes from the byte-order mark, then the Content-Type header, then the
// XML declaration; a label that is wrong for the bytes (a "UTF-8" header on windows-1251 bytes is
// common) falls through to the next source, and undecodable UTF-8 ends as windows-1252, which never
// fails. The WHATWG decoders built into Node do the decoding (charsets.ts).
import { charsetExists, decodeAs } from './charsets';

export interface Decoded {
  text: string;
  /** The charset used, lower case. */
  charset: string;
  /** Where it came from: bom, header, declaration, sniffed, default, fallback. */
  source: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a feed body; never throws. */
export function decodeBody(bytes: Buffer, contentType?: string): Decoded {
  const bom = fromBom(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.skip), bom.charset), charset: bom.charset, source: 'bom' };
  const sniffed = sniffUtf16(bytes);
  if (sniffed) return { text: decodeAs(bytes, sniffed), charset: sniffed, source: 'sniffed' };
  const headerLabel = charsetFromContentType(contentType);
  const declaredLabel = charsetFromDeclaration(bytes);
  const candidates: [string | undefined, string][] = [
    [headerLabel, 'header'],
    [declaredLabel, 'declaration'],
  ];
  // Bytes that are valid UTF-8 and labelled UTF-8 anywhere are UTF-8, whatever the other label says:
  // valid multi-byte UTF-8 almost never happens by accident in a legacy charset.
  const utf8Label = candidates.find(([l]) => l && isUtf8(normaliseLabel(l) ?? ''));
  if (utf8Label) {
    const text = tryUtf8(bytes);
    if (text !== undefined) return { text, charset: 'utf-8', source: utf8Label[1] };
  }
  // A header naming Latin-1 or ASCII is usually the web server's default, not the feed's choice:
  // a declaration naming another charset (windows-1251 on a Russian site) knows better.
  const header = headerLabel && normaliseLabel(headerLabel);
  const declared = declaredLabel && normaliseLabel(declaredLabel);
  if (header === 'windows-1252' && declared && declared !== header && !isUtf8(declared)) candidates.reverse();
  for (const [label, source] of candidates) {
    const charset = label && normaliseLabel(label);
    if (!charset) continue;
    if (isUtf8(charset)) {
      const text = tryUtf8(bytes);
      if (text !== undefined) return { text, charset: 'utf-8', source };
      continue; // labelled UTF-8 but is not: let the next source (or the fallback) decide
    }
    if (charset.startsWith('utf-16') && !sniffUtf16(bytes)) continue; // labelled UTF-16 but is not
    return { text: decodeAs(bytes, charset), charset, source };
  }
  const text = tryUtf8(bytes);
  if (text !== undefined) return { text, charset: 'utf-8', source: 'default' };
  const guess = guessSingleByte(bytes);
  return { text: decodeAs(bytes, guess), charset: guess, source: 'fallback' };
}

/**
 * An undeclared single-byte charset, told apart by how letters above 0x7F sit in the text. Accented
 * Latin letters stand alone between ASCII ones ("Notícias"); Cyrillic words are runs of them. Among
 * Cyrillic charsets, lower-case letters (most of any text) are 0xE0–0xFF in windows-1251 and
 * 0xC0–0xDF in KOI8-R.
 */
export function guessSingleByte(bytes: Buffer): 'windows-1252' | 'windows-1251' | 'koi8-r' {
  let high = 0;
  let inRun = 0;
  let upperHalf = 0;
  let lowerHalf = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    high++;
    if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) inRun++;
    if (b >= 0xe0) upperHalf++;
    else if (b >= 0xc0) lowerHalf++;
  }
  if (high < 16 || inRun / high < 0.6) return 'windows-1252';
  return upperHalf >= lowerHalf ? 'windows-1251' : 'koi8-r';
}

/** The charset parameter of a Content-Type header. */
export function charsetFromContentType(contentType?: string): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";,\s]+)/i.exec(contentType ?? '');
  return m?.[1];
}

/** The encoding pseudo-attribute of an ASCII-compatible XML declaration. */
export function charsetFromDeclaration(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1];
}

function normaliseLabel(label: string): string | undefined {
  let l = label.trim().toLowerCase();
  // Labels seen in the wild that the Encoding Standard does not know by that spelling.
  const aliases: Record<string, string> = { 'x-sjis': 'shift_jis', 'x-euc-jp': 'euc-jp', gb2312: 'gbk', 'x-gbk': 'gbk', 'x-mac-roman': 'macintosh', 'utf8': 'utf-8', 'unicode': 'utf-16le' };
  l = aliases[l] ?? l;
  // US-ASCII and Latin-1 labels mean windows-1252 in practice (the WHATWG encoding rule).
  if (l === 'us-ascii' || l === 'ascii' || l === 'iso-8859-1' || l === 'latin1' || l === 'iso_8859-1') l = 'windows-1252';
  return charsetExists(l) ? l : undefined;
}

function isUtf8(charset: string): boolean {
  return charset === 'utf-8' || charset === 'utf8';
}

function tryUtf8(bytes: Buffer): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function fromBom(b: Buffer): { charset: string; skip: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return undefined;
}

/**
 * UTF-16 without a BOM: XML markup is mostly ASCII, so one byte of most pairs is zero (the high byte:
 * odd positions for little endian, even for big endian).
 */
function sniffUtf16(b: Buffer): string | undefined {
  const n = Math.min(b.length, 1024) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}
