import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubAlertingEnv } from './bundled-env';
import { digestWindow } from '../../../shared/alerts';
import type { AlertMessage } from '../../../shared/model';
import { alertItem } from '../../../shared/store/alert-items';

const dynamo = mockClient(DynamoDBClient);
const sns = mockClient(SNSClient);
const context = { functionName: 'digest', awsRequestId: 'req-1' } as Context;

function claim(i: number, createdAt: string) {
  const message: AlertMessage = {
    ruleId: 'ru-ua',
    severity: 'critical',
    delivery: 'instant',
    article: { id: `a${i}`, url: `https://wire-a.example/${i}`, title: `Story ${i}`, publishedAt: createdAt, feedName: 'Wire A' },
    actors: ['RU'],
    regions: ['UA'],
    email: { subject: 's', body: 'b' },
    sms: 'sms',
  };
  return alertItem({ ruleId: 'ru-ua', storyKey: `story ${i}`, articleId: `a${i}`, createdAt, severity: 'critical', delivery: 'instant', message }, 2_000_000_000);
}

beforeEach(() => {
  stubAlertingEnv({ feeds: [], rules: [{ id: 'ru-ua', name: 'RU-UA', query: 'actor:RU', severity: 'critical' }], subscriptions: [], digestSchedule: 'cron(0 7 * * ? *)' }, 'arn:aws:sns:eu-west-1:123456789012:alerts');
});

afterEach(() => {
  dynamo.reset();
  sns.reset();
  vi.unstubAllEnvs();
});

describe('digest handler', () => {
  it('publishes one digest per rule with delivery=digest for the window asked for', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [claim(2, '2026-11-27T12:00:00.000Z'), claim(1, '2026-11-27T09:00:00.000Z')] });
    sns.on(PublishCommand).resolves({});
    const { handler } = await import('../../../functions/digest');
    const r = await handler({ since: '2026-11-27T07:00:00Z', until: '2026-11-28T07:00:00Z' }, context);
    expect(r).toEqual({ since: '2026-11-27T07:00:00.000Z', until: '2026-11-28T07:00:00.000Z', digests: 1, alerts: 2 });
    const q = dynamo.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(q.ExpressionAttributeValues?.[':lo']).toEqual({ S: '2026-11-27T07:00:00.000Z' });
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input.MessageAttributes?.delivery).toEqual({ DataType: 'String', StringValue: 'digest' });
    expect(input.Subject).toBe('[digest] RU-UA: 2 alerts');
  });

  it('sends nothing when no rule had alerts', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    const { handler } = await import('../../../functions/digest');
    expect(await handler({}, context)).toMatchObject({ digests: 0, alerts: 0 });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });
});

describe('digestWindow', () => {
  const now = new Date('2026-11-28T07:00:05Z');
  it('covers the schedule period that ends now when invoked by the schedule', () => {
    expect(digestWindow({ 'detail-type': 'Scheduled Event' }, 86_400_000, now)).toEqual({ since: '2026-11-27T07:00:05.000Z', until: '2026-11-28T07:00:05.000Z' });
  });
  it('ends the window at the scheduled time when the schedule passes it, so a late retry covers the same period', () => {
    expect(digestWindow({ scheduledTime: '2026-11-28T07:00:00Z' }, 86_400_000, now)).toEqual({ since: '2026-11-27T07:00:00.000Z', until: '2026-11-28T07:00:00.000Z' });
  });
  it('rejects a window that is not dates or runs backwards', () => {
    expect(() => digestWindow({ since: 'yesterday' }, 1, now)).toThrow('digest window: since is not a date: "yesterday"');
    expect(() => digestWindow({ since: '2026-11-29T00:00:00Z' }, 1, now)).toThrow(/is after until/);
  });
});
