// HTML → plain text for titles and summaries. Nothing that looks like markup survives: scripts and
// styles go with their content, tags go, entities are decoded, and entity-escaped HTML (common in
// feeds that escape twice) gets a second pass. What is left is text safe for storage, email and SMS.
import { decodeHTML } from 'entities';

// Code goes with its content (to the end when never closed: safer than showing it). Embedded
// objects (iframe, object, embed, applet) lose only their tags: what they hold is fallback text.
const DROP_WITH_CONTENT = /<(script|style|noscript|svg|math|template|select|textarea)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const BLOCK = /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|section|article|aside|table|thead|tbody|tr|td|th|figure|figcaption|header|footer|pre|address)\b[^<>]*>/gi;
// [^<>]* rather than [^>]*: a run of "<a<a<a…" without ">" must not make each match scan to the end.
const TAG = /<\/?[A-Za-z][^<>]*>|<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[|\]\]>|<![A-Za-z][^<>]*>/g;
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** Plain text of an HTML (or plain) string, whitespace collapsed, cut at `maxLength` on a word. */
export function htmlToText(html: string, maxLength = 10_000): string {
  // Only the start can survive the cut; markup-heavy text still leaves enough after stripping.
  let s = html.length > maxLength * 20 ? html.slice(0, maxLength * 20) : html;
  for (let pass = 0; pass < 3; pass++) {
    s = s.replace(DROP_WITH_CONTENT, ' ').replace(BLOCK, ' ').replace(TAG, '');
    const decoded = decodeHTML(s);
    const again = /<\/?[A-Za-z][^<>]*>|<!--/.test(decoded);
    s = decoded;
    if (!again) break;
  }
  s = s.replace(TAG, '').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return truncate(s, maxLength);
}

/** `s` cut to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
