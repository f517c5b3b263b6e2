// Counts over time (docs/STORE.md "Trend counters"): for every counted scope — a tag on one side
// (`r:UA`, `a:nato`) or a rule (`rule:md-surge`) — one item per UTC day with 24 hourly cells of
// distinct stories (`s00`…`s23`) and articles (`a00`…`a23`), updated with ADD, plus the id of the
// newest story's article in each hour (`n00`…). A trailing window and a 14-day baseline of one
// scope are one Query of ~16 small items. Spike states and novelty pairs live here too.
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
  type QueryCommandOutput,
} from '../clients/sdk/dynamodb';
import { batchGet, queryAll } from './batch';
import { eachLimit } from './pool';
import { ttlAfter } from './instant';
import { ATTR, ITEM_TYPE, keys } from './keys';
import type { Item } from './attr';

const HOUR_MS = 3_600_000;
/** Stories are counted once per scope within this many days (longer stories count again: rare and harmless). */
export const SEEN_DAYS = 14;
/** Spike states and pairs outlive any window or quiet period they serve. */
const STATE_DAYS = 400;
/** Counter updates in flight at once. */
const UPDATES_IN_FLIGHT = 8;

/** What one pass (or stream batch) adds to one scope in one hour. */
export interface CounterIncrement {
  scope: string;
  /** The hour, `yyyy-mm-ddThh` (UTC). */
  hour: string;
  stories: number;
  articles: number;
  /** The article of the newest story counted in that hour. */
  newest?: { id: string; publishedAt: string };
}

/** One hourly cell as read back. */
export interface HourCell {
  hour: string;
  stories: number;
  articles: number;
  newest?: string;
}

/** A surge that fired and has not fallen back under its threshold yet. */
export interface SpikeState {
  ruleId: string;
  scope: string;
  firedAt: string;
  stories: number;
}

/** What a batch adds to one counter item (a scope's day): per hour `hh`, stories, articles and the newest story's article. */
export interface DayIncrement {
  scope: string;
  day: string;
  cells: Map<string, { s: number; a: number; newest?: { id: string; publishedAt: string } }>;
}

/** Increments summed per counter item (scope, day) and hour. */
export function dayIncrements(increments: readonly CounterIncrement[]): Map<string, DayIncrement> {
  const days = new Map<string, DayIncrement>();
  for (const inc of increments) {
    const k = `${inc.scope}\u0000${inc.hour.slice(0, 10)}`;
    let d = days.get(k);
    if (!d) days.set(k, (d = { scope: inc.scope, day: inc.hour.slice(0, 10), cells: new Map() }));
    const hh = inc.hour.slice(11, 13);
    const c = d.cells.get(hh) ?? { s: 0, a: 0 };
    c.s += inc.stories;
    c.a += inc.articles;
    if (inc.newest && (!c.newest || inc.newest.publishedAt > c.newest.publishedAt)) c.newest = inc.newest;
    d.cells.set(hh, c);
  }
  return days;
}

/** The hour bucket (`yyyy-mm-ddThh`) of an instant. */
export function hourOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13);
}

/** The trend counters, spike states and novelty pairs of the table. */
export class TrendStore {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly retentionDays: number;
  /** Read units the reads of this store consumed (DynamoDB reports them; a local store may not). */
  consumedReadUnits = 0;

  constructor(opts: { client: DynamoDBClient; tableName: string; retentionDays?: number }) {
    this.client = opts.client;
    this.tableName = opts.tableName;
    this.retentionDays = opts.retentionDays ?? 365;
  }

