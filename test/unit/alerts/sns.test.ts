import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertPublishError, compileRules, formatAlert, matchRule, SnsPublisher } from '../../../shared/alerts';
import { article, testLookup } from './fixtures';

const sns = mockClient(SNSClient);
afterEach(() => sns.reset());

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:alerts';
const [rule] = compileRules([{ id: 'ru-ua', name: 'Russia–Ukraine escalation', query: 'actor:RU AND attack', severity: 'critical' }], { lookup: testLookup }).rules;

function message(over = {}) {
  const a = article(over);
  return formatAlert(rule!, a, matchRule(rule!, a)!);
}

describe('SnsPublisher', () => {
  it('publishes one JSON-structured message with default, email, sms and lambda texts', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm1' });
    const msg = message();
    await new SnsPublisher({ client: new SNSClient({ region: 'eu-west-1' }), topicArn: TOPIC }).publish(msg);
    const calls = sns.commandCalls(PublishCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input.TopicArn).toBe(TOPIC);
    expect(input.MessageStructure).toBe('json');
    const body = JSON.parse(input.Message!) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['default', 'email', 'lambda', 'sms']);
    // The webhook function gets the whole outbox line, which a json webhook receives as it is.
    expect(JSON.parse(body.lambda!)).toEqual(msg);
    expect(body.email).toBe(msg.email.body);
    expect(body.sms).toBe(msg.sms);
    expect(body.sms!.length).toBeLessThanOrEqual(160);
    expect(JSON.parse(body.default!)).toMatchObject({ ruleId: 'ru-ua', article: { id: 'a1' }, actors: ['RU'] });
  });

  it('sends the attributes that filter policies select on, arrays JSON-encoded', async () => {
    sns.on(PublishCommand).resolves({});
    await new SnsPublisher({ client: new SNSClient({ region: 'eu-west-1' }), topicArn: TOPIC }).publish(message());
    expect(sns.commandCalls(PublishCommand)[0]!.args[0].input.MessageAttributes).toEqual({
      ruleId: { DataType: 'String', StringValue: 'ru-ua' },
      severity: { DataType: 'String', StringValue: 'critical' },
      delivery: { DataType: 'String', StringValue: 'instant' },
      actors: { DataType: 'String.Array', StringValue: '["RU"]' },
      regions: { DataType: 'String.Array', StringValue: '["donetsk-oblast","donbas","UA"]' },
    });
  });

  it('leaves out a tag attribute whose list is empty', async () => {
    sns.on(PublishCommand).resolves({});
    await new SnsPublisher({ client: new SNSClient({ region: 'eu-west-1' }), topicArn: TOPIC }).publish({ ...message(), regions: [] });
    expect(Object.keys(sns.commandCalls(PublishCommand)[0]!.args[0].input.MessageAttributes!).sort()).toEqual(['actors', 'delivery', 'ruleId', 'severity']);
  });

  it('sends an ASCII subject under 100 characters, as SNS requires', async () => {
    sns.on(PublishCommand).resolves({});
    await new SnsPublisher({ client: new SNSClient({ region: 'eu-west-1' }), topicArn: TOPIC }).publish(message({ title: `Attack on Kyïv — “${'long '.repeat(30)}”` }));
    const subject = sns.commandCalls(PublishCommand)[0]!.args[0].input.Subject!;
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
    expect(subject.length).toBeLessThan(100);
    expect(subject).toContain('[critical] Russia-Ukraine escalation: Attack on Kyiv - "long');
  });

  it('names the rule and the article when SNS refuses the message', async () => {
    sns.on(PublishCommand).rejects(new Error('Invalid parameter: TopicArn'));
    const p = new SnsPublisher({ client: new SNSClient({ region: 'eu-west-1' }), topicArn: TOPIC }).publish(message());
    await expect(p).rejects.toBeInstanceOf(AlertPublishError);
    await expect(p).rejects.toThrow('could not publish alert ru-ua for article a1: Invalid parameter: TopicArn');
  });
});
