import { ConditionalCheckFailedException, DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { AttributeValue as LambdaAttributeValue, Context, DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubAlertingEnv } from './bundled-env';
import type { TaggedArticle } from '../../../shared/model';
import { articleItem } from '../../../shared/store/article-items';

const dynamo = mockClient(DynamoDBClient);
const sns = mockClient(SNSClient);
const context = { functionName: 'alert', awsRequestId: 'req-1' } as Context;
const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:alerts';

function tagged(id: string, title: string, storyKey = title.toLowerCase()): TaggedArticle {
  const tag = (tid: string, name: string, kind: 'country' | 'region') => ({ id: tid, name, kind, score: 1, salient: true, mentions: [] });
  return {
    id,
    url: `https://wire-a.example/${id}`,
    title,
    summary: 'Troops crossed the line after an attack.',
    publishedAt: '2026-11-27T14:00:00.000Z',
    fetchedAt: '2026-11-27T14:01:00.000Z',
    feedName: 'Wire A',
    feedUrl: 'https://wire-a.example/rss',
    storyKey,
    actors: [tag('RU', 'Russia', 'country')],
    regions: [tag('UA', 'Ukraine', 'country')],
  };
}

function insert(seq: string, a: TaggedArticle): DynamoDBRecord {
  const image = articleItem(a, { ttl: 2_000_000_000, now: new Date('2026-11-27T14:01:00Z') }) as Record<string, LambdaAttributeValue>;
  return { eventID: `e${seq}`, eventName: 'INSERT', dynamodb: { SequenceNumber: seq, NewImage: image } };
}

beforeEach(() => {
  stubAlertingEnv({ feeds: [{ url: 'https://wire-a.example/rss', name: 'Wire A' }], rules: [{ id: 'ru-ua', name: 'RU-UA', query: 'actor:RU AND region:UA AND attack', severity: 'critical' }], subscriptions: [], retentionDays: 30 }, TOPIC);
});

afterEach(() => {
  dynamo.reset();
  sns.reset();
  vi.unstubAllEnvs();
});

describe('alert handler', () => {
  it('claims, counts and publishes one alert per new matching article', async () => {
    dynamo.on(PutItemCommand).resolves({});
    dynamo.on(UpdateItemCommand).resolves({ Attributes: { n: { N: '1' } } });
    sns.on(PublishCommand).resolves({ MessageId: 'm' });
    const { handler } = await import('../../../functions/alert');
    const res = await handler({ Records: [insert('1', tagged('a1', 'Attack near Donetsk'))] }, context);
    expect(res).toEqual({ batchItemFailures: [] });
    const claim = dynamo.commandCalls(PutItemCommand).find((c) => c.args[0].input.ConditionExpression);
    expect(claim?.args[0].input.TableName).toBe('news-monitor-test');
    const publish = sns.commandCalls(PublishCommand);
    expect(publish).toHaveLength(1);
    expect(publish[0]!.args[0].input).toMatchObject({ TopicArn: TOPIC, MessageStructure: 'json', MessageAttributes: { ruleId: { StringValue: 'ru-ua' }, delivery: { StringValue: 'instant' } } });
  });

  it('publishes nothing for a story already claimed and for records that are not new articles', async () => {
    dynamo.on(PutItemCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    dynamo.on(UpdateItemCommand).resolves({});
    dynamo.on(UpdateItemCommand, { UpdateExpression: "SET #owner = :owner, #lease = :lease" }).rejects(new ConditionalCheckFailedException({ message: "sent", $metadata: {} })); // the claim is sent: no takeover
    const { handler } = await import('../../../functions/alert');
    const modify = { ...insert('2', tagged('a2', 'Attack again')), eventName: 'MODIFY' as const };
    const res = await handler({ Records: [insert('1', tagged('a1', 'Attack near Donetsk')), modify, { eventName: 'INSERT', dynamodb: { SequenceNumber: '3', NewImage: { type: { S: 'feed-state' } } } }] }, context);
    expect(res).toEqual({ batchItemFailures: [] });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });

  it('reports the records whose alert could not be published, by sequence number', async () => {
    dynamo.on(PutItemCommand).resolves({});
    dynamo.on(UpdateItemCommand).resolves({ Attributes: { n: { N: '1' } } });
    sns.on(PublishCommand).rejectsOnce(new Error('Throttling')).resolves({});
    const { handler } = await import('../../../functions/alert');
    const res = await handler({ Records: [insert('100', tagged('a1', 'Attack one')), insert('101', tagged('a2', 'Attack two'))] }, context);
    expect(res).toEqual({ batchItemFailures: [{ itemIdentifier: '100' }] });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
  });

  it('counts the batch into the trend counters after alerting', async () => {
    dynamo.on(PutItemCommand).resolves({});
    dynamo.on(UpdateItemCommand).resolves({ Attributes: { n: { N: '1' } } });
    sns.on(PublishCommand).resolves({});
    const { handler } = await import('../../../functions/alert');
    await handler({ Records: [insert('1', tagged('a1', 'Attack near Donetsk'))] }, context);
    const keysUpdated = dynamo.commandCalls(UpdateItemCommand).map((c) => c.args[0].input.Key!.pk!.S);
    expect(keysUpdated).toEqual(expect.arrayContaining(['TRENDSEEN#attack near donetsk', 'TREND#a:RU', 'TREND#r:UA', 'TREND#rule:ru-ua']));
  });

  it('reports the whole batch for retry when the trend pass fails, after the story alerts went out', async () => {
    dynamo.on(PutItemCommand).resolves({});
    dynamo.on(UpdateItemCommand).callsFake((input: { Key: { pk: { S: string } } }) => {
      if (input.Key.pk.S.startsWith('TRENDSEEN#')) throw new Error('ProvisionedThroughputExceeded');
      return { Attributes: { n: { N: '1' } } };
    });
    sns.on(PublishCommand).resolves({});
    const { handler } = await import('../../../functions/alert');
    const res = await handler({ Records: [insert('7', tagged('a1', 'Attack near Donetsk')), insert('8', tagged('a2', 'Quiet day', 'quiet day'))] }, context);
    expect(res).toEqual({ batchItemFailures: [{ itemIdentifier: '7' }, { itemIdentifier: '8' }] });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
  });

  it('refuses to start without its environment', async () => {
    vi.stubEnv('TOPIC_ARN', '');
    await expect(import('../../../functions/alert')).rejects.toThrow('TOPIC_ARN environment variable is not set');
  });
});
