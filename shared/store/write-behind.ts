// Local runs (one writer: the embedded store): writes held in memory and committed together. A
// flush first writes the whole batch as a journal (one item, or several parts that count only when
// all are present), then applies it with BatchWriteItem, then deletes the journal. A process killed
// anywhere leaves either no complete journal (nothing of the batch applied) or a complete one, which
// the next process replays before it reads anything (`recover`): the batch lands whole or not at all,
// which BatchWriteItem alone does not promise (docs/STORE.md, "Local passes").
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DeleteItemCommand, type DynamoDBClient, type WriteRequest } from '../clients/sdk/dynamodb';
import { itemBytes, n, type Item } from './attr';
import { batchWrite, queryAll, type RetryPolicy } from './batch';
import { ATTR, ITEM_TYPE, keys } from './keys';

/** A journal part stays well under DynamoDB's 400 KB item limit. */
const PART_BYTES = 300_000;

/** One buffered write: the item to put, or the key to delete. */
type Op = { put: Item } | { del: Item };

const idOf = (k: Item): string => `${k[ATTR.pk]?.S}\u0000${k[ATTR.sk]?.S}`;
const keyOf = (i: Item): Item => ({ [ATTR.pk]: i[ATTR.pk]!, [ATTR.sk]: i[ATTR.sk]! });

/** Puts and deletes buffered in memory, applied all together by `flush` (see the file comment). */
export class WriteBehind {
  private ops = new Map<string, Op>();
  private queuedBytes = 0;
  private recovered: Promise<void> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private flushes = 0;

  constructor(
    private readonly deps: { client: DynamoDBClient; tableName: string; retry: RetryPolicy },
    /** Names the journal (`stories`, `trends`): each writer of the process has its own. */
    readonly name: string,
  ) {}

  /** Buffers a put (a later write of the same key replaces it). */
  put(item: Item): void {
    this.queuedBytes += itemBytes(item);
    this.ops.set(idOf(item), { put: item });
  }

  /** Buffers a delete. */
  delete(key: Item): void {
    this.queuedBytes += itemBytes(key);
    this.ops.set(idOf(key), { del: keyOf(key) });
  }

  /** The buffered item of a key: the item, `null` for a buffered delete, undefined when the key is not buffered. */
  queued(key: Item): Item | null | undefined {
    const op = this.ops.get(idOf(key));
    return op === undefined ? undefined : 'put' in op ? op.put : null;
  }

  /** The buffered puts whose partition key is `pk` (what a Query of that partition would also find). */
  queuedIn(pk: string): Item[] {
    const out: Item[] = [];
    for (const op of this.ops.values()) if ('put' in op && op.put[ATTR.pk]?.S === pk) out.push(op.put);
    return out;
  }

  /** Writes buffered and not yet flushed. */
  get size(): number {
    return this.ops.size;
  }

  /** Bytes buffered (roughly what the journal will hold). */
  get bytes(): number {
    return this.queuedBytes;
  }

  /** Replays a journal an interrupted process left (once per instance; every read of the buffered data waits for it). */
  recover(): Promise<void> {
    this.recovered ??= this.replay();
    return this.recovered;
  }

  /** Applies every buffered write: journal, writes, journal deleted. Flushes run one after another. */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.flushNow());
    // A failed flush fails its caller; the next one still runs.
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private async flushNow(): Promise<void> {
    await this.recover();
    if (!this.ops.size) return;
    const ops = [...this.ops.values()];
    const requests: WriteRequest[] = ops.map((op) => ('put' in op ? { PutRequest: { Item: op.put } } : { DeleteRequest: { Key: op.del } }));
    if (ops.length === 1) {
      // One write is atomic by itself.
      await batchWrite(this.deps.client, this.deps.tableName, requests, this.deps.retry);
    } else {
      const parts = this.journalParts(ops);
      await batchWrite(this.deps.client, this.deps.tableName, parts.map((Item) => ({ PutRequest: { Item } })), this.deps.retry);
      await batchWrite(this.deps.client, this.deps.tableName, requests, this.deps.retry);
      await batchWrite(this.deps.client, this.deps.tableName, parts.map((p) => ({ DeleteRequest: { Key: keyOf(p) } })), this.deps.retry);
    }
    // Cleared only once applied: a failed flush throws with the writes still buffered.
    const done = new Set(ops);
    for (const [id, op] of [...this.ops]) if (done.has(op)) this.ops.delete(id);
    this.queuedBytes = 0;
    for (const op of this.ops.values()) this.queuedBytes += itemBytes('put' in op ? op.put : op.del);
  }

  /** The journal items of one flush: parts of at most PART_BYTES of writes (stored deflated), each naming how many there are. */
  private journalParts(ops: Op[]): Item[] {
    const groups: Op[][] = [[]];
    let bytes = 0;
    for (const op of ops) {
      const size = itemBytes('put' in op ? op.put : op.del) + 16;
      if (bytes + size > PART_BYTES && groups.at(-1)!.length) (groups.push([]), (bytes = 0));
      groups.at(-1)!.push(op);
      bytes += size;
    }
    const flushId = `${Date.now().toString(36)}-${process.pid.toString(36)}-${(this.flushes++).toString(36)}`;
    return groups.map((g, i) => ({
      [ATTR.pk]: { S: keys.journalPartition(this.name) },
      [ATTR.sk]: { S: keys.journalSortKey(flushId, i) },
      [ATTR.type]: { S: ITEM_TYPE.journal },
      parts: n(groups.length),
      // One binary attribute: a fifth of the bytes, and nothing nested for the store to walk.
      ops: { B: deflateRawSync(JSON.stringify(g, bytesOut)) },
    }));
  }

  private async replay(): Promise<void> {
    const found = await queryAll(this.deps.client, {
      TableName: this.deps.tableName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': ATTR.pk },
      ExpressionAttributeValues: { ':pk': { S: keys.journalPartition(this.name) } },
      ConsistentRead: true,
    });
    if (!found.length) return;
    // Parts grouped by flush, in the order they were written; only a complete flush was committed.
    const flushes = new Map<string, Item[]>();
    for (const item of found) {
      const sk = item[ATTR.sk]!.S!;
      const id = sk.slice(0, sk.lastIndexOf('#'));
      flushes.set(id, [...(flushes.get(id) ?? []), item]);
    }
    for (const parts of flushes.values()) {
      if (parts.length !== Number(parts[0]!.parts?.N ?? 0)) continue;
      const requests: WriteRequest[] = parts.flatMap((p) => (JSON.parse(inflateRawSync(p.ops!.B!).toString('utf8'), bytesIn) as Op[]).map((op) => ('put' in op ? { PutRequest: { Item: op.put } } : { DeleteRequest: { Key: op.del } })));
      await batchWrite(this.deps.client, this.deps.tableName, requests, this.deps.retry);
    }
    for (const item of found) await this.deps.client.send(new DeleteItemCommand({ TableName: this.deps.tableName, Key: keyOf(item) }));
  }
}

// Binary attribute values survive the journal's JSON as base64.
function bytesOut(this: Record<string, unknown>, k: string, v: unknown): unknown {
  const raw = this[k];
  return raw instanceof Uint8Array ? { $b: Buffer.from(raw).toString('base64') } : v;
}

function bytesIn(_k: string, v: unknown): unknown {
  return v && typeof v === 'object' && typeof (v as { $b?: unknown }).$b === 'string' && Object.keys(v).length === 1 ? Buffer.from((v as { $b: string }).$b, 'base64') : v;
}
