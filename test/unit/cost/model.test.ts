import { describe, expect, it } from 'vitest';
import { estimateMonthlyCost } from '../../../shared/cost';

describe('estimateMonthlyCost', () => {
  it('keeps 100 feeds polled every 15 minutes under a dollar a month of pipeline cost after the always-free tier', () => {
    const est = estimateMonthlyCost({ feeds: 100, intervalMinutes: 15, itemsPerDay: 500 });
    expect(est.totalAfterFreeTierUsd).toBeLessThan(1);
    expect(est.totalBeforeSmsUsd).toBe(est.totalUsd);
  });

  it('grows with the number of polls', () => {
    const small = estimateMonthlyCost({ feeds: 10, intervalMinutes: 15, itemsPerDay: 50 });
    const big = estimateMonthlyCost({ feeds: 1000, intervalMinutes: 15, itemsPerDay: 5000 });
    expect(big.totalUsd).toBeGreaterThan(small.totalUsd * 5);
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
