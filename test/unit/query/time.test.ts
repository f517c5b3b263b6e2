import { describe, expect, it } from 'vitest';
import { parseTimeBound, QueryError } from '../../../shared/query';

const NOW = new Date('2026-11-28T12:00:00.000Z');

describe('parseTimeBound', () => {
  it('reads times relative to now', () => {
    expect(parseTimeBound('24h', 'since', NOW)).toBe('2026-11-27T12:00:00.000Z');
    expect(parseTimeBound('7d', 'since', NOW)).toBe('2026-11-21T12:00:00.000Z');
    expect(parseTimeBound('30m', 'since', NOW)).toBe('2026-11-28T11:30:00.000Z');
    expect(parseTimeBound('2w', 'since', NOW)).toBe('2026-11-14T12:00:00.000Z');
    expect(parseTimeBound('now', 'until', NOW)).toBe(NOW.toISOString());
  });

  it('reads a bare date as the whole UTC day', () => {
    expect(parseTimeBound('2026-11-27', 'since', NOW)).toBe('2026-11-27T00:00:00.000Z');
    expect(parseTimeBound('2026-11-27', 'until', NOW)).toBe('2026-11-27T23:59:59.999Z');
  });

  it('reads date-times with a zone, and without one as UTC', () => {
    expect(parseTimeBound('2026-11-27T08:00+02:00', 'since', NOW)).toBe('2026-11-27T06:00:00.000Z');
    expect(parseTimeBound('2026-11-27T08:00', 'since', NOW)).toBe('2026-11-27T08:00:00.000Z');
    expect(parseTimeBound('2026-11-27 08:00:30Z', 'since', NOW)).toBe('2026-11-27T08:00:30.000Z');
  });

  it('rejects what is not a time, naming the parameter and the accepted forms', () => {
    for (const bad of ['yesterday', '2026-02-31', '2026-13-01', '7 days', '', '-3d']) {
      expect(() => parseTimeBound(bad, 'since', NOW), bad).toThrow(QueryError);
    }
    expect(() => parseTimeBound('monday', 'until', NOW)).toThrow(/^invalid until "monday": use an ISO date or time .* \(30m, 24h, 7d, 2w\)$/);
  });
});
