import { describe, expect, it } from 'vitest';
import { forEachLimit } from '../../../shared/pipeline/pool';

describe('forEachLimit', () => {
  it('never has more than the limit in flight and visits every item once', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachLimit(Array.from({ length: 50 }, (_, i) => i), 4, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, (i * 7) % 5));
      seen.push(i);
      inFlight--;
    });
    expect(peak).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('pulls items lazily from a generator instead of materialising it', async () => {
    let produced = 0;
    function* gen() {
      for (let i = 0; i < 10; i++) {
        produced++;
        yield i;
      }
    }
    const producedWhenFirstDone: number[] = [];
    await forEachLimit(gen(), 2, async () => {
      await new Promise((r) => setTimeout(r, 1));
      if (!producedWhenFirstDone.length) producedWhenFirstDone.push(produced);
    });
    expect(producedWhenFirstDone[0]).toBeLessThanOrEqual(3);
    expect(produced).toBe(10);
  });
});
