// The single writer's local pass against a real dynalite: a journal commits a batch whole or not at
// all, the story index in memory answers what the table answers, and buffered trend counts equal
// the table's own ADDs.
import { BatchWriteItemCommand, GetItemCommand, PutItemCommand, QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import { ArticleStore } from '../../../shared/store';
import { DEFAULT_RETRY } from '../../../shared/store/batch';
import { TrendStore, type CounterIncrement } from '../../../shared/store/counters';
import { CachedStoryIndex } from '../../../shared/store/story-cache';
import { DynamoStoryIndex } from '../../../shared/store/story-index';
import { BufferedTrendStore } from '../../../shared/store/trend-buffer';
import { WriteBehind } from '../../../shared/store/write-behind';
import type { StoryProfile } from '../../../shared/stories/profile';

const now = new Date('2026-11-27T12:00:00Z');
const item = (pk: string, sk: string, v: string) => ({ pk: { S: pk }, sk: { S: sk }, v: { S: v } });

async function table(dynamo: LocalDynamo, name: string): Promise<DynamoDBClient> {
  const client = localDynamoClient(dynamo.endpoint);
  await new ArticleStore({ client, tableName: name }).ensureTable();
  return client;
}

async function get(client: DynamoDBClient, tableName: string, pk: string, sk: string) {
  return (await client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: pk }, sk: { S: sk } }, ConsistentRead: true }))).Item;
}

async function partition(client: DynamoDBClient, tableName: string, pk: string) {
  const out = await client.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: pk } }, ConsistentRead: true }));
  return out.Items ?? [];
}

function profile(id: string, version: number, lastSeen: string): StoryProfile {
  return { id, title: `story ${id}`, firstSeen: '2026-11-27T08:00:00.000Z', lastSeen, lastArticle: `a-${id}`, articles: version, sources: ['abc123'], tags: ['r:UA'], terms: { kyiv: version, drone: 1 }, weights: { kyiv: 7.25, drone: 4.1 }, members: [`a-${id}`], posted: ['kyiv'], postedAt: lastSeen, version };
}

