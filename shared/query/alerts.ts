// queryAlerts: alerts by rule and time, for GET /alerts.
import type { Delivery } from '../model';
import { InvalidCursorError, type ArticleStore, type StoredAlert } from '../store';
import { QueryError } from './errors';
import { parseLimit } from './params';
import { parseTimeBound } from './time';

/** What GET /alerts asks: one rule or all, a time range, a delivery. */
export interface AlertQuery {
  rule?: string;
  since?: string;
  until?: string;
  delivery?: string;
  limit?: number | string;
  cursor?: string;
}

/** Validates an alert query and reads one page, newest first. */
export async function queryAlerts(store: Pick<ArticleStore, 'listAlerts'>, q: AlertQuery, deps: { now?: Date } = {}): Promise<{ items: StoredAlert[]; cursor: string | null }> {
  const now = deps.now ?? new Date();
  const limit = parseLimit(q.limit);
  const since = q.since ? parseTimeBound(q.since, 'since', now) : undefined;
  const until = q.until ? parseTimeBound(q.until, 'until', now) : undefined;
  if (since && until && since > until) throw new QueryError(`since (${since}) is after until (${until})`, { field: 'since' });
  if (q.delivery && q.delivery !== 'instant' && q.delivery !== 'digest') throw new QueryError(`delivery must be "instant" or "digest", got "${q.delivery}"`, { field: 'delivery' });
  const rule = q.rule?.trim() || undefined;
  if (rule && (rule.length > 100 || !/^[\w.:-]+$/.test(rule))) throw new QueryError(`rule must be a rule id (letters, digits, - _ . :), got "${q.rule}"`, { field: 'rule' });
  try {
    return await store.listAlerts({ ruleId: rule, since, until, delivery: q.delivery as Delivery | undefined, limit, cursor: q.cursor || undefined });
  } catch (err) {
    if (err instanceof InvalidCursorError) throw new QueryError(err.message, { field: 'cursor', cause: err });
    throw err;
  }
}
