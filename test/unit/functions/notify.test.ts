import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sns = mockClient(SNSClient);
const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:ops';

beforeEach(() => {
  vi.stubEnv('TOPIC_ARN', TOPIC);
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
  vi.resetModules();
  sns.on(PublishCommand).resolves({ MessageId: 'm1' });
});
afterEach(() => {
  sns.reset();
  vi.unstubAllEnvs();
});

describe('notify handler (lean profile)', () => {
  it('publishes an alarm state change to the ops topic with the alarm, its state and its description', async () => {
    const { handler } = await import('../../../functions/notify');
    await handler(
      {
        alarmArn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:NewsMonitor-FeedDeadLetters',
        alarmData: { alarmName: 'NewsMonitor-FeedDeadLetters', state: { value: 'ALARM', reason: 'Threshold Crossed: 1 datapoint [2.0] > 0', timestamp: '2026-12-02T01:00:00Z' }, previousState: { value: 'OK' }, configuration: { description: 'Feed messages failed three times' } },
      },
      { functionName: 'notify', awsRequestId: 'r' } as Context,
    );
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ TopicArn: TOPIC, Subject: 'ALARM: NewsMonitor-FeedDeadLetters' });
    expect(input.Message).toContain('is ALARM (was OK)');
    expect(input.Message).toContain('Feed messages failed three times');
    expect(input.Message).toContain('Threshold Crossed');
  });
});
