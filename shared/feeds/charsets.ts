// Decoding legacy charsets with the WHATWG Encoding Standard decoders built into Node (ICU): the
// same label set and mappings browsers use for web pages and feeds (windows-125x, KOI8-R/U,
// ISO-8859-x, UTF-16, Shift_JIS, EUC-JP, ISO-2022-JP, GBK/gb18030, Big5, EUC-KR, IBM866, Mac).
// It replaces iconv-lite at run time, which would add ~480 KB to the ingest Lambda bundle.

import { TextDecoder } from 'node:util';

const decoders = new Map<string, TextDecoder | null>();

function decoderFor(label: string): TextDecoder | null {
  let d = decoders.get(label);
  if (d === undefined) {
    try {
      d = new TextDecoder(label);
    } catch {
      d = null;
    }
    decoders.set(label, d);
  }
  return d;
}

/** True when `label` names a charset this runtime can decode. */
export function charsetExists(label: string): boolean {
  return decoderFor(label) !== null;
}

/** Decodes bytes in a known charset; invalid sequences become U+FFFD, as in browsers. */
export function decodeAs(bytes: Uint8Array, label: string): string {
  const d = decoderFor(label);
  if (!d) throw new RangeError(`unknown charset "${label}"`);
  return d.decode(bytes);
}
