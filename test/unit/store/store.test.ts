import { BatchWriteItemCommand, ConditionalCheckFailedException, DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaggedArticle } from '../../../shared/model';
import { ArticleStore } from '../../../shared/store';
import { articleItem } from '../../../shared/store/article-items';

const ddb = mockClient(DynamoDBClient);
const NOW = new Date('2026-11-28T00:00:00Z');
const store = () => new ArticleStore({ client: new DynamoDBClient({ region: 'local' }), tableName: 't', now: () => NOW });
const article: TaggedArticle = {
  id: 'abc', url: 'https://x/a', title: 'T', summary: 'S', publishedAt: '2026-11-27T10:00:00.000Z', fetchedAt: '2026-11-27T10:00:00.000Z', feedName: 'F', feedUrl: 'https://x/rss', storyKey: 't',
  actors: [{ id: 'nato', name: 'NATO', kind: 'organization', score: 1, salient: true, mentions: [] }], regions: [],
};
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

afterEach(() => ddb.reset());

describe('ArticleStore.putArticle', () => {
  it('decides "new" with one conditional put, then writes the listings and the marker', async () => {
    ddb.on(GetItemCommand).resolves({}).on(UpdateItemCommand).resolves({}).on(PutItemCommand).resolves({}).on(BatchWriteItemCommand).resolves({});
    expect(await store().putArticle(article)).toBe('new');
    const puts = ddb.commandCalls(PutItemCommand).map((c) => c.args[0].input);
    expect(puts[0]).toMatchObject({ ConditionExpression: 'attribute_not_exists(#pk)', Item: { type: { S: 'article' } } });
    expect(puts[1]).toMatchObject({ Item: { sk: { S: 'INDEXED' } } });
    expect(puts[1]!.ConditionExpression).toBeUndefined();
    expect(ddb.commandCalls(BatchWriteItemCommand)).toHaveLength(1);
  });

  it('answers "duplicate" from the marker alone, writing nothing', async () => {
    ddb.on(GetItemCommand).resolves({ Item: { pk: { S: 'ARTICLE#abc' } } });
    expect(await store().putArticle(article)).toBe('duplicate');
    expect(ddb.commandCalls(PutItemCommand)).toHaveLength(0);
    expect(ddb.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
  });

  it('completes a half-written article from the stored item when the conditional put fails', async () => {
    const stored = articleItem({ ...article, title: 'stored first' }, { ttl: 99, now: NOW });
    ddb.on(GetItemCommand).resolves({}).on(GetItemCommand, { ConsistentRead: true }).resolves({ Item: stored });
    ddb.on(UpdateItemCommand).resolves({}).on(BatchWriteItemCommand).resolves({});
    ddb.on(PutItemCommand).resolves({}).on(PutItemCommand, { ConditionExpression: 'attribute_not_exists(#pk)' }).rejects(conditionFailed());
    expect(await store().putArticle(article)).toBe('duplicate');
    const listing = ddb.commandCalls(BatchWriteItemCommand)[0]!.args[0].input.RequestItems!.t![0]!.PutRequest!.Item!;
    expect(listing).toMatchObject({ pk: { S: 'TAG#a:nato#2026-11' }, ttl: { N: '99' } });
  });

  it('lets other DynamoDB errors through', async () => {
    ddb.on(GetItemCommand).resolves({}).on(UpdateItemCommand).resolves({}).on(PutItemCommand).rejects(new Error('ProvisionedThroughputExceeded'));
    await expect(store().putArticle(article)).rejects.toThrow('ProvisionedThroughputExceeded');
  });

  it('registers each month once per process', async () => {
    ddb.on(GetItemCommand).resolves({}).on(UpdateItemCommand).resolves({}).on(PutItemCommand).resolves({}).on(BatchWriteItemCommand).resolves({});
    const s = store();
    await s.putArticle(article);
    await s.putArticle({ ...article, id: 'def' });
    expect(ddb.commandCalls(UpdateItemCommand)).toHaveLength(1);
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
