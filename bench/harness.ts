// The benchmark table: each bench/*.bench.ts module exports `bench()` returning rows; bench/run.ts
// runs them all and prints one table. A row names its unit and how it was measured.

export interface BenchRow {
  /** What was measured, e.g. "tagging (5 KB articles)". */
  name: string;
  value: number;
  /** e.g. "articles/s", "ms p50", "KB". */
  unit: string;
  /** How: corpus, harness, runs, warm-up. */
  how: string;
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same corpus on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
