// Canonical article URLs: the same story reached through different links gets one id.
import tracking from './tracking-params.json';

const NAMES = new Set(tracking.names.map((n) => n.toLowerCase()));
const PREFIXES = tracking.prefixes.map((p) => p.toLowerCase());

/**
 * The canonical form of an http(s) URL: scheme and host lower-cased (by URL), default port, fragment
 * and tracking parameters (utm_*, fbclid, gclid…) dropped, no trailing slash except for the root.
 * Anything that is not an absolute http(s) URL comes back trimmed and otherwise unchanged.
 */
export function canonicalUrl(url: string): string {
  const trimmed = url.trim();
  let u: URL;
  try {
    u = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return trimmed;
  u.hash = '';
  u.username = '';
  u.password = '';
  const kept = [...u.searchParams].filter(([k]) => !isTracking(k));
  u.search = kept.length ? new URLSearchParams(kept).toString() : '';
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);
  return u.href;
}

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return NAMES.has(n) || PREFIXES.some((p) => n.startsWith(p));
}
