/** Normalises a date string to a fixed-width UTC ISO instant (so sort keys order by time), or undefined. */
export function toInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return undefined;
  const iso = new Date(t).toISOString();
  // Years outside 1000–9999 do not have the 24-character shape the sort keys rely on.
  return iso.length === 24 && iso >= '1000' ? iso : undefined;
}

/** Epoch seconds `days` after `from`: the TTL attribute value. */
export function ttlAfter(from: Date, days: number): number {
  return Math.floor(from.getTime() / 1000 + days * 86_400);
}
