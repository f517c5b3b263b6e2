import { describe, expect, it } from 'vitest';
import type { CursorPosition } from '../../../shared/store/cursor';
import { mergeReads, walk, type BucketRead } from '../../../shared/store/walk';

// Buckets of fake sort keys, newest first; a read honours `after` and `max` like a DynamoDB Query.
function source(buckets: Record<string, string[]>, reject: (e: string) => boolean = () => false) {
  let reads = 0;
  return {
    reads: () => reads,
    read: async (p: string, after: string | undefined, max: number): Promise<BucketRead<string>> => {
      reads++;
      const all = buckets[p] ?? [];
      const from = after === undefined ? 0 : all.indexOf(after) + 1;
      const slice = all.slice(from, from + max);
      const more = from + max < all.length;
      return { entries: slice.filter((e) => !reject(e)), lastEvaluated: more ? slice[slice.length - 1] : undefined };
    },
  };
}

async function everything(buckets: Record<string, string[]>, limit: number, opts: { reject?: (e: string) => boolean; loadReject?: (e: string) => boolean; chunk?: (n: number) => number; maxReads?: number; loadBatch?: (n: number) => number } = {}) {
  const src = source(buckets, opts.reject);
  const out: string[] = [];
  let start: CursorPosition | undefined;
  let pages = 0;
  do {
    const page: { items: string[]; next: CursorPosition | null } = await walk<string, string>({
      partitions: Object.keys(buckets).sort().reverse(),
      start,
      limit,
      read: src.read,
      position: (e) => e,
      load: async (es) => es.map((e) => (opts.loadReject?.(e) ? undefined : e)),
      chunk: opts.chunk ?? ((n) => n + 1),
      maxReads: opts.maxReads,
      loadBatch: opts.loadBatch,
    });
    out.push(...page.items);
    start = page.next ?? undefined;
    if (++pages > 500) throw new Error('no end');
  } while (start);
  return { out, pages };
}

const keysOf = (month: string, n: number) => Array.from({ length: n }, (_, i) => `${month}-${String(99 - i).padStart(2, '0')}`);

describe('walk', () => {
  const buckets = { '2026-09': keysOf('2026-09', 5), '2026-10': [], '2026-11': keysOf('2026-11', 12) };
  const all = [...buckets['2026-11'], ...buckets['2026-09']];

  it('pages across buckets newest first with no overlap or gap', async () => {
    for (const limit of [1, 3, 5, 12, 17, 100]) expect((await everything(buckets, limit)).out, `limit ${limit}`).toEqual(all);
  });

  it('returns no cursor after the last item when it knows nothing follows', async () => {
    const { pages } = await everything(buckets, 17);
    expect(pages).toBe(1);
  });

  it('skips entries filtered out by the read or by the load', async () => {
    const odd = (e: string) => Number(e.slice(-2)) % 2 === 1;
    const { out } = await everything(buckets, 4, { reject: odd, chunk: () => 3 });
    expect(out).toEqual(all.filter((e) => !odd(e)));
    const { out: loaded } = await everything(buckets, 4, { loadReject: odd, chunk: () => 5 });
    expect(loaded).toEqual(all.filter((e) => !odd(e)));
  });

  it('loads more than a page needs without skipping or repeating what it did not return', async () => {
    const odd = (e: string) => Number(e.slice(-2)) % 2 === 1;
    for (const limit of [1, 2, 5]) {
      const { out } = await everything(buckets, limit, { loadReject: odd, chunk: () => 10, loadBatch: () => 100 });
      expect(out, `limit ${limit}`).toEqual(all.filter((e) => !odd(e)));
    }
  });

  it('returns a short page with a cursor when the read budget runs out, and continues from it', async () => {
    const sparse = { '2026-11': keysOf('2026-11', 40) };
    const keep = (e: string) => e.endsWith('-60');
    const { out, pages } = await everything(sparse, 5, { loadReject: (e) => !keep(e), chunk: () => 2, maxReads: 3 });
    expect(out).toEqual(['2026-11-60']);
    expect(pages).toBeGreaterThan(3);
  });

  it('starts at the next older bucket when the cursor bucket is gone', async () => {
    const src = source(buckets);
    const page = await walk<string, string>({ partitions: ['2026-11', '2026-09'], start: { partition: '2026-10', after: 'x' }, limit: 2, read: src.read, position: (e) => e, load: async (es) => es, chunk: (n) => n + 1 });
    expect(page.items).toEqual(['2026-09-99', '2026-09-98']);
  });
});

describe('walk budgets', () => {
  it('stops loading after maxLoaded entries and resumes where it stopped', async () => {
    const sparse = { '2026-11': keysOf('2026-11', 60) };
    const src = source(sparse);
    const loaded: string[] = [];
    const spec = { partitions: ['2026-11'], limit: 3, read: src.read, position: (e: string) => e, chunk: () => 50, maxLoaded: 10, load: async (es: string[]) => (loaded.push(...es), es.map((e) => (e.endsWith('-50') ? e : undefined))) };
    const first = await walk<string, string>(spec);
    expect(first.items).toEqual([]);
    expect(loaded.length).toBeLessThanOrEqual(12);
    const found: string[] = [];
    let next = first.next;
    for (let pages = 0; next && pages < 20; pages++) {
      const page = await walk<string, string>({ ...spec, start: next });
      found.push(...page.items);
      next = page.next;
    }
    expect(found).toEqual(['2026-11-50']);
    expect(next).toBeNull();
    expect(new Set(loaded).size).toBe(loaded.length);
    expect(loaded.length).toBe(60);
  });
});

describe('mergeReads', () => {
  it('merges newest first down to the newest last-evaluated key, each entry once', () => {
    const merged = mergeReads([
      { entries: ['09', '07', '05'], lastEvaluated: '05' },
      { entries: ['08', '07', '02'], lastEvaluated: undefined },
    ]);
    // The first listing may hold entries between 05 and 02 not read yet: 02 waits for the next read.
    expect(merged).toEqual({ entries: ['09', '08', '07', '05'], lastEvaluated: '05' });
  });

  it('ends when every listing is exhausted', () => {
    expect(mergeReads([{ entries: ['3', '1'] }, { entries: ['2'] }])).toEqual({ entries: ['3', '2', '1'], lastEvaluated: undefined });
  });
});
