// The story index of a local pass (one writer: the embedded store) kept in memory and written
// through: postings and profiles are read from the table once and then served from memory, and the
// writes go out together, a chunk of articles at a time, through a journal (write-behind.ts). Reads
// answer exactly what the table would (the newest POSTINGS_PER_TERM postings of a word in a window,
// profiles as decoded from their items), so a pass that starts with an empty cache — one resumed
// after a kill — makes the same stories as one that ran from the start (docs/STORE.md, "Local passes").
import { GetItemCommand, PutItemCommand, type DynamoDBClient } from '../clients/sdk/dynamodb';
import type { Posting, StoryIndex } from '../stories/assign';
import type { StoryProfile } from '../stories/profile';
import type { Item } from './attr';
import { batchGet, queryAll, type RetryPolicy } from './batch';
import { ttlAfter } from './instant';
import { ATTR, ITEM_TYPE, keys } from './keys';
import { eachLimit } from './pool';
import { keyOf } from './queries';
import { POSTINGS_PER_TERM } from './story-index';
import { listedAtOf, listingPlace, POSTING_TTL_DAYS, postingFromItem, postingItem, storyFromItem, storyItem } from './story-items';
import { WriteBehind } from './write-behind';

/** Postings held in memory (a few hundred bytes each); past this the least recently used words are dropped (read again when needed). */
const MAX_POSTINGS = 100_000;
/** Profiles held in memory (under 1 KB each as items). */
const MAX_PROFILES = 20_000;
/** Buffered story writes flushed once they reach this many bytes, between two articles. */
const FLUSH_BYTES = 200_000;
/** Word queries in flight at once when reading ahead. */
const READS_IN_FLIGHT = 16;
/** Words per item of the word directory; past DIRECTORY_ITEMS items a pass merges them. */
const WORDS_PER_ITEM = 5_000;
const DIRECTORY_ITEMS = 64;

/** One word's postings in memory: every posting of the table with a sort key ≥ `lo`, ascending by sort key. */
interface TermPostings {
  lo: string;
  entries: { sk: string; posting: Posting }[];
}

/** A profile as the table holds it (undefined: no item), with the instant it is listed at. */
interface ProfileEntry {
  profile?: StoryProfile;
  listedAt?: string;
}

/** StoryIndex over one table for its only writer: reads served from memory, writes buffered and committed by `flush`. */
export class CachedStoryIndex implements StoryIndex {
  private readonly terms = new Map<string, TermPostings>();
  private readonly loading = new Map<string, Promise<void>>();
  private postingsHeld = 0;
  private readonly profiles = new Map<string, ProfileEntry>();
  // The word directory: every word the table has postings under, when the table was new as this
  // store first used it (otherwise undefined, and every word is queried). Words posted since the
  // last flush are listed by the next one, in the same journal as their postings.
  private directory?: Promise<Set<string> | undefined>;
  private readonly unlisted = new Set<string>();
  /** The buffered writes (exposed for tests and for the journal's recovery at the start of a pass). */
  readonly writes: WriteBehind;

  constructor(private readonly deps: { client: DynamoDBClient; tableName: string; retry: RetryPolicy; retentionDays: number; now: () => Date }) {
    this.writes = new WriteBehind(deps, 'stories');
  }

  /**
   * Reads the word directory (once; a pass calls it before it stores anything, while a new table is
   * still recognisable as new: no month registered, so no posting written).
   */
  ready(): Promise<Set<string> | undefined> {
    this.directory ??= this.readDirectory();
    return this.directory;
  }

  /** The newest POSTINGS_PER_TERM postings of each word inside [from, to], newest first, word after word (as one Query per word answers). */
  async findPostings(terms: string[], from: string, to: string): Promise<Posting[]> {
    await this.writes.recover();
    await Promise.all([...new Set(terms)].map((t) => this.load(t, from)));
    const hi = `${to}#~`;
    return terms.flatMap((t) => {
      const cached = this.touch(this.terms, t)!;
      const out: Posting[] = [];
      for (let i = upperBound(cached.entries, hi) - 1; i >= 0 && out.length < POSTINGS_PER_TERM; i--) {
        if (cached.entries[i]!.sk < from) break;
        out.push(cached.entries[i]!.posting);
      }
      return out;
    });
  }

