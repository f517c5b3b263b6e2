// BatchWriteItem / BatchGetItem with their limits (25 writes, 100 reads a call) and DynamoDB's
// "unprocessed" answers retried with capped exponential backoff and full jitter.
import { BatchGetItemCommand, type BatchGetItemCommandOutput, BatchWriteItemCommand, paginateQuery, type DynamoDBClient, type KeysAndAttributes, type QueryCommandInput, type WriteRequest } from '../clients/sdk/dynamodb';
import type { Item } from './attr';
import { StoreError } from './errors';
import { eachLimit } from './pool';

/** How hard to retry unprocessed items (tests shorten the delays). */
export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

/** Eight attempts, 25 ms doubling to at most 2 s, with full jitter. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseMs: 25, maxMs: 2000 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const backoff = (p: RetryPolicy, attempt: number) => Math.random() * Math.min(p.maxMs, p.baseMs * 2 ** attempt);

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** BatchWriteItem calls in flight at once for one batchPut (a big call's listings go out in parallel). */
const WRITE_CALLS_IN_FLIGHT = 4;

/** Puts every item, 25 a call (a few calls at once), retrying unprocessed ones; throws StoreError if some never go through. */
export async function batchPut(client: DynamoDBClient, table: string, items: Item[], retry: RetryPolicy = DEFAULT_RETRY): Promise<void> {
  await batchWrite(client, table, items.map((Item) => ({ PutRequest: { Item } })), retry);
}

/** Puts and deletes (each key at most once), 25 a call, retried like batchPut. */
export async function batchWrite(client: DynamoDBClient, table: string, requests: WriteRequest[], retry: RetryPolicy = DEFAULT_RETRY): Promise<void> {
  await eachLimit(chunks(requests, 25), WRITE_CALLS_IN_FLIGHT, async (chunk) => {
    let pending: WriteRequest[] = chunk;
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt >= retry.attempts) throw new StoreError(`${pending.length} of ${requests.length} items stayed unprocessed after ${retry.attempts} attempts (throttled)`);
      if (attempt > 0) await sleep(backoff(retry, attempt));
      const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
      pending = out.UnprocessedItems?.[table] ?? [];
    }
  });
}

/**
 * Reads items by key, 100 a call, retrying unprocessed keys; the result is in the order of `keys`
 * (undefined where missing). `consistent` asks for strongly consistent reads (twice the read cost).
 */
export async function batchGet(client: DynamoDBClient, table: string, keys: Item[], retry: RetryPolicy = DEFAULT_RETRY, opts: { consistent?: boolean; attributes?: string[] } = {}): Promise<(Item | undefined)[]> {
  const found = new Map<string, Item>();
  const id = (k: Item) => `${k.pk?.S}\u0000${k.sk?.S}`;
  // `attributes`: read only these (plus the keys, which match answers to questions), e.g. a story id
  // instead of a whole 10 KB article.
  const names = opts.attributes ? [...new Set(['pk', 'sk', ...opts.attributes])] : undefined;
  const projection = names
    ? { ProjectionExpression: names.map((_, i) => `#a${i}`).join(', '), ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#a${i}`, n])) }
    : {};
  for (const chunk of chunks(dedupe(keys, id), 100)) {
    const consistency = opts.consistent ? { ConsistentRead: true } : {};
    let pending: KeysAndAttributes | undefined = { Keys: chunk, ...consistency, ...projection };
    for (let attempt = 0; pending?.Keys?.length; attempt++) {
      if (attempt >= retry.attempts) throw new StoreError(`${pending.Keys.length} reads stayed unprocessed after ${retry.attempts} attempts (throttled)`);
      if (attempt > 0) await sleep(backoff(retry, attempt));
      const out: BatchGetItemCommandOutput = await client.send(new BatchGetItemCommand({ RequestItems: { [table]: pending } }));
      for (const item of out.Responses?.[table] ?? []) found.set(id(item), item);
      const left = out.UnprocessedKeys?.[table];
      pending = left ? { ...left, ...consistency, ...projection } : undefined;
    }
  }
  return keys.map((k) => found.get(id(k)));
}

function dedupe(keys: Item[], id: (k: Item) => string): Item[] {
  const seen = new Set<string>();
  return keys.filter((k) => !seen.has(id(k)) && seen.add(id(k)));
}

/** Every item of a Query, all pages (the SDK's paginator): for partitions a caller must read whole. */
export async function queryAll(client: DynamoDBClient, input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of paginateQuery({ client }, input)) items.push(...(page.Items ?? []));
  return items;
}
