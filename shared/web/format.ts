// Small text helpers of the page layer: dates, counts, URLs built from filters.

/** "2026-11-27 10:00 UTC" from an ISO instant; anything else is shown as it is. */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "1 article", "3 articles". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** A path with a query string from the given pairs (empty values left out; arrays repeat the name). */
export function href(path: string, q: Record<string, string | string[] | undefined | null | false>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    for (const x of Array.isArray(v) ? v : [v]) if (x) sp.append(k, x);
  }
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}

/** Only http(s) links from feeds are shown as links (a javascript: or data: URL stays text). */
export function safeLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
