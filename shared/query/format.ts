// Text helpers for showing articles on a terminal (the query and show commands).
import type { Tag } from '../../shared/model';

/** "2026-11-27 10:00" from an ISO instant ('' stays ''). */
export function when(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 16).replace('T', ' ');
}

/** Cuts a string to `n` characters with an ellipsis. */
export function cut(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, Math.max(0, n - 1))}…`;
}

/** Tag ids, found ones first and roll-ups after (marked ^), salient ones starred. */
export function tagList(tags: Tag[]): string {
  const mark = (t: Tag) => `${t.via?.length ? '^' : ''}${t.id}${t.salient ? '*' : ''}`;
  const own = tags.filter((t) => !t.via?.length);
  const rolled = tags.filter((t) => t.via?.length);
  return [...own, ...rolled].map(mark).join(' ') || '-';
}