  /** The stories with these ids that exist, read from the table the first time only. */
  async getStories(ids: string[]): Promise<Map<string, StoryProfile>> {
    await this.writes.recover();
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => !this.profiles.has(id));
    if (missing.length) {
      const items = await batchGet(this.deps.client, this.deps.tableName, missing.map((id) => keyOf(keys.story(id))), this.deps.retry, { consistent: true });
      missing.forEach((id, k) => {
        if (this.profiles.has(id)) return;
        const queued = this.writes.queued(keyOf(keys.story(id)));
        this.profiles.set(id, entryOf(queued === undefined ? items[k] : (queued ?? undefined)));
      });
    }
    return new Map(
      unique.flatMap((id) => {
        const p = this.touch(this.profiles, id)?.profile;
        return p ? [[id, p] as const] : [];
      }),
    );
  }

  /** The table's condition (version read, or absent) checked on the profile in memory, which is the table's; the write is buffered. */
  async putStory(p: StoryProfile, expectedVersion: number | undefined): Promise<boolean> {
    if (!this.profiles.has(p.id)) await this.getStories([p.id]);
    const current = this.profiles.get(p.id)!;
    if (expectedVersion === undefined ? current.profile !== undefined : current.profile?.version !== expectedVersion) return false;
    // Kept as long as the articles stored with it (TTL from the storage time, as theirs).
    const item = storyItem(p, ttlAfter(this.deps.now(), this.deps.retentionDays), listingPlace(p, expectedVersion === undefined ? undefined : current.listedAt));
    this.writes.put(item);
    this.profiles.delete(p.id);
    this.profiles.set(p.id, entryOf(item));
    return true;
  }

  /** The postings of one story, buffered (and findable at once). */
  async post(storyId: string, terms: string[], at: string, founder: Record<string, number>): Promise<void> {
    const ttl = ttlAfter(this.deps.now(), POSTING_TTL_DAYS);
    const directory = await this.ready();
    for (const t of terms) {
      if (directory && !directory.has(t)) (directory.add(t), this.unlisted.add(t));
      const item = postingItem(t, storyId, at, founder, ttl);
      this.writes.put(item);
      const cached = this.terms.get(t);
      if (cached) this.insert(cached, item);
    }
  }

  /** Reads ahead, a few queries at once, the words and profiles these lookups will need (a chunk's articles before they are assigned). */
  async prefetch(lookups: { terms: string[]; from: string; to: string }[]): Promise<void> {
    await this.writes.recover();
    const earliest = new Map<string, string>();
    for (const l of lookups) for (const t of l.terms) if (!(earliest.get(t)! <= l.from)) earliest.set(t, l.from);
    await eachLimit([...earliest], READS_IN_FLIGHT, ([t, from]) => this.load(t, from));
    const ids = new Set<string>();
    for (const l of lookups) for (const p of await this.findPostings(l.terms, l.from, l.to)) ids.add(p.storyId);
    const found = await this.getStories([...ids]);
    const into = [...found.values()].flatMap((p) => (p.mergedInto ? [p.mergedInto] : []));
    if (into.length) await this.getStories(into);
  }

  /** Commits the buffered writes (the chunk's stories, before its articles are written). */
  async flush(): Promise<void> {
    const words = [...this.unlisted];
    for (let i = 0; i < words.length; i += WORDS_PER_ITEM) this.writes.put(directoryItem(`${Date.now().toString(36)}-${process.pid.toString(36)}-${i}`, words.slice(i, i + WORDS_PER_ITEM)));
    await this.writes.flush();
    for (const w of words) this.unlisted.delete(w);
    this.evict();
  }

  /** Commits the buffered writes when they have grown large (called between two articles: the journal then holds whole articles). */
  async flushIfLarge(): Promise<void> {
    if (this.writes.bytes >= FLUSH_BYTES) await this.flush();
  }

  /** Makes the word's postings from `from` on complete in memory: one paged Query for what is not there yet. */
  private async load(term: string, from: string): Promise<void> {
    const directory = await this.ready();
    // Never posted under: nothing to read, now or later (this process writes every posting).
    if (directory && !directory.has(term) && !this.terms.has(term)) {
      this.terms.set(term, { lo: '', entries: [] });
      return;
    }
    for (;;) {
      const cached = this.terms.get(term);
      if (cached && cached.lo <= from) return;
      const inFlight = this.loading.get(term);
      if (!inFlight) break;
      await inFlight;
    }
    const load = this.readPostings(term, from, this.terms.get(term)?.lo);
    this.loading.set(term, load);
    try {
      await load;
    } finally {
      this.loading.delete(term);
    }
  }

  private async readPostings(term: string, from: string, below: string | undefined): Promise<void> {
    const pk = keys.termPostings(term);
    const read = await queryAll(this.deps.client, {
      TableName: this.deps.tableName,
      KeyConditionExpression: below === undefined ? '#pk = :pk AND #sk >= :lo' : '#pk = :pk AND #sk BETWEEN :lo AND :hi',
      ExpressionAttributeNames: { '#pk': ATTR.pk, '#sk': ATTR.sk },
      ExpressionAttributeValues: { ':pk': { S: pk }, ':lo': { S: from }, ...(below === undefined ? {} : { ':hi': { S: below } }) },
      ConsistentRead: true,
    });
    const cached = this.terms.get(term) ?? { lo: from, entries: [] };
    this.postingsHeld -= cached.entries.length;
    // What this process wrote wins over what the table held: buffered postings, then those in memory.
    const bySk = new Map<string, Posting>();
    for (const item of [...read, ...this.writes.queuedIn(pk)]) bySk.set(item[ATTR.sk]!.S!, postingFromItem(item));
    for (const e of cached.entries) bySk.set(e.sk, e.posting);
    const entries = [...bySk].map(([sk, posting]) => ({ sk, posting })).sort((x, y) => (x.sk < y.sk ? -1 : x.sk > y.sk ? 1 : 0));
    this.terms.set(term, { lo: from < cached.lo ? from : cached.lo, entries });
    this.postingsHeld += entries.length;
  }

  private async readDirectory(): Promise<Set<string> | undefined> {
    await this.writes.recover();
    const items = await queryAll(this.deps.client, {
      TableName: this.deps.tableName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': ATTR.pk },
      ExpressionAttributeValues: { ':pk': { S: keys.termDirectoryPartition } },
      ConsistentRead: true,
    });
    const complete = keys.termDirectoryComplete();
    const lists = items.filter((i) => i[ATTR.sk]?.S !== complete.sk);
    if (lists.length === items.length) {
      // No article month registered: no article, so no posting, was ever written.
      const months = await this.deps.client.send(new GetItemCommand({ TableName: this.deps.tableName, Key: keyOf(keys.months()), ConsistentRead: true }));
      if (months.Item) return undefined;
      await this.deps.client.send(new PutItemCommand({ TableName: this.deps.tableName, Item: { ...keyOf(complete), [ATTR.type]: { S: ITEM_TYPE.termDirectory } } }));
    }
    const words = new Set(lists.flatMap((i) => i.words?.SS ?? []));
    if (lists.length > DIRECTORY_ITEMS) {
      // Merged into a few items, in one commit.
      for (const i of lists) this.writes.delete(keyOf({ pk: i[ATTR.pk]!.S!, sk: i[ATTR.sk]!.S! }));
      const all = [...words];
      for (let k = 0; k < all.length; k += WORDS_PER_ITEM) this.writes.put(directoryItem(`${Date.now().toString(36)}-merged-${k}`, all.slice(k, k + WORDS_PER_ITEM)));
      await this.writes.flush();
    }
    return words;
  }

  private insert(cached: TermPostings, item: Item): void {
    const sk = item[ATTR.sk]!.S!;
    const i = upperBound(cached.entries, sk);
    const posting = postingFromItem(item);
    if (i > 0 && cached.entries[i - 1]!.sk === sk) cached.entries[i - 1] = { sk, posting };
    else (cached.entries.splice(i, 0, { sk, posting }), this.postingsHeld++);
  }

  /** Moves a key to the recent end of a map (the maps are kept in least-recently-used order). */
  private touch<V>(map: Map<string, V>, key: string): V | undefined {
    const v = map.get(key);
    if (v !== undefined) {
      map.delete(key);
      map.set(key, v);
    }
    return v;
  }

  /** Drops the least recently used words and profiles past the bounds (after a flush: nothing they hold is unwritten). */
  private evict(): void {
    for (const [term, cached] of this.terms) {
      if (this.postingsHeld <= MAX_POSTINGS) break;
      if (this.loading.has(term)) continue;
      this.terms.delete(term);
      this.postingsHeld -= cached.entries.length;
    }
    for (const id of this.profiles.keys()) {
      if (this.profiles.size <= MAX_PROFILES) break;
      this.profiles.delete(id);
    }
  }
}

/** One item of the word directory. */
function directoryItem(id: string, words: string[]): Item {
  return { [ATTR.pk]: { S: keys.termDirectoryPartition }, [ATTR.sk]: { S: id }, [ATTR.type]: { S: ITEM_TYPE.termDirectory }, words: { SS: words } };
}

/** The profile of an item as a read of the table decodes it (frozen: callers derive new profiles, never edit these). */
function entryOf(item: Item | undefined): ProfileEntry {
  return item ? { profile: Object.freeze(storyFromItem(item)), listedAt: listedAtOf(item) } : {};
}

/** The first index whose sort key is greater than `sk`. */
function upperBound(entries: readonly { sk: string }[], sk: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.sk <= sk) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
