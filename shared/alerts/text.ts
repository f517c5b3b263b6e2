// Small text helpers for alert messages: plain text only, lengths counted in characters.

/** Cuts `s` to at most `max` characters, ending with `ellipsis` when it was cut. */
export function truncate(s: string, max: number, ellipsis = '…'): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  if (max <= ellipsis.length) return chars.slice(0, max).join('');
  return `${chars.slice(0, max - ellipsis.length).join('').trimEnd()}${ellipsis}`;
}

/** Collapses runs of whitespace (titles from feeds carry line breaks and tabs) to single spaces. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Length in characters (code points), as SMS and subjects count them. */
export function charLength(s: string): number {
  return [...s].length;
}

const TYPOGRAPHY: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '…': '...', '\u00a0': ' ' };

/**
 * Typographic punctuation as plain ASCII. For SMS this matters: one character outside the GSM 03.38
 * alphabet (a curly quote, a dash, '…') switches the whole message to UCS-2, 70 characters a part,
 * so a 160-character alert would be billed as three messages.
 */
export function plainPunctuation(s: string): string {
  return s.replace(/[‘’“”–—…\u00a0]/g, (c) => TYPOGRAPHY[c] ?? c);
}

/**
 * ASCII for SNS email subjects, which must be ASCII without control characters and under 100
 * characters: typographic punctuation becomes its ASCII twin, accents are dropped, anything else
 * becomes '?'.
 */
export function asciiSubject(s: string, max = 99): string {
  const ascii = plainPunctuation(oneLine(s))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\x20-\x7e]/g, '?');
  return ascii.length <= max ? ascii : `${ascii.slice(0, max - 3).trimEnd()}...`;
}

/** An ISO instant as "2026-11-27 14:03 UTC" (the reader may be anywhere: UTC, said so). */
export function utcMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
