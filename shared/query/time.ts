// since / until: an ISO date (a whole UTC day), an ISO date-time (UTC when no zone is given), or a
// time relative to now such as 30m, 24h, 7d, 2w.
import { QueryError } from './errors';

const RELATIVE = /^(\d{1,6})\s*(m|min|h|d|w)$/i;
const UNIT_MS: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Resolves a since/until value to an ISO instant. A bare date means the start of that UTC day for
 * `since` and its last millisecond for `until`, so `--until 2026-11-27` includes the 27th.
 */
export function parseTimeBound(value: string, field: 'since' | 'until', now: Date): string {
  const v = value.trim();
  const bad = () =>
    new QueryError(`invalid ${field} "${value}": use an ISO date or time (2026-11-27, 2026-11-27T08:00Z) or a time before now (30m, 24h, 7d, 2w)`, { field });
  const rel = RELATIVE.exec(v);
  if (rel) return new Date(now.getTime() - Number(rel[1]) * UNIT_MS[rel[2]!.toLowerCase()]!).toISOString();
  if (v.toLowerCase() === 'now') return now.toISOString();
  let t: number;
  if (DATE_ONLY.test(v)) {
    t = Date.parse(`${v}T00:00:00.000Z`);
    if (!Number.isNaN(t) && field === 'until') t += 86_400_000 - 1;
  } else if (DATE_TIME.test(v)) {
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(v) ? v : `${v}Z`;
    t = Date.parse(zoned.replace(' ', 'T'));
  } else throw bad();
  // Date.parse rolls 2026-02-31 over into March; a date that does not exist is an error instead.
  if (Number.isNaN(t) || !sameDay(v, t, field)) throw bad();
  const iso = new Date(t).toISOString();
  if (iso.length !== 24) throw bad();
  return iso;
}

function sameDay(v: string, t: number, field: string): boolean {
  if (/[+-]\d{2}:?\d{2}$/.test(v)) return true;
  const day = new Date(field === 'until' && DATE_ONLY.test(v) ? t - 86_400_000 + 1 : t).toISOString().slice(0, 10);
  return day === v.slice(0, 10);
}
