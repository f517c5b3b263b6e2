// The cloud side of webhook subscriptions: one alias of the webhook function per webhook,
// subscribed to the alerts topic with that webhook's filter policy; secrets read from SSM at run
// time and nowhere in the template; failures to a dead-letter queue with an alarm.
import { beforeAll, describe, expect, it } from 'vitest';
import { filterPolicyFor, subscriptionKey } from '../../shared/alerts';
import { parseConfig } from '../../shared/config';
import { resourcesOf, synthesize, TEST_CONFIG, type Synthesized } from './synth';

const HOOKS = [
  { protocol: 'webhook', endpoint: 'https://hooks.slack.com/services/T0/B0/SLACKTOKEN', format: 'slack', rules: ['ru-ua'] },
  { protocol: 'webhook', endpoint: 'https://siem.example.org/news', format: 'json', secretEnv: 'SIEM_SECRET', minSeverity: 'warning' },
];
let s: Synthesized;
beforeAll(() => {
  s = synthesize({ raw: { ...TEST_CONFIG, subscriptions: [...TEST_CONFIG.subscriptions, ...HOOKS] } });
});
const idOf = (el: unknown) => s.stack.getLogicalId(el as never);

describe('webhook delivery (cloud)', () => {
  it('subscribes one alias per webhook to the alerts topic with its filter policy', () => {
    const topic = idOf(s.stack.alerting.topic.node.defaultChild);
    const fn = idOf(s.stack.webhooks!.fn.fn.node.defaultChild);
    const subs = resourcesOf(s, 'AWS::SNS::Subscription').filter((r) => r.props.Protocol === 'lambda');
    expect(subs).toHaveLength(2);
    for (const raw of HOOKS) {
      const sub = parseConfig({ ...TEST_CONFIG, subscriptions: [raw] }, 't').subscriptions[0]!;
      const alias = `hook-${subscriptionKey(sub)}`;
      const mine = subs.find((r) => JSON.stringify(r.props.Endpoint).includes(alias))!;
      expect(mine.props).toMatchObject({ TopicArn: { Ref: topic }, FilterPolicyScope: 'MessageAttributes', FilterPolicy: filterPolicyFor(sub) });
      expect(mine.props.Endpoint).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [fn, 'Arn'] }, `:${alias}`]] });
      s.template.hasResourceProperties('AWS::Lambda::Alias', { Name: alias });
    }
    // No email/SMS subscription was made for a webhook.
    expect(resourcesOf(s, 'AWS::SNS::Subscription').filter((r) => JSON.stringify(r.props.Endpoint).includes('hooks.slack.com'))).toEqual([]);
  });

  it('lets SNS invoke each alias only from the alerts topic of this account', () => {
    const topic = idOf(s.stack.alerting.topic.node.defaultChild);
    const perms = resourcesOf(s, 'AWS::Lambda::Permission').filter((p) => p.props.Principal === 'sns.amazonaws.com');
    expect(perms).toHaveLength(2);
    for (const p of perms) expect(p.props).toMatchObject({ SourceArn: { Ref: topic }, SourceAccount: { Ref: 'AWS::AccountId' } });
  });

  it('reads secrets from SSM parameters it names exactly, and keeps them out of the template', () => {
    const role = idOf(s.stack.webhooks!.fn.role.node.defaultChild);
    const statements = resourcesOf(s, 'AWS::IAM::Policy').filter((p) => JSON.stringify(p.props.Roles).includes(role)).flatMap((p) => p.props.PolicyDocument.Statement);
    const ssm = statements.filter((st: { Action: string | string[] }) => [].concat(st.Action as never).some((a: string) => a.startsWith('ssm:')));
    expect(ssm).toHaveLength(1);
    expect(ssm[0].Action).toBe('ssm:GetParameter');
    expect(JSON.stringify(ssm[0].Resource)).toContain(':parameter/news-monitor/NewsMonitorTest/SIEM_SECRET');
    const fnProps = resourcesOf(s, 'AWS::Lambda::Function').find((f) => f.id === idOf(s.stack.webhooks!.fn.fn.node.defaultChild))!.props;
    expect(fnProps.Environment.Variables.WEBHOOK_SECRET_PREFIX).toBe('/news-monitor/NewsMonitorTest/');
    // The Slack URL carries a token: it is in the bundled config, never in the environment.
    expect(JSON.stringify(fnProps.Environment)).not.toContain('SLACKTOKEN');
  });

  it('dead-letters failed invocations to an encrypted queue that an alarm watches', () => {
    const dlq = idOf(s.stack.webhooks!.deadLetterQueue.node.defaultChild);
    const fn = resourcesOf(s, 'AWS::Lambda::Function').find((f) => f.id === idOf(s.stack.webhooks!.fn.fn.node.defaultChild))!;
    expect(fn.props.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] } });
    s.template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    const alarms = resourcesOf(s, 'AWS::CloudWatch::Alarm').filter((a) => a.id.startsWith('OperationsWebhookDeadLetters'));
    expect(alarms).toHaveLength(1);
    expect(JSON.stringify(alarms[0]!.props.Dimensions)).toContain(dlq);
  });

  it('passes cdk-nag and Control Tower with webhooks', () => {
    expect(s.findings).toEqual([]);
  });
});
