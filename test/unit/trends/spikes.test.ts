import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../shared/alerts';
import type { HourCell } from '../../../shared/store/counters';
import { formatSpike, humanDuration, parseDuration, readSpike, spikeSpan } from '../../../shared/trends';
import { article } from '../alerts/fixtures';

const H = 3_600_000;
const spike = { windowMs: 6 * H, baselineMs: 14 * 24 * H, factor: 3, min: 5 };

/** Cells for spikeSpan(spike, now), with `stories` per baseline hour and `burst` spread over the window. */
function cells(now: Date, baselinePerHour: number, windowStories: number[]): HourCell[] {
  const span = spikeSpan(spike, now);
  const out: HourCell[] = [];
  for (let t = span.from; t < span.windowFrom; t += H) out.push({ hour: new Date(t).toISOString().slice(0, 13), stories: baselinePerHour, articles: baselinePerHour });
  windowStories.forEach((s, i) => out.push({ hour: new Date(span.windowFrom + i * H).toISOString().slice(0, 13), stories: s, articles: s, ...(s ? { newest: `a${i}` } : {}) }));
  return out;
}

describe('spikeSpan', () => {
  it('takes the whole hours before now as the window, and the baseline just before it', () => {
    const s = spikeSpan(spike, new Date('2026-10-18T12:00:00Z'));
    expect(new Date(s.windowFrom).toISOString()).toBe('2026-10-18T06:00:00.000Z');
    expect(new Date(s.to).toISOString()).toBe('2026-10-18T12:00:00.000Z');
    expect(new Date(s.from).toISOString()).toBe('2026-10-04T06:00:00.000Z');
  });

  it('includes the hour now is in when now is not on the hour', () => {
    const s = spikeSpan(spike, new Date('2026-10-18T12:30:00Z'));
    expect(new Date(s.windowFrom).toISOString()).toBe('2026-10-18T07:00:00.000Z');
    expect(s.windowHours).toBe(6);
  });
});

describe('readSpike', () => {
  const now = new Date('2026-10-18T12:00:00Z');

  it('surges at min stories when the baseline is quiet', () => {
    const r = readSpike(spike, cells(now, 0, [0, 0, 2, 3, 0, 0]), now);
    expect(r).toMatchObject({ stories: 5, expected: 0, threshold: 5, surging: true, newestArticleId: 'a3' });
    expect(readSpike(spike, cells(now, 0, [0, 0, 2, 2, 0, 0]), now).surging).toBe(false);
  });

  it('needs factor × the mean per window of the baseline when that is above min', () => {
    // 1 story an hour over the baseline: 6 expected per 6 h window, so 18 are needed.
    expect(readSpike(spike, cells(now, 1, [3, 3, 3, 3, 3, 2]), now)).toMatchObject({ stories: 17, expected: 6, threshold: 18, surging: false });
    expect(readSpike(spike, cells(now, 1, [3, 3, 3, 3, 3, 3]), now).surging).toBe(true);
  });

  it('reports the window as the rule states it, ending now', () => {
    expect(readSpike(spike, cells(now, 0, [0, 0, 0, 0, 0, 0]), now).window).toEqual({ from: '2026-10-18T06:00:00.000Z', to: '2026-10-18T12:00:00.000Z' });
  });
});

describe('formatSpike', () => {
  const [rule] = compileRules([{ id: 'md-surge', name: 'Moldova surge', query: 'region:MD', severity: 'warning', spike: { window: '6h', baseline: '14d', factor: 3, min: 5 } }]).rules;
  const now = new Date('2026-10-18T12:00:00Z');

  it('explains the surge in one sentence and carries the DESIGN.md fields', () => {
    const r = readSpike(spike, cells(now, 0, [0, 0, 4, 5, 0, 0]), now);
    const a = article({ title: 'Moldova expels diplomat' });
    const m = formatSpike(rule!, { ...r, expected: 0.8 }, a, { id: 'MD', name: 'Moldova', kind: 'country', score: 1, salient: true, mentions: [] });
    expect(m.email.body).toContain('9 stories about Moldova in the last 6 h; 0.8 expected from the previous 14 days; newest: Moldova expels diplomat');
    expect(m).toMatchObject({ kind: 'spike', ruleId: 'md-surge', stories: 9, expected: 0.8, window: { from: '2026-10-18T06:00:00.000Z', to: '2026-10-18T12:00:00.000Z' }, article: { id: 'a1', title: 'Moldova expels diplomat' } });
    expect(m.email.subject).toBe('[warning] Moldova surge: 9 stories about Moldova in 6h (0.8 expected)');
    expect(m.sms.length).toBeLessThanOrEqual(160);
    expect(m.sms).toContain(a.url);
  });
});

describe('durations', () => {
  it('reads 30m, 6h and 14d and refuses anything else', () => {
    expect([parseDuration('30m'), parseDuration('6h'), parseDuration('14d')]).toEqual([30 * 60_000, 6 * H, 14 * 24 * H]);
    expect([parseDuration('6 hours'), parseDuration('0h'), parseDuration('1w'), parseDuration('')]).toEqual([undefined, undefined, undefined, undefined]);
    expect([humanDuration(6 * H), humanDuration(14 * 24 * H), humanDuration(24 * H), humanDuration(30 * 60_000)]).toEqual(['6 h', '14 days', '1 day', '30 min']);
  });
});
