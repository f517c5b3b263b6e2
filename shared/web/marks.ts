// The article page marks every mention at its offsets. This turns a field's text and the mentions
// found in it into a tree of plain strings and marked spans that the template renders (and escapes).
import type { Tag } from '../model';

/** A piece of a field: plain text, or a marked mention holding its own pieces (nested mentions). */
export type Segment = string | { tag: string; name: string; children: Segment[] };

interface Span {
  tag: string;
  name: string;
  start: number;
  end: number;
}

/**
 * Splits `text` at the mentions of `tags` that fall in `field`. A mention inside another is nested
 * in it ("Black Sea" inside "Black Sea Fleet"); one that crosses another's edge, lies outside the
 * text or does not match the text at its offsets (an older tagger, a trimmed summary) is left
 * unmarked rather than marking the wrong words. The same tag on the same span is marked once.
 */
export function markSegments(text: string, tags: readonly Tag[], field: 'title' | 'text'): Segment[] {
  const spans: Span[] = [];
  const seen = new Set<string>();
  for (const t of tags) {
    for (const m of t.mentions ?? []) {
      if ((m.field ?? 'text') !== field) continue;
      if (!(Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end > m.start && m.end <= text.length)) continue;
      if (m.text && text.slice(m.start, m.end) !== m.text) continue;
      const key = `${t.id}\u0000${m.start}\u0000${m.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      spans.push({ tag: t.id, name: t.name, start: m.start, end: m.end });
    }
  }
  // Outer spans first: by start, then the longest.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return build(text, spans, 0, text.length);
}

function build(text: string, spans: Span[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let pos = from;
  let i = 0;
  while (i < spans.length) {
    const s = spans[i]!;
    if (s.start < pos) {
      i++; // crosses the edge of a span already placed
      continue;
    }
    // Everything that starts inside s and ends within it is nested in s.
    let j = i + 1;
    const inner: Span[] = [];
    while (j < spans.length && spans[j]!.start < s.end) {
      if (spans[j]!.end <= s.end) inner.push(spans[j]!);
      j++;
    }
    if (s.start > pos) out.push(text.slice(pos, s.start));
    out.push({ tag: s.tag, name: s.name, children: build(text, inner, s.start, s.end) });
    pos = s.end;
    i = j;
  }
  if (pos < to) out.push(text.slice(pos, to));
  return out;
}
