import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, estimateMonthlyCost } from '../../../shared/cost';

describe('estimateMonthlyCost', () => {
  it('splits the bill into reading the feeds, fixed costs and SMS', () => {
    const est = estimateMonthlyCost({ feeds: 100, intervalMinutes: 15, itemsPerDay: 500, smsPerDay: 3 });
    const sum = est.lines.reduce((s, l) => s + l.usd, 0);
    expect(est.pipelineUsd + est.fixedUsd + (est.totalUsd - est.totalBeforeSmsUsd)).toBeCloseTo(sum);
    expect(est.fixedUsd).toBeCloseTo(est.lines.filter((l) => l.fixed).reduce((s, l) => s + l.usd, 0));
  });

  it('reads more feeds per ingest invocation with a bigger batch, so compute costs less', () => {
    const input = { feeds: 100, intervalMinutes: 15, itemsPerDay: 500 };
    const gbs = (batch: number) => estimateMonthlyCost(input, { ...DEFAULT_ASSUMPTIONS, ingestBatchSize: batch }).lines.find((l) => l.item.startsWith('compute'))!.quantity;
    expect(gbs(10)).toBeLessThan(gbs(5));
  });

  it('grows with the number of polls', () => {
    const small = estimateMonthlyCost({ feeds: 10, intervalMinutes: 15, itemsPerDay: 50 });
    const big = estimateMonthlyCost({ feeds: 1000, intervalMinutes: 15, itemsPerDay: 5000 });
    expect(big.pipelineUsd).toBeGreaterThan(small.pipelineUsd * 20);
    expect(big.fixedUsd).toBe(small.fixedUsd);
  });

  it('prices SMS separately so the before-SMS total leaves it out', () => {
    const est = estimateMonthlyCost({ feeds: 100, intervalMinutes: 15, itemsPerDay: 500, smsPerDay: 10 });
    const sms = est.lines.find((l) => l.item.startsWith('SMS'))!;
    expect(sms.quantity).toBeCloseTo(304);
    expect(est.totalUsd - est.totalBeforeSmsUsd).toBeCloseTo(sms.usd);
  });

  it('states every assumption it uses', () => {
    const est = estimateMonthlyCost({ feeds: 7, intervalMinutes: 30, itemsPerDay: 40 });
    expect(est.assumptions.join('\n')).toMatch(/7 feeds every 30 min/);
    expect(est.assumptions.length).toBeGreaterThanOrEqual(6);
  });
});
