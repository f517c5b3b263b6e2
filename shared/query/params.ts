import { QueryError } from './errors';

/** Default page size of the CLI and the API. */
export const DEFAULT_LIMIT = 20;

/** A page size: a whole number from 1 to 100 (default 20). */
export function parseLimit(v: number | string | undefined): number {
  if (v === undefined || v === '') return DEFAULT_LIMIT;
  const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new QueryError(`limit must be a whole number from 1 to 100, got "${v}"`, { field: 'limit' });
  return n;
}

/** A yes/no query parameter ("true", "1", "yes" / "false", "0", "no"). */
export function parseFlag(v: string | undefined, field: string): boolean {
  if (v === undefined || v === '') return false;
  const s = v.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(s)) return true;
  if (['false', '0', 'no'].includes(s)) return false;
  throw new QueryError(`${field} must be true or false, got "${v}"`, { field });
}