  /**
   * Records that a story was counted in these scopes and returns the ones it had not been counted
   * in before: one UpdateItem per article (ADD to a string set; the old set comes back), so a story
   * carried by 40 feeds counts once per scope, and concurrent batches cannot both count it.
   */
  async claimStoryScopes(story: string, scopes: string[], now: Date): Promise<string[]> {
    if (!scopes.length) return [];
    const out = await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: key(keys.trendSeen(story)),
        UpdateExpression: 'ADD #scopes :scopes SET #ttl = :ttl, #type = :type',
        ExpressionAttributeNames: { '#scopes': 'scopes', '#ttl': ATTR.ttl, '#type': ATTR.type },
        ExpressionAttributeValues: { ':scopes': { SS: [...new Set(scopes)] }, ':ttl': { N: String(ttlAfter(now, SEEN_DAYS)) }, ':type': { S: ITEM_TYPE.trendSeen } },
        ReturnValues: 'UPDATED_OLD',
      }),
    );
    const before = new Set(out.Attributes?.scopes?.SS ?? []);
    return [...new Set(scopes)].filter((s) => !before.has(s));
  }

  /** Adds the increments: one UpdateItem per (scope, day), however many articles they sum. */
  async addCounts(increments: CounterIncrement[], now: Date): Promise<number> {
    const days = dayIncrements(increments);
    const ttl = String(ttlAfter(now, this.retentionDays));
    await eachLimit([...days.values()], UPDATES_IN_FLIGHT, async ({ scope, day, cells }) => {
      const adds: string[] = [];
      const sets = ['#ttl = :ttl', '#type = :type'];
      const names: Record<string, string> = { '#ttl': ATTR.ttl, '#type': ATTR.type };
      const values: Record<string, AttributeValue> = { ':ttl': { N: ttl }, ':type': { S: ITEM_TYPE.trend } };
      for (const [hh, c] of cells) {
        if (c.s) (adds.push(`#s${hh} :s${hh}`), (names[`#s${hh}`] = `s${hh}`), (values[`:s${hh}`] = { N: String(c.s) }));
        if (c.a) (adds.push(`#a${hh} :a${hh}`), (names[`#a${hh}`] = `a${hh}`), (values[`:a${hh}`] = { N: String(c.a) }));
        if (c.newest) (sets.push(`#n${hh} = :n${hh}`), (names[`#n${hh}`] = `n${hh}`), (values[`:n${hh}`] = { S: c.newest.id }));
      }
      if (!adds.length) return;
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: key({ pk: keys.trendCounter(scope), sk: day }),
          UpdateExpression: `ADD ${adds.join(', ')} SET ${sets.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    });
    return days.size;
  }

  /**
   * The hourly cells of one scope from `from` to `to` (instants; every hour whose start lies in
   * [from, to)), hours with nothing counted included as zeros. One Query over the day items.
   */
  async readHours(scope: string, from: number, to: number): Promise<HourCell[]> {
    const first = Math.floor(from / HOUR_MS) * HOUR_MS;
    const days = new Map<string, Item>();
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out: QueryCommandOutput = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#pk': ATTR.pk, '#sk': ATTR.sk },
          ExpressionAttributeValues: { ':pk': { S: keys.trendCounter(scope) }, ':from': { S: hourOf(first).slice(0, 10) }, ':to': { S: hourOf(to - 1).slice(0, 10) } },
          ExclusiveStartKey: start,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.consumedReadUnits += out.ConsumedCapacity?.CapacityUnits ?? 0;
      for (const item of out.Items ?? []) days.set(item[ATTR.sk]!.S!, item);
      start = out.LastEvaluatedKey;
    } while (start);
    const cells: HourCell[] = [];
    for (let t = first; t < to; t += HOUR_MS) {
      const hour = hourOf(t);
      const item = days.get(hour.slice(0, 10));
      const hh = hour.slice(11, 13);
      const newest = item?.[`n${hh}`]?.S;
      cells.push({ hour, stories: Number(item?.[`s${hh}`]?.N ?? 0), articles: Number(item?.[`a${hh}`]?.N ?? 0), ...(newest ? { newest } : {}) });
    }
    return cells;
  }

  /**
   * Stories per scope in the hours [from, to) — a window — read by key in one BatchGetItem per 100
   * day items rather than one Query per scope. The spike pass uses it to pass over, cheaply, every
   * scope whose window is under the rule's minimum before reading any baseline.
   */
  async windowStories(scopes: readonly string[], from: number, to: number): Promise<Map<string, number>> {
    const first = Math.floor(from / HOUR_MS) * HOUR_MS;
    const days = [...new Set(Array.from({ length: Math.ceil((to - first) / HOUR_MS) }, (_, i) => hourOf(first + i * HOUR_MS).slice(0, 10)))];
    const wanted = scopes.flatMap((scope) => days.map((day) => key({ pk: keys.trendCounter(scope), sk: day })));
    const items = await batchGet(this.client, this.tableName, wanted);
    const out = new Map<string, number>(scopes.map((s) => [s, 0]));
    let k = 0;
    for (const scope of scopes)
      for (let d = 0; d < days.length; d++) {
        const item = items[k++];
        if (!item) continue;
        for (let t = first; t < to; t += HOUR_MS) {
          const hour = hourOf(t);
          if (hour.slice(0, 10) === days[d]) out.set(scope, out.get(scope)! + Number(item[`s${hour.slice(11, 13)}`]?.N ?? 0));
        }
      }
    return out;
  }

  /** Every surge that has fired and not yet fallen back (one Query of the spike-state partition). */
  async spikeStates(): Promise<SpikeState[]> {
    const items = await queryAll(this.client, { TableName: this.tableName, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': ATTR.pk }, ExpressionAttributeValues: { ':pk': { S: keys.spikesPartition } } });
    return items.map((i) => ({ ruleId: i.ruleId!.S!, scope: i.scope!.S!, firedAt: i.firedAt!.S!, stories: Number(i.stories?.N ?? 0) }));
  }

  /** Marks a surge as fired; false when it already was (another batch fired it): once per surge. */
  async claimSpike(s: SpikeState, now: Date): Promise<boolean> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: {
            ...key(keys.spikeState(s.ruleId, s.scope)),
            [ATTR.type]: { S: ITEM_TYPE.spikeState },
            ruleId: { S: s.ruleId },
            scope: { S: s.scope },
            firedAt: { S: s.firedAt },
            stories: { N: String(s.stories) },
            [ATTR.ttl]: { N: String(ttlAfter(now, STATE_DAYS)) },
          },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': ATTR.pk },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  /** Re-arms a rule for a scope: its count fell back under the threshold. */
  async releaseSpike(ruleId: string, scope: string): Promise<void> {
    await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: key(keys.spikeState(ruleId, scope)) }));
  }

  /** When counting began (set by the first call): a pair never seen is new only once history is that long. */
  async countingSince(now: Date): Promise<string> {
    const out = await this.client.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: key(keys.trendsSince()),
        UpdateExpression: 'SET #since = if_not_exists(#since, :now), #type = :type',
        ExpressionAttributeNames: { '#since': 'since', '#type': ATTR.type },
        ExpressionAttributeValues: { ':now': { S: now.toISOString() }, ':type': { S: ITEM_TYPE.meta } },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes?.since?.S ?? now.toISOString();
  }

  /**
   * Records that an actor and a region were seen together at `at` and returns when they were last
   * seen together before (undefined the first time). A later `at` never moves the record back.
   */
  async touchPair(actorId: string, regionId: string, at: string, now: Date): Promise<string | undefined> {
    try {
      const out = await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: key(keys.pair(actorId, regionId)),
          UpdateExpression: 'SET #last = :at, #ttl = :ttl, #type = :type',
          ConditionExpression: 'attribute_not_exists(#last) OR #last < :at',
          ExpressionAttributeNames: { '#last': 'last', '#ttl': ATTR.ttl, '#type': ATTR.type },
          ExpressionAttributeValues: { ':at': { S: at }, ':ttl': { N: String(ttlAfter(now, STATE_DAYS)) }, ':type': { S: ITEM_TYPE.pair } },
          ReturnValues: 'UPDATED_OLD',
        }),
      );
      return out.Attributes?.last?.S;
    } catch (err) {
      // Seen together later than `at` already: not new, whatever came before.
      if (err instanceof ConditionalCheckFailedException) return at;
      throw err;
    }
  }
}

/** The trend store on the same table and client as an article store. */
export function trendStoreOf(store: { client: DynamoDBClient; tableName: string; retentionDays: number }): TrendStore {
  return new TrendStore({ client: store.client, tableName: store.tableName, retentionDays: store.retentionDays });
}

/** A table key as attribute values. */
export function key(k: { pk: string; sk: string }): Record<string, AttributeValue> {
  return { [ATTR.pk]: { S: k.pk }, [ATTR.sk]: { S: k.sk } };
}
