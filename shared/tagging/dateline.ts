// Wire datelines: copy that opens "KYIV, Feb 17 (Reuters) -", "CHARLOTTE, N.C. (AP) —", "GAZA CITY
// (AFP) -", "ROCHESTER, N.Y., March 3 -", "MOSCOW, December 2. /TASS/.", "NEW DELHI, Dec 2 (PTI):" or,
// newspaper style, "WASHINGTON — " names the place of reporting first. The tagger weighs that place as
// highly as the title. The agencies and month names are data (data/rules.json `dateline`).
import rules from './data/rules.json';

/** Where the dateline is: the place span, and an optional qualifier (a US state or a country). */
export interface Dateline {
  /** End of the whole dateline (after the dash): mentions before it are dateline mentions. */
  end: number;
  place: { start: number; end: number };
  qualifier?: { start: number; end: number; text: string };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const MONTHS = rules.dateline.months.join('|');
const AGENCIES = [...rules.dateline.agencies].sort((a, b) => b.length - a.length).map(escape).join('|');
const PLACE = String.raw`([A-Z][A-Za-z.'’\- ]{1,40}?)`;
const QUAL = String.raw`(?:\s*,\s*([A-Z][A-Za-z.'’\- ]{0,24}?))?`;
const DATE = String.raw`(?:(?:${MONTHS})\.?\s+\d{1,2}|\d{1,2}\.?\s+(?:${MONTHS})\.?)`;
/** "(Reuters)", "(AP)", "/TASS/": the agency after the place or the date. */
const AGENCY = String.raw`(?:\(\s*(?:${AGENCIES})\s*\)|\/\s*(?:ITAR-TASS|TASS)\s*\/)`;
/** What ends a dateline: a dash of any length, a colon, or TASS's full stop. */
const END = String.raw`(?:[-–—]+|:|\.)`;
const WITH_DATE = new RegExp(String.raw`^\s*${PLACE}${QUAL}\s*,?\s+${DATE}\b(?:\s*,?\s*\d{4})?\.?\s*(?:${AGENCY})?\s*${END}`, 'i');
const AGENCY_ONLY = new RegExp(String.raw`^\s*${PLACE}${QUAL}\s*${AGENCY}\s*${END}?`, 'i');
/** Newspaper style, no date: "WASHINGTON — The Senate …" (the place in capitals, then a long dash or a colon). */
const CAPS_DASH = /^\s*([A-Z][A-Z.'’\- ]{1,40}?)(?:,\s*([A-Z][A-Za-z.'’\- ]{0,24}?))?\s+(?:—|--|–)\s/;
const CAPS_COLON = /^\s*([A-Z][A-Z.'’\- ]{2,40}?)(?:,\s*([A-Z][A-Za-z.'’\- ]{0,24}?))?:\s/;

/** Reads the dateline at the start of `text`, if there is one. */
export function readDateline(text: string): Dateline | undefined {
  const head = text.slice(0, 200);
  const m = WITH_DATE.exec(head) ?? AGENCY_ONLY.exec(head) ?? CAPS_DASH.exec(head) ?? CAPS_COLON.exec(head);
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
