// The lean profile against the standard one: what each deploys around the pipeline is what the cost
// model prices (PROFILE_ASSUMPTIONS), and lean keeps every alarm that means data is being lost.
import { beforeAll, describe, expect, it } from 'vitest';
import { ESSENTIAL_ALARMS } from '../../infra/constructs/operations';
import { ESSENTIAL_METRICS, MetricNames } from '../../functions/lib/names';
import { PROFILE_ASSUMPTIONS } from '../../shared/cost';
import { resourcesOf, synthesize, TEST_CONFIG, type Synthesized } from './synth';

const WEBHOOK = { protocol: 'webhook', endpoint: 'https://hooks.example.org/T1/secret-token', format: 'slack' };
let standard: Synthesized;
let lean: Synthesized;
let leanHooks: Synthesized;
beforeAll(() => {
  standard = synthesize();
  lean = synthesize({ props: { profile: 'lean' } });
  leanHooks = synthesize({ raw: { ...TEST_CONFIG, subscriptions: [...TEST_CONFIG.subscriptions, WEBHOOK] }, props: { profile: 'lean' } });
});

const alarmNames = (s: Synthesized) => resourcesOf(s, 'AWS::CloudWatch::Alarm').map((a) => a.id.replace(/^Operations/, '').replace(/[0-9A-F]{8}$/, ''));

describe('deployment profiles', () => {
  it('deploy the alarms, dashboards and keys that the cost model prices', () => {
    for (const [s, p] of [[standard, PROFILE_ASSUMPTIONS.standard], [lean, PROFILE_ASSUMPTIONS.lean]] as const) {
      expect(resourcesOf(s, 'AWS::CloudWatch::Alarm')).toHaveLength(p.alarms);
      expect(resourcesOf(s, 'AWS::CloudWatch::Dashboard')).toHaveLength(p.dashboards);
      expect(resourcesOf(s, 'AWS::KMS::Key')).toHaveLength(p.customerKmsKeys);
    }
    expect(resourcesOf(leanHooks, 'AWS::CloudWatch::Alarm')).toHaveLength(PROFILE_ASSUMPTIONS.lean.alarms + PROFILE_ASSUMPTIONS.lean.webhookAlarms);
  });

  it('price the custom metrics the functions emit: every application metric and a cold start each, or (lean) the essential ones', () => {
    expect(PROFILE_ASSUMPTIONS.standard.customMetrics).toBe(Object.keys(MetricNames).length + resourcesOf(standard, 'AWS::Lambda::Function').length);
    expect(PROFILE_ASSUMPTIONS.lean.customMetrics).toBe(ESSENTIAL_METRICS.length);
  });

  it('keeps in lean exactly the alarms that say data is being lost', () => {
    expect(alarmNames(leanHooks).sort()).toEqual([...ESSENTIAL_ALARMS].sort());
    expect(alarmNames(standard)).toEqual(expect.arrayContaining(ESSENTIAL_ALARMS.filter((a) => a !== 'WebhookDeadLetters')));
  });

  it('sends lean alarms through the notify function, which alone may publish to the ops topic', () => {
    const notify = lean.stack.getLogicalId(lean.stack.operations.notify!.fn.node.defaultChild as never);
    for (const a of resourcesOf(lean, 'AWS::CloudWatch::Alarm')) expect(a.props.AlarmActions).toEqual([{ 'Fn::GetAtt': [notify, 'Arn'] }]);
    const permissions = resourcesOf(lean, 'AWS::Lambda::Permission').filter((p) => p.props.Principal === 'lambda.alarms.cloudwatch.amazonaws.com');
    expect(permissions).toHaveLength(resourcesOf(lean, 'AWS::CloudWatch::Alarm').length);
    for (const p of permissions) expect(p.props.SourceAccount).toBeDefined();
  });

  it('encrypts lean topics with the AWS-managed SNS key and emits only the essential metrics', () => {
    for (const t of resourcesOf(lean, 'AWS::SNS::Topic')) expect(JSON.stringify(t.props.KmsMasterKeyId)).toContain('alias/aws/sns');
    for (const f of resourcesOf(lean, 'AWS::Lambda::Function')) expect(f.props.Environment.Variables.NEWS_MONITOR_METRICS).toBe('essential');
    for (const f of resourcesOf(standard, 'AWS::Lambda::Function')) expect(f.props.Environment.Variables.NEWS_MONITOR_METRICS).toBeUndefined();
    for (const g of resourcesOf(lean, 'AWS::Logs::LogGroup')) expect(g.props.KmsKeyId).toBeUndefined();
  });

  it('passes cdk-nag and the lean profile\'s Control Tower controls', () => {
    expect(lean.findings).toEqual([]);
    expect(leanHooks.findings).toEqual([]);
  });
});
