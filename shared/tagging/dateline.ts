// Wire datelines: copy that opens "KYIV, Feb 17 -", "NEW YORK, March 3 (Reuters) -",
// "ROCHESTER, N.Y., March 3 -" or, newspaper style, "WASHINGTON — " names the place of reporting first. The tagger weighs that place as
// highly as the title.
import rules from './data/rules.json';

/** Where the dateline is: the place span, and an optional qualifier (a US state or a country). */
export interface Dateline {
  /** End of the whole dateline (after the dash): mentions before it are dateline mentions. */
  end: number;
  place: { start: number; end: number };
  qualifier?: { start: number; end: number; text: string };
}

const MONTHS = rules.dateline.months.join('|');
const PLACE = String.raw`([A-Z][A-Za-z.'’\- ]{1,40}?)`;
const QUAL = String.raw`(?:\s*,\s*([A-Z][A-Za-z.'’\- ]{0,24}?))?`;
const DATE = String.raw`(?:(?:${MONTHS})\.?\s+\d{1,2}|\d{1,2}\s+(?:${MONTHS})\.?)`;
const AGENCY = String.raw`\((?:Reuters|AP|AFP|UPI|Bloomberg|dpa|Xinhua|Interfax|TASS|Ukrinform)\)`;
const WITH_DATE = new RegExp(String.raw`^\s*${PLACE}${QUAL}\s*,?\s+${DATE}\b(?:\s*,?\s*\d{4})?\s*(?:${AGENCY})?\s*[-–—]+`, 'i');
const AGENCY_ONLY = new RegExp(String.raw`^\s*${PLACE}${QUAL}\s*${AGENCY}\s*[-–—]+`, 'i');
/** Newspaper style, no date: "WASHINGTON — The Senate …" (the place in capitals, then a long dash). */
const CAPS_DASH = /^\s*([A-Z][A-Z.'’\- ]{1,40}?)(?:,\s*([A-Z][A-Za-z.'’\- ]{0,24}?))?\s+(?:—|--|–)\s/;

/** Reads the dateline at the start of `text`, if there is one. */
export function readDateline(text: string): Dateline | undefined {
  const head = text.slice(0, 160);
  const m = WITH_DATE.exec(head) ?? AGENCY_ONLY.exec(head) ?? CAPS_DASH.exec(head);
  if (!m || !m[1]) return undefined;
  // The place must start with a capital letter even though the month may be written in any case.
  if (!/^[A-Z]/.test(m[1])) return undefined;
  const placeStart = m[0].indexOf(m[1]);
  const d: Dateline = { end: m[0].length, place: { start: placeStart, end: placeStart + m[1].trimEnd().length } };
  if (m[2]) {
    const q = m[2].trimEnd();
    const qs = m[0].indexOf(m[2], d.place.end);
    d.qualifier = { start: qs, end: qs + q.length, text: q };
  }
  return d;
}
