// The trend counters of a local pass (one writer: the embedded store), summed in memory: each
// counter item and story-scopes item is read once, updated in memory as the table's ADD would,
// and written a batch of feeds at a time through a journal (write-behind.ts), together with the
// deletion of those feeds' pending-alert records. A kill before the journal leaves the records, and
// the next pass counts their articles again from unchanged counters; after it, the journal is replayed.
// Either way every article is counted once (docs/STORE.md, "Local passes").
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { n, type Item } from './attr';
import { batchGet, type RetryPolicy } from './batch';
import { dayIncrements, key, SEEN_DAYS, TrendStore, type CounterIncrement, type HourCell } from './counters';
import { ttlAfter } from './instant';
import { ATTR, ITEM_TYPE, keys } from './keys';
import { WriteBehind } from './write-behind';

/** Items held in memory (counter days and story scopes, each under 1.5 KB); past this the least recently used are dropped after a flush. */
const MAX_HELD = 50_000;
/** Buffered trend writes are committed once they reach this many bytes (`flushIfLarge`). */
const FLUSH_BYTES = 400_000;

/** TrendStore for the table's only writer: counting served from memory, writes committed by `flush`. */
export class BufferedTrendStore extends TrendStore {
  readonly writes: WriteBehind;
  // The table's item (null: none) for each story-scopes key and counter day read or written.
  private readonly held = new Map<string, Item | null>();
  private readonly reading = new Map<string, Promise<void>>();
  private readonly retry: RetryPolicy;

  constructor(opts: { client: DynamoDBClient; tableName: string; retentionDays?: number; retry: RetryPolicy }) {
    super(opts);
    this.retry = opts.retry;
    this.writes = new WriteBehind({ client: opts.client, tableName: opts.tableName, retry: opts.retry }, 'trends');
  }

  /** Reads, in one BatchGetItem, the story-scopes items of these stories that are not in memory yet. */
  async prefetchStories(stories: readonly string[]): Promise<void> {
    await this.hold(stories.map((s) => key(keys.trendSeen(s))));
  }

  /** As TrendStore's (the old set decides which scopes are new), on the item in memory; the write is buffered. */
  override async claimStoryScopes(story: string, scopes: string[], now: Date): Promise<string[]> {
    if (!scopes.length) return [];
    const k = key(keys.trendSeen(story));
    await this.hold([k]);
    const item = this.held.get(idOf(k)) ?? null;
    const before = new Set(item?.scopes?.SS ?? []);
    const unique = [...new Set(scopes)];
    const next: Item = {
      ...(item ?? k),
      scopes: { SS: [...new Set([...before, ...unique])] },
      [ATTR.ttl]: n(ttlAfter(now, SEEN_DAYS)),
      [ATTR.type]: { S: ITEM_TYPE.trendSeen },
    };
    this.keep(next);
    return unique.filter((s) => !before.has(s));
  }

  /** As TrendStore's (ADD per hour, SET of the newest article), on the counter items in memory; the writes are buffered. */
  override async addCounts(increments: CounterIncrement[], now: Date): Promise<number> {
    const days = dayIncrements(increments);
    const itemKeys = new Map([...days].map(([id, d]) => [id, key({ pk: keys.trendCounter(d.scope), sk: d.day })]));
    await this.hold([...itemKeys.values()]);
    const ttl = n(ttlAfter(now, this.retentionDays));
    for (const [id, d] of days) {
      if (![...d.cells.values()].some((c) => c.s || c.a)) continue;
      const k = itemKeys.get(id)!;
      const next: Item = { ...(this.held.get(idOf(k)) ?? k), [ATTR.ttl]: ttl, [ATTR.type]: { S: ITEM_TYPE.trend } };
      for (const [hh, c] of d.cells) {
        if (c.s) next[`s${hh}`] = n(Number(next[`s${hh}`]?.N ?? 0) + c.s);
        if (c.a) next[`a${hh}`] = n(Number(next[`a${hh}`]?.N ?? 0) + c.a);
        if (c.newest) next[`n${hh}`] = { S: c.newest.id };
      }
      this.keep(next);
    }
    return days.size;
  }

  /** Deletes a pending-alert record with the counts of its articles (in the same commit). */
  finishPendingAlerts(sortKey: string): void {
    this.writes.delete(key({ pk: keys.pendingPartition, sk: sortKey }));
  }

  /** Commits every buffered count and record deletion. */
  async flush(): Promise<void> {
    await this.writes.flush();
    for (const id of this.held.keys()) {
      if (this.held.size <= MAX_HELD) break;
      if (!this.reading.has(id)) this.held.delete(id);
    }
  }

  /** Commits once the buffered writes have grown large (a batch of feeds). */
  async flushIfLarge(): Promise<void> {
    if (this.writes.bytes >= FLUSH_BYTES) await this.flush();
  }

  /** Counts are read from the table: what is buffered is committed first. */
  override async readHours(scope: string, from: number, to: number): Promise<HourCell[]> {
    await this.flush();
    return super.readHours(scope, from, to);
  }

  override async windowStories(scopes: readonly string[], from: number, to: number): Promise<Map<string, number>> {
    await this.flush();
    return super.windowStories(scopes, from, to);
  }

  /** Puts the items of these keys in memory (one consistent BatchGetItem for those missing). */
  private async hold(wanted: Item[]): Promise<void> {
    await this.writes.recover();
    const missing = [...new Map(wanted.map((k) => [idOf(k), k])).entries()].filter(([id]) => !this.held.has(id) && !this.reading.has(id));
    const waits = wanted.map((k) => this.reading.get(idOf(k))).filter((p): p is Promise<void> => p !== undefined);
    if (missing.length) {
      const read = batchGet(this.client, this.tableName, missing.map(([, k]) => k), this.retry, { consistent: true }).then((items) => {
        missing.forEach(([id, k], i) => {
          // A write still buffered is newer than what the table holds.
          const queued = this.writes.queued(k);
          if (!this.held.has(id)) this.held.set(id, queued === undefined ? (items[i] ?? null) : queued);
        });
      });
      const done = read.finally(() => {
        for (const [id] of missing) this.reading.delete(id);
      });
      for (const [id] of missing) this.reading.set(id, done);
      waits.push(done);
    }
    await Promise.all(waits);
  }

  private keep(item: Item): void {
    const id = idOf(item);
    this.held.delete(id);
    this.held.set(id, item);
    this.writes.put(item);
  }
}

const idOf = (k: Item): string => `${k[ATTR.pk]?.S}\u0000${k[ATTR.sk]?.S}`;