describe('local writes (one writer)', () => {
  let dynamo: LocalDynamo;

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
  });
  afterAll(async () => dynamo?.close());

  it('commits a flush whole and leaves no journal behind', async () => {
    const client = await table(dynamo, 'journal-whole');
    const w = new WriteBehind({ client, tableName: 'journal-whole', retry: DEFAULT_RETRY }, 'test');
    w.put(item('X#1', 'A', 'one'));
    w.put(item('X#2', 'A', 'two'));
    w.delete({ pk: { S: 'X#3' }, sk: { S: 'A' } });
    expect(w.queued({ pk: { S: 'X#1' }, sk: { S: 'A' } })?.v?.S).toBe('one');
    await w.flush();
    expect((await get(client, 'journal-whole', 'X#2', 'A'))?.v?.S).toBe('two');
    expect(await partition(client, 'journal-whole', 'JOURNAL#test')).toEqual([]);
    expect(w.size).toBe(0);
  });

  it('replays a committed journal that a killed process had not applied, and ignores an incomplete one', async () => {
    const client = await table(dynamo, 'journal-replay');
    // The writer dies right after its journal is in: the BatchWriteItem that applies it fails.
    let batches = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if ((context as { commandName?: string }).commandName === 'BatchWriteItemCommand' && ++batches === 2) throw new Error('killed');
        return next(args);
      },
      { step: 'initialize', name: 'dieAfterJournal' },
    );
    const w = new WriteBehind({ client, tableName: 'journal-replay', retry: DEFAULT_RETRY }, 'test');
    w.put(item('Y#1', 'A', 'one'));
    w.put(item('Y#2', 'A', 'two'));
    await expect(w.flush()).rejects.toThrow('killed');
    expect(await get(client, 'journal-replay', 'Y#1', 'A')).toBeUndefined();
    // A part of another flush that never completed (1 of 2 parts): not applied.
    const reader = await table(dynamo, 'journal-replay');
    await reader.send(new PutItemCommand({ TableName: 'journal-replay', Item: { pk: { S: 'JOURNAL#test' }, sk: { S: 'zzz#0000' }, parts: { N: '2' }, ops: { B: new Uint8Array() } } }));
    const next = new WriteBehind({ client: reader, tableName: 'journal-replay', retry: DEFAULT_RETRY }, 'test');
    await next.recover();
    expect((await get(reader, 'journal-replay', 'Y#1', 'A'))?.v?.S).toBe('one');
    expect((await get(reader, 'journal-replay', 'Y#2', 'A'))?.v?.S).toBe('two');
    expect(await partition(reader, 'journal-replay', 'JOURNAL#test')).toEqual([]);
  });

  it('answers postings and profiles exactly as the table does: the newest 40 of a word in the window, newest first', async () => {
    const client = await table(dynamo, 'story-cache');
    const deps = { client, tableName: 'story-cache', retry: DEFAULT_RETRY, retentionDays: 365, now: () => now };
    const direct = new DynamoStoryIndex(deps);
    // A table that has stored articles (the month registry exists), so the cache queries every word.
    await client.send(new PutItemCommand({ TableName: 'story-cache', Item: { pk: { S: 'META' }, sk: { S: 'MONTHS' }, articles: { SS: ['2026-11'] } } }));
    // 60 postings under one word an hour apart, half of them before the cache exists.
    for (let h = 0; h < 30; h++) await direct.post(`s${String(h).padStart(2, '0')}`, ['kyiv'], new Date(Date.parse('2026-11-20T00:00:00Z') + h * 3_600_000).toISOString(), { kyiv: 7 });
    await direct.putStory(profile('s01', 1, '2026-11-20T01:00:00.000Z'), undefined);
    const cached = new CachedStoryIndex(deps);
    const window = ['2026-11-20T05:00:00.000Z', '2026-11-22T10:00:00.000Z'] as const;
    expect(await cached.findPostings(['kyiv', 'drone'], ...window)).toEqual(await direct.findPostings(['kyiv', 'drone'], ...window, true));
    for (let h = 30; h < 60; h++) await cached.post(`s${h}`, ['kyiv'], new Date(Date.parse('2026-11-20T00:00:00Z') + h * 3_600_000).toISOString(), { kyiv: 7 });
    // Before the flush the table lacks them; the cache already answers with them.
    const before = await cached.findPostings(['kyiv'], ...window);
    expect(before).toHaveLength(40);
    expect(before[0]!.storyId).toBe('s58');
    expect(await cached.putStory(profile('s01', 2, '2026-11-21T09:00:00.000Z'), 1)).toBe(true);
    expect(await cached.putStory(profile('s01', 2, '2026-11-21T09:00:00.000Z'), 1)).toBe(false);
    expect(await cached.putStory(profile('s01', 1, '2026-11-20T01:00:00.000Z'), undefined)).toBe(false);
    await cached.flush();
    expect(await direct.findPostings(['kyiv'], ...window, true)).toEqual(before);
    expect([...(await cached.getStories(['s01', 'nope']))]).toEqual([...(await direct.getStories(['s01', 'nope'], true))]);
    expect((await direct.getStories(['s01'], true)).get('s01')?.version).toBe(2);
  });

  it('counts in memory what the table counts with ADD, and commits the counts with the pending records they close', async () => {
    const client = await table(dynamo, 'trend-buffer');
    const plain = new TrendStore({ client, tableName: 'trend-buffer' });
    const buffered = new BufferedTrendStore({ client, tableName: 'trend-buffer', retry: DEFAULT_RETRY });
    const inc = (scope: string, hour: string, stories: number, id?: string): CounterIncrement => ({ scope, hour, stories, articles: 1, ...(id ? { newest: { id, publishedAt: `${hour}:10:00.000Z` } } : {}) });
    const batches = [[inc('r:FR', '2026-11-27T09', 1, 'a1'), inc('r:DE', '2026-11-27T09', 1, 'b1')], [inc('r:FR', '2026-11-27T09', 0), inc('r:FR', '2026-11-27T10', 1, 'a3')]];
    // The same counts into two scopes' names: plain ADDs under `p:`, buffered under `b:`.
    const renamed = (b: CounterIncrement[], prefix: string) => b.map((i) => ({ ...i, scope: prefix + i.scope }));
    for (const b of batches) {
      await plain.addCounts(renamed(b, 'p:'), now);
      await buffered.addCounts(renamed(b, 'b:'), now);
    }
    expect(await plain.claimStoryScopes('story-p', ['r:FR', 'r:DE'], now)).toEqual(['r:FR', 'r:DE']);
    expect(await buffered.claimStoryScopes('story-b', ['r:FR', 'r:DE'], now)).toEqual(['r:FR', 'r:DE']);
    expect(await buffered.claimStoryScopes('story-b', ['r:FR', 'a:nato'], now)).toEqual(['a:nato']);
    await client.send(new BatchWriteItemCommand({ RequestItems: { 'trend-buffer': [{ PutRequest: { Item: { pk: { S: 'PENDING' }, sk: { S: 'rec-1' }, ids: { S: '[]' } } } }] } }));
    buffered.finishPendingAlerts('rec-1');
    expect(await get(client, 'trend-buffer', 'TREND#b:r:FR', '2026-11-27')).toBeUndefined();
    expect(await get(client, 'trend-buffer', 'PENDING', 'rec-1')).toBeDefined();
    await buffered.flush();
    expect(await get(client, 'trend-buffer', 'PENDING', 'rec-1')).toBeUndefined();
    const from = Date.parse('2026-11-27T08:00:00Z');
    const to = Date.parse('2026-11-27T12:00:00Z');
    expect(await buffered.readHours('b:r:FR', from, to)).toEqual(await plain.readHours('p:r:FR', from, to));
    expect(await buffered.readHours('b:r:DE', from, to)).toEqual(await plain.readHours('p:r:DE', from, to));
    expect((await get(client, 'trend-buffer', 'TRENDSEEN#story-b', 'SEEN'))?.scopes?.SS?.sort()).toEqual(['a:nato', 'r:DE', 'r:FR']);
  });
});
