import { GetSubscriptionAttributesCommand, ListSubscriptionsByTopicCommand, SNSClient, SubscribeCommand, UnsubscribeCommand } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../../cli/main';

const sns = mockClient(SNSClient);
const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:news-monitor-alerts';
const SUB = `${TOPIC}:0b7a4c1e-2f3d-4e5a-9b8c-7d6e5f4a3b2c`;

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  vi.stubEnv('NEWS_MONITOR_TOPIC_ARN', '');
});
afterEach(() => {
  sns.reset();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('news-monitor subscribe', () => {
  it('subscribes an email address with the filter policy and explains the confirmation step', async () => {
    sns.on(SubscribeCommand).resolves({ SubscriptionArn: 'pending confirmation' });
    const code = await main(['subscribe', '--protocol', 'email', '--endpoint', 'ops@example.org', '--rule', 'ru-ua', '--rule', 'black-sea', '--min-severity', 'warning', '--topic-arn', TOPIC]);
    expect(code).toBe(0);
    expect(sns.commandCalls(SubscribeCommand)[0]!.args[0].input).toEqual({
      TopicArn: TOPIC,
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      Attributes: { FilterPolicy: JSON.stringify({ ruleId: ['ru-ua', 'black-sea'], severity: ['warning', 'critical'], delivery: ['instant'] }), FilterPolicyScope: 'MessageAttributes' },
    });
    expect(out).toContain('AWS has sent a confirmation email to ops@example.org');
    expect(out).toContain('"Confirm subscription" link');
  });

  it('takes the topic from NEWS_MONITOR_TOPIC_ARN and subscribes a phone number for digests', async () => {
    vi.stubEnv('NEWS_MONITOR_TOPIC_ARN', TOPIC);
    sns.on(SubscribeCommand).resolves({ SubscriptionArn: SUB });
    expect(await main(['subscribe', '--protocol', 'sms', '--endpoint', '+14155550123', '--delivery', 'digest', '--json'])).toBe(0);
    const input = sns.commandCalls(SubscribeCommand)[0]!.args[0].input;
    expect(input.TopicArn).toBe(TOPIC);
    expect(JSON.parse(input.Attributes!.FilterPolicy!)).toEqual({ delivery: ['digest'] });
    expect(JSON.parse(out)).toMatchObject({ subscriptionArn: SUB, protocol: 'sms', pendingConfirmation: false });
  });

  it.each([
    [['--protocol', 'sms', '--endpoint', '0044 7911 123456'], '--endpoint "0044 7911 123456" is not a phone number in E.164 form: + then country code and number, no spaces (+14155550123)'],
    [['--protocol', 'email', '--endpoint', 'ops@example'], '--endpoint "ops@example" is not an email address'],
    [['--protocol', 'pager', '--endpoint', 'x'], '--protocol must be email or sms, got "pager"'],
    [['--protocol', 'webhook', '--endpoint', 'https://hooks.example.org/x'], "--protocol webhook: add the webhook to the config's subscriptions and deploy (the webhook function delivers it; see docs/DEPLOY.md, Webhooks)"],
    [['--protocol', 'email', '--endpoint', 'a@b.org', '--min-severity', 'urgent'], '--min-severity must be one of info, warning, critical, got "urgent"'],
    [['--protocol', 'email', '--endpoint', 'a@b.org', '--delivery', 'weekly'], '--delivery must be instant or digest, got "weekly"'],
  ])('refuses %j in one line without calling SNS', async (args, message) => {
    expect(await main(['subscribe', ...args, '--topic-arn', TOPIC])).toBe(1);
    expect(err).toBe(`news-monitor: ${message}\n`);
    expect(sns.calls()).toHaveLength(0);
  });

  it('asks for a topic when none is given', async () => {
    expect(await main(['subscribe', '--protocol', 'email', '--endpoint', 'a@b.org'])).toBe(1);
    expect(err).toBe('news-monitor: no topic: pass --topic-arn ARN or set NEWS_MONITOR_TOPIC_ARN (the stack output AlertsTopicArn)\n');
  });

  it('reports an SNS refusal in one line', async () => {
    const e = Object.assign(new Error('User is not authorized to perform: SNS:Subscribe'), { name: 'AuthorizationErrorException' });
    sns.on(SubscribeCommand).rejects(e);
    expect(await main(['subscribe', '--protocol', 'email', '--endpoint', 'a@b.org', '--topic-arn', TOPIC])).toBe(1);
    expect(err).toBe('news-monitor: cannot subscribe: AuthorizationErrorException: User is not authorized to perform: SNS:Subscribe\n');
  });
});

describe('news-monitor unsubscribe', () => {
  it('removes a subscription by its ARN', async () => {
    sns.on(UnsubscribeCommand).resolves({});
    expect(await main(['unsubscribe', SUB])).toBe(0);
    expect(sns.commandCalls(UnsubscribeCommand)[0]!.args[0].input).toEqual({ SubscriptionArn: SUB });
  });

  it('explains that a pending subscription cannot be removed, and refuses what is not an ARN', async () => {
    expect(await main(['unsubscribe', 'PendingConfirmation'])).toBe(1);
    expect(err).toContain('pending confirmation has no ARN yet');
    expect(await main(['unsubscribe', TOPIC])).toBe(1);
    expect(err).toContain('is not an SNS subscription ARN');
    expect(sns.calls()).toHaveLength(0);
  });
});

describe('news-monitor subscriptions', () => {
  it('lists every page of subscriptions with the filter policies of confirmed ones', async () => {
    sns
      .on(ListSubscriptionsByTopicCommand)
      .resolvesOnce({ Subscriptions: [{ SubscriptionArn: SUB, Protocol: 'email', Endpoint: 'ops@example.org', TopicArn: TOPIC }], NextToken: 't2' })
      .resolvesOnce({ Subscriptions: [{ SubscriptionArn: 'PendingConfirmation', Protocol: 'email', Endpoint: 'new@example.org', TopicArn: TOPIC }] });
    sns.on(GetSubscriptionAttributesCommand).resolves({ Attributes: { FilterPolicy: '{"delivery":["instant"]}' } });
    expect(await main(['subscriptions', '--topic-arn', TOPIC, '--json'])).toBe(0);
    expect(JSON.parse(out)).toEqual({
      topicArn: TOPIC,
      items: [
        { subscriptionArn: SUB, protocol: 'email', endpoint: 'ops@example.org', filterPolicy: '{"delivery":["instant"]}' },
        { subscriptionArn: 'PendingConfirmation', protocol: 'email', endpoint: 'new@example.org' },
      ],
    });
    expect(sns.commandCalls(ListSubscriptionsByTopicCommand)[1]!.args[0].input.NextToken).toBe('t2');
    expect(sns.commandCalls(GetSubscriptionAttributesCommand)).toHaveLength(1);
  });
});
