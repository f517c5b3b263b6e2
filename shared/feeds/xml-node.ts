// Helpers over xml2js's output shape (every child is an array; text with attributes sits in `_`).

/** An element as xml2js returns it. */
export type Node = Record<string, unknown>;

/** `v` when it is an element object, else an empty one (xml2js gives '' for an empty element). */
export function asNode(v: unknown): Node {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {};
}

/** The text of the first element of an xml2js child list (string, or `_` of an element with attributes). */
export function firstText(v: unknown): string | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && typeof (first as Node)._ === 'string') return (first as Node)._ as string;
  return undefined;
}

/** Elements whose text is code or drawing, not content. */
const CODE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math']);

/** All text inside an xml2js element (children after the element's own text; attributes and scripts left out). */
export function textContent(v: unknown, depth = 0): string {
  if (typeof v === 'string') return v;
  if (depth > 32 || !v || typeof v !== 'object') return '';
  if (Array.isArray(v)) return v.map((x) => textContent(x, depth + 1)).join(' ');
  return Object.entries(v as Node)
    .filter(([k]) => k !== '$' && !CODE.has(k.replace(/^[\w.-]+:/, '').toLowerCase()))
    .map(([, x]) => textContent(x, depth + 1))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
