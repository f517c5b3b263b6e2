// Small text helpers for alert messages: plain text only, lengths counted in characters.

/** Cuts `s` to at most `max` characters, ending with an ellipsis when it was cut. */
export function truncate(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  if (max <= 1) return chars.slice(0, max).join('');
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
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
 * ASCII for SNS email subjects, which must be ASCII without control characters and under 100
 * characters: typographic punctuation becomes its ASCII twin, accents are dropped, anything else
 * becomes '?'.
 */
export function asciiSubject(s: string, max = 99): string {
  const ascii = oneLine(s)
    .replace(/[‘’“”–—…\u00a0]/g, (c) => TYPOGRAPHY[c] ?? c)
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
