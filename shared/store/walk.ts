// Newest-first paging across time buckets. A page reads bucket after bucket (newest month first)
// until it holds `limit` accepted items, and stops at a read budget so that a very selective filter
// costs a bounded amount per page (the page is then short, and its cursor continues the walk).
import type { CursorPosition } from './cursor';

/** One read of a bucket: entries in newest-first order, each with its sort key. */
export interface BucketRead<E> {
  entries: E[];
  /** Sort key of the last item DynamoDB evaluated (filtered or not); absent when the bucket is exhausted. */
  lastEvaluated?: string;
}

/** How to walk: the buckets, where to start, and how to read, position and load entries. */
export interface WalkSpec<E, T> {
  /** Bucket labels, newest first. */
  partitions: string[];
  start?: CursorPosition;
  limit: number;
  /** Reads up to `max` items of a bucket after `after` (exclusive). */
  read(partition: string, after: string | undefined, max: number): Promise<BucketRead<E>>;
  position(e: E): string;
  /** Turns entries into results; undefined rejects one (missing, or filtered out after the read). */
  load(entries: E[]): Promise<(T | undefined)[]>;
  /** Items to ask DynamoDB for, given how many results are still needed. */
  chunk(need: number): number;
  /** Entries loaded at once, given how many results are still needed (default: that many, so nothing past the page end is loaded). */
  loadBatch?(need: number): number;
  /** Reads per page before a short page is returned (default 40). */
  maxReads?: number;
  /** Entries loaded per page before a short page is returned (default 2000): bounds a rare word filter. */
  maxLoaded?: number;
}

/** One page of results and where the next one starts (null when the walk has reached the end). */
export async function walk<E, T>(spec: WalkSpec<E, T>): Promise<{ items: T[]; next: CursorPosition | null }> {
  const { partitions, limit } = spec;
  let i = 0;
  let after: string | undefined;
  if (spec.start) {
    const s = spec.start;
    i = partitions.findIndex((p) => p <= s.partition);
    if (i < 0) return { items: [], next: null };
    after = partitions[i] === s.partition ? s.after : undefined;
  }
  const items: T[] = [];
  let reads = 0;
  let loadedCount = 0;
  while (i < partitions.length) {
    const partition = partitions[i]!;
    if (reads >= (spec.maxReads ?? 40)) return { items, next: { partition, after } };
    reads++;
    const res = await spec.read(partition, after, spec.chunk(limit - items.length));
    // Load in slices of what is still needed, so entries read past the page end are not fetched.
    let j = 0;
    while (j < res.entries.length) {
      if (loadedCount >= (spec.maxLoaded ?? 2000)) return { items, next: { partition, after: j ? spec.position(res.entries[j - 1]!) : after } };
      const need = limit - items.length;
      const slice = res.entries.slice(j, j + Math.max(1, spec.loadBatch ? spec.loadBatch(need) : need));
      loadedCount += slice.length;
      const loaded = await spec.load(slice);
      for (let k = 0; k < slice.length; k++, j++) {
        const t = loaded[k];
        if (t === undefined) continue;
        items.push(t);
        if (items.length === limit) {
          const more = j < res.entries.length - 1 || res.lastEvaluated !== undefined || i < partitions.length - 1;
          return { items, next: more ? { partition, after: spec.position(slice[k]!) } : null };
        }
      }
    }
    if (res.lastEvaluated !== undefined) after = res.lastEvaluated;
    else {
      i++;
      after = undefined;
    }
  }
  return { items, next: null };
}

/**
 * Several newest-first reads of listings that share one sort-key space, as one read: each listing
 * is complete down to its own last evaluated key, so the merge is complete down to the newest of
 * those; entries older than that are left for the next read (which starts after it). An entry in
 * more than one listing (the same article) appears once.
 */
export function mergeReads(reads: BucketRead<string>[]): BucketRead<string> {
  if (reads.length === 1) return reads[0]!;
  const frontier = reads.reduce<string | undefined>((f, r) => (r.lastEvaluated !== undefined && (f === undefined || r.lastEvaluated > f) ? r.lastEvaluated : f), undefined);
  const entries = new Set<string>();
  for (const r of reads) for (const e of r.entries) if (frontier === undefined || e >= frontier) entries.add(e);
  return { entries: [...entries].sort().reverse(), lastEvaluated: frontier };
}
