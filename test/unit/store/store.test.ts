import { BatchGetItemCommand, BatchWriteItemCommand, ConditionalCheckFailedException, DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaggedArticle } from '../../../shared/model';
import { ArticleStore } from '../../../shared/store';
import { articleItem } from '../../../shared/store/article-items';

const ddb = mockClient(DynamoDBClient);
const NOW = new Date('2026-11-28T00:00:00Z');
const store = () => new ArticleStore({ client: new DynamoDBClient({ region: 'local' }), tableName: 't', now: () => NOW, clusterStories: false }); // the article write path alone (stories: test/unit/stories)
const article: TaggedArticle = {
  id: 'abc', url: 'https://x/a', title: 'T', summary: 'S', publishedAt: '2026-11-27T10:00:00.000Z', fetchedAt: '2026-11-27T10:00:00.000Z', feedName: 'F', feedUrl: 'https://x/rss', storyKey: 't',
  actors: [{ id: 'nato', name: 'NATO', kind: 'organization', score: 1, salient: true, mentions: [] }], regions: [],
};
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

afterEach(() => ddb.reset());

const marker = (id: string) => ({ pk: { S: `ARTICLE#${id}` }, sk: { S: 'INDEXED' } });
const markersFound = (...ids: string[]) => ({ Responses: { t: ids.map(marker) } });
const batchWrites = () => ddb.commandCalls(BatchWriteItemCommand).map((c) => c.args[0].input.RequestItems!.t!);

