// Opaque pagination cursors: base64url JSON of a position, sealed with a MAC over the position and
// the query it belongs to. The MAC is an integrity check, not access control (a cursor can only
// position a query the caller may run anyway): it turns a forged, edited or foreign cursor into a
// clear "invalid cursor" instead of a strange page, and the position is re-validated after it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidCursorError } from './errors';
import { MONTH_PATTERN } from './keys';

const VERSION = 1;
// Deployments may set their own key; the default still catches edits and cursors of other queries.
const KEY = process.env.NEWS_MONITOR_CURSOR_KEY || 'news-monitor cursor v1';

/** Where the next page starts: a month bucket (or another partition label) and the last sort key read there. */
export interface CursorPosition {
  partition: string;
  /** Exclusive start within the partition; absent = from the partition's newest item. */
  after?: string;
}

function mac(binding: string, body: string): Buffer {
  return createHmac('sha256', KEY).update(binding).update('\n').update(body).digest().subarray(0, 16);
}

/** Seals a position for the query described by `binding` (a canonical string of its filters). */
export function encodeCursor(pos: CursorPosition, binding: string): string {
  const body = Buffer.from(JSON.stringify({ v: VERSION, p: pos.partition, a: pos.after })).toString('base64url');
  return `${body}.${mac(binding, body).toString('base64url')}`;
}

/**
 * Opens a cursor issued for the same `binding`; throws InvalidCursorError otherwise. `checkAfter`
 * validates the sort key shape for the partition (so no forged key reaches DynamoDB).
 */
export function decodeCursor(cursor: string, binding: string, checkAfter: (partition: string, after: string) => boolean): CursorPosition {
  const invalid = (why: string) => new InvalidCursorError(`invalid cursor: ${why}; start again without a cursor`);
  if (cursor.length > 2000) throw invalid('too long');
  const [body, tag, extra] = cursor.split('.');
  if (!body || !tag || extra !== undefined || !/^[A-Za-z0-9_-]+$/.test(body + tag)) throw invalid('not a cursor this service issued');
  const expected = mac(binding, body);
  const given = Buffer.from(tag, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid('it was not issued for this query (the filters differ, or it was altered)');
  }
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw invalid('unreadable');
  }
  const o = v as { v?: unknown; p?: unknown; a?: unknown };
  if (!o || typeof o !== 'object' || o.v !== VERSION) throw invalid('issued by another version of news-monitor');
  if (typeof o.p !== 'string' || !(MONTH_PATTERN.test(o.p) || o.p === 'all')) throw invalid('unreadable position');
  if (o.a !== undefined && (typeof o.a !== 'string' || !checkAfter(o.p, o.a))) throw invalid('unreadable position');
  return { partition: o.p, after: o.a as string | undefined };
}