describe('ArticleStore.putArticle', () => {
  it('decides "new" with one conditional put, then writes the listings and, after them, the marker', async () => {
    ddb.on(BatchGetItemCommand).resolves({}).on(UpdateItemCommand).resolves({}).on(PutItemCommand).resolves({}).on(BatchWriteItemCommand).resolves({});
    expect(await store().putArticle(article)).toBe('new');
    const puts = ddb.commandCalls(PutItemCommand).map((c) => c.args[0].input);
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ ConditionExpression: 'attribute_not_exists(#pk)', Item: { type: { S: 'article' } } });
    const [listings, markers] = batchWrites();
    expect(listings).toEqual([{ PutRequest: { Item: expect.objectContaining({ pk: { S: 'TAG#a:nato#2026-11' } }) } }]);
    expect(markers).toEqual([{ PutRequest: { Item: expect.objectContaining(marker('abc')) } }]);
  });

  it('answers "duplicate" from the marker alone, writing nothing', async () => {
    ddb.on(BatchGetItemCommand).resolves(markersFound('abc'));
    expect(await store().putArticle(article)).toBe('duplicate');
    expect(ddb.commandCalls(PutItemCommand)).toHaveLength(0);
    expect(ddb.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
    expect(ddb.commandCalls(UpdateItemCommand)).toHaveLength(0);
  });

  it('completes a half-written article from the stored item when the conditional put fails', async () => {
    const stored = articleItem({ ...article, title: 'stored first' }, { ttl: 99, now: NOW });
    ddb.on(BatchGetItemCommand).resolves({}).on(BatchGetItemCommand, { RequestItems: { t: { Keys: [{ pk: { S: 'ARTICLE#abc' }, sk: { S: 'ARTICLE' } }], ConsistentRead: true } } }).resolves({ Responses: { t: [stored] } });
    ddb.on(UpdateItemCommand).resolves({}).on(BatchWriteItemCommand).resolves({});
    ddb.on(PutItemCommand).rejects(conditionFailed());
    expect(await store().putArticle(article)).toBe('duplicate');
    const [listings, markers] = batchWrites();
    expect(listings![0]!.PutRequest!.Item).toMatchObject({ pk: { S: 'TAG#a:nato#2026-11' }, ttl: { N: '99' } });
    expect(markers![0]!.PutRequest!.Item).toMatchObject({ ...marker('abc'), ttl: { N: '99' } });
  });

  it('lets other DynamoDB errors through and writes no listing or marker', async () => {
    ddb.on(BatchGetItemCommand).resolves({}).on(UpdateItemCommand).resolves({}).on(PutItemCommand).rejects(new Error('ProvisionedThroughputExceeded'));
    await expect(store().putArticle(article)).rejects.toThrow('ProvisionedThroughputExceeded');
    expect(ddb.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
  });

  it('registers each month once per process', async () => {
    ddb.on(BatchGetItemCommand).resolves({}).on(UpdateItemCommand).resolves({}).on(PutItemCommand).resolves({}).on(BatchWriteItemCommand).resolves({});
    const s = store();
    await s.putArticle(article);
    await s.putArticle({ ...article, id: 'def' });
    expect(ddb.commandCalls(UpdateItemCommand)).toHaveLength(1);
  });

  it('refuses an article without an id', async () => {
    await expect(store().putArticle({ ...article, id: '' })).rejects.toThrow(/without an id/);
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe('ArticleStore.putArticles', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ...article, id: `id${i}`, publishedAt: `2026-${String(1 + (i % 3)).padStart(2, '0')}-15T10:00:00.000Z` }));

  it('reads every marker with one BatchGetItem and answers in input order', async () => {
    ddb.on(BatchGetItemCommand).resolves(markersFound('id1', 'id3')).on(UpdateItemCommand).resolves({}).on(PutItemCommand).resolves({}).on(BatchWriteItemCommand).resolves({});
    expect(await store().putArticles(many(5))).toEqual(['new', 'duplicate', 'new', 'duplicate', 'new']);
    expect(ddb.commandCalls(BatchGetItemCommand)).toHaveLength(1);
    expect(ddb.commandCalls(PutItemCommand).map((c) => c.args[0].input.Item!.id!.S).sort()).toEqual(['id0', 'id2', 'id4']);
  });

  it('registers all the months of a call in one update', async () => {
    ddb.on(BatchGetItemCommand).resolves({}).on(UpdateItemCommand).resolves({}).on(PutItemCommand).resolves({}).on(BatchWriteItemCommand).resolves({});
    await store().putArticles(many(6));
    const updates = ddb.commandCalls(UpdateItemCommand);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args[0].input.ExpressionAttributeValues![':m']!.SS!.sort()).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('writes markers only after every listing item of the call is in', async () => {
    const order: string[] = [];
    ddb.on(BatchGetItemCommand).resolves({}).on(UpdateItemCommand).resolves({}).on(PutItemCommand).resolves({});
    ddb.on(BatchWriteItemCommand).callsFake(async (input: { RequestItems: Record<string, { PutRequest: { Item: Record<string, { S?: string }> } }[]> }) => {
      await new Promise((r) => setTimeout(r, 5));
      for (const w of input.RequestItems.t!) order.push(w.PutRequest.Item.sk!.S === 'INDEXED' ? 'marker' : 'listing');
      return {};
    });
    await store().putArticles(many(60));
    expect(order.filter((o) => o === 'listing')).toHaveLength(60);
    expect(order.lastIndexOf('listing')).toBeLessThan(order.indexOf('marker'));
  });

  it('answers "duplicate" for an id repeated within the call, putting it once', async () => {
    ddb.on(BatchGetItemCommand).resolves({}).on(UpdateItemCommand).resolves({}).on(PutItemCommand).resolves({}).on(BatchWriteItemCommand).resolves({});
    expect(await store().putArticles([article, { ...article, title: 'again' }, { ...article, id: 'other' }])).toEqual(['new', 'duplicate', 'new']);
    expect(ddb.commandCalls(PutItemCommand)).toHaveLength(2);
    expect(ddb.commandCalls(BatchGetItemCommand)[0]!.args[0].input.RequestItems!.t!.Keys).toHaveLength(2);
  });

  it('completes the articles whose put went through before passing on another article\'s error', async () => {
    ddb.on(BatchGetItemCommand).resolves({}).on(UpdateItemCommand).resolves({}).on(BatchWriteItemCommand).resolves({});
    ddb.on(PutItemCommand).callsFake(async (input: { Item: { id: { S: string } } }) => {
      if (input.Item.id.S === 'id1') throw new Error('ProvisionedThroughputExceeded');
      return {};
    });
    await expect(store().putArticles(many(3))).rejects.toThrow('ProvisionedThroughputExceeded');
    const [listings, markers] = batchWrites();
    expect(listings!.map((w) => w.PutRequest!.Item!.sk!.S!.split('#')[1]).sort()).toEqual(['id0', 'id2']);
    expect(markers!.map((w) => w.PutRequest!.Item!.pk!.S).sort()).toEqual(['ARTICLE#id0', 'ARTICLE#id2']);
  });

  it('makes no request for an empty list', async () => {
    expect(await store().putArticles([])).toEqual([]);
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe('ArticleStore alerts', () => {
  it('claims with a conditional put and reports a second claim as false', async () => {
    ddb.on(UpdateItemCommand).resolves({}).on(PutItemCommand).resolvesOnce({}).rejects(conditionFailed());
    const claim = { ruleId: 'r', storyKey: 's', articleId: 'a', createdAt: '2026-11-27T10:00:00Z', severity: 'info' as const, delivery: 'instant' as const, message: {} as never };
    expect(await store().claimAlert(claim)).toBe(true);
    expect(await store().claimAlert(claim)).toBe(false);
    expect(ddb.commandCalls(PutItemCommand)[0]!.args[0].input).toMatchObject({ ConditionExpression: 'attribute_not_exists(#pk)', Item: { pk: { S: 'ALERT#r#s' }, createdAt: { S: '2026-11-27T10:00:00.000Z' } } });
  });

  it('counts with an atomic ADD and returns the new value', async () => {
    ddb.on(UpdateItemCommand).resolves({ Attributes: { n: { N: '4' } } });
    expect(await store().countAlert('r', '2026-11-27T10')).toBe(4);
    expect(ddb.commandCalls(UpdateItemCommand)[0]!.args[0].input).toMatchObject({ Key: { pk: { S: 'COUNT#r#2026-11-27T10' } }, UpdateExpression: expect.stringMatching(/^ADD #n :one/) });
  });
});
