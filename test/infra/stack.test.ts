import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { filterPolicyFor } from '../../shared/alerts';
import type { SubscriptionConfig } from '../../shared/model';
import { tableDesign } from '../../shared/store/keys';
import { DEFAULT_ASSUMPTIONS } from '../../shared/cost';
import type { NewsFunction } from '../../infra/constructs/news-function';
import { TABLE_ACTIONS } from '../../infra/bind';
import { resourcesOf, synthesize, TEST_CONFIG, type Synthesized } from './synth';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

const idOf = (el: unknown) => s.stack.getLogicalId(el as CfnElement);
const fnId = (f: NewsFunction) => idOf(f.fn.node.defaultChild);
const fns = () => ({
  dispatch: s.stack.ingestion.dispatch,
  ingest: s.stack.ingestion.ingest,
  alert: s.stack.alerting.alert,
  digest: s.stack.alerting.digest,
  query: s.stack.queryApi.query,
});
/** Every statement of the policies attached to a function's role. */
function statementsOf(f: NewsFunction): { Action: string | string[]; Resource: unknown }[] {
  const role = idOf(f.role.node.defaultChild);
  return resourcesOf(s, 'AWS::IAM::Policy')
    .filter((p) => JSON.stringify(p.props.Roles).includes(`"${role}"`))
    .flatMap((p) => p.props.PolicyDocument.Statement);
}
const actionsOf = (f: NewsFunction) => statementsOf(f).flatMap((st) => ([] as string[]).concat(st.Action));
const envOf = (f: NewsFunction) => Object.keys(resourcesOf(s, 'AWS::Lambda::Function').find((r) => r.id === fnId(f))!.props.Environment.Variables);

describe('cdk-nag', () => {
  it('reports no unacknowledged AwsSolutions finding', () => {
    expect(s.findings).toEqual([]);
  });
});

describe('tags', () => {
  it('tags the resources for cost allocation', () => {
    for (const type of ['AWS::Lambda::Function', 'AWS::DynamoDB::Table', 'AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::KMS::Key']) {
      for (const r of resourcesOf(s, type)) expect([r.id, r.props.Tags]).toEqual([r.id, expect.arrayContaining([{ Key: 'application', Value: 'news-monitor' }])]);
    }
  });
});

describe('functions (NewsFunction)', () => {
  it('makes five Node.js functions, all on the latest runtime, arm64, traced, with a JSON log group', () => {
    const all = resourcesOf(s, 'AWS::Lambda::Function');
    expect(all).toHaveLength(5);
    for (const f of all) {
      expect(f.props.Runtime).toMatch(/^nodejs(2[4-9]|[3-9]\d)\.x$/);
      expect(f.props.Architectures).toEqual(['arm64']);
      expect(f.props.TracingConfig).toEqual({ Mode: 'Active' });
      expect(f.props.LoggingConfig).toEqual({ LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } });
      expect(f.props.Environment.Variables).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'news-monitor', POWERTOOLS_METRICS_NAMESPACE: 'NewsMonitor' });
    }
  });

  it('chooses timeout and memory per function', () => {
    const byId = new Map(resourcesOf(s, 'AWS::Lambda::Function').map((r) => [r.id, r.props]));
    const settings = Object.fromEntries(Object.entries(fns()).map(([n, f]) => [n, { t: byId.get(fnId(f))!.Timeout, m: byId.get(fnId(f))!.MemorySize }]));
    expect(settings).toEqual({ dispatch: { t: 30, m: 128 }, ingest: { t: 90, m: 512 }, alert: { t: 60, m: 256 }, digest: { t: 120, m: 256 }, query: { t: 10, m: 512 } });
  });

  it('reserves concurrency for ingest only, so a long feed list never hammers one site', () => {
    const reserved = resourcesOf(s, 'AWS::Lambda::Function').filter((f) => f.props.ReservedConcurrentExecutions !== undefined);
    expect(reserved.map((f) => [f.id, f.props.ReservedConcurrentExecutions])).toEqual([[fnId(fns().ingest), 5]]);
  });

  it('keeps the config out of the environment (it is compiled into the bundle)', () => {
    for (const f of Object.values(fns())) expect(envOf(f)).not.toContain('NEWS_MONITOR_CONFIG');
  });

  it('gives every function a log group kept a year, encrypted with the stack key, retained by default', () => {
    const groups = resourcesOf(s, 'AWS::Logs::LogGroup');
    const key = idOf(s.stack.node.findChild('TopicKey').node.defaultChild);
    expect(groups.length).toBeGreaterThanOrEqual(5);
    for (const g of groups) {
      expect(g.props.RetentionInDays).toBe(365);
      expect(g.props.KmsKeyId).toEqual({ 'Fn::GetAtt': [key, 'Arn'] });
      expect(g.deletionPolicy).toBe('Retain');
    }
  });
});

describe('article table', () => {
  it('is built from tableDesign: keys, indexes, TTL attribute', () => {
    s.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: tableDesign.ttlAttribute, Enabled: true },
      GlobalSecondaryIndexes: tableDesign.indexes.map((i) =>
        Match.objectLike({ IndexName: i.name, KeySchema: [{ AttributeName: i.partitionKey, KeyType: 'HASH' }, { AttributeName: i.sortKey, KeyType: 'RANGE' }], Projection: { ProjectionType: i.projection } }),
      ),
    });
  });

  it('is on-demand, with point-in-time recovery, encryption and a NEW_IMAGE stream', () => {
    s.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
  });

  it('is retained and deletion-protected by default', () => {
    s.template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: Match.objectLike({ DeletionProtectionEnabled: true }) });
  });
});

describe('feed ingestion', () => {
  it('schedules the dispatch function at the configured interval', () => {
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: `rate(${TEST_CONFIG.intervalMinutes} minutes)`,
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId(fns().dispatch), 'Arn'] } }),
    });
  });

  it('queues feeds on an encrypted, TLS-only queue that dead-letters after three receives', () => {
    const dlq = idOf(s.stack.ingestion.deadLetterQueue.node.defaultChild);
    const queue = idOf(s.stack.ingestion.queue.node.defaultChild);
    s.template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] }, maxReceiveCount: 3 },
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 540,
    });
    for (const q of [queue, dlq]) {
      s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: q }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    }
  });

  it('feeds ingest SQS batches of ten with partial batch failures, its concurrency capped at the poller', () => {
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fnId(fns().ingest) },
      EventSourceArn: { 'Fn::GetAtt': [idOf(s.stack.ingestion.queue.node.defaultChild), 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 5 },
    });
  });
});

describe('alerting', () => {
  it('reads the table stream, filtered to INSERTs of article items, bisecting and retrying, with an on-failure queue', () => {
    const failure = idOf(s.stack.alerting.failureQueue.node.defaultChild);
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fnId(fns().alert) },
      EventSourceArn: { 'Fn::GetAtt': [idOf(s.stack.table.table.node.defaultChild), 'StreamArn'] },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { [tableDesign.typeAttribute]: { S: ['article'] } } } }) }] },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [failure, 'Arn'] } } },
      StartingPosition: 'TRIM_HORIZON',
    });
  });

  it('encrypts both topics with the customer key, which rotates and is retained', () => {
    const key = idOf(s.stack.node.findChild('TopicKey').node.defaultChild);
    s.template.resourceCountIs('AWS::SNS::Topic', 2);
    s.template.allResourcesProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [key, 'Arn'] } });
    s.template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ EnableKeyRotation: true }) });
  });

  it('enforces TLS on both topics', () => {
    const policies = resourcesOf(s, 'AWS::SNS::TopicPolicy');
    expect(policies).toHaveLength(2);
    for (const p of policies) expect(JSON.stringify(p.props.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });

  it('subscribes each configured endpoint with the filter policy of filterPolicyFor', () => {
    const topic = idOf(s.stack.alerting.topic.node.defaultChild);
    for (const sub of TEST_CONFIG.subscriptions as SubscriptionConfig[]) {
      s.template.hasResourceProperties('AWS::SNS::Subscription', {
        TopicArn: { Ref: topic },
        Protocol: sub.protocol,
        Endpoint: sub.endpoint,
        FilterPolicyScope: 'MessageAttributes',
        FilterPolicy: filterPolicyFor(sub),
      });
    }
  });

  it('runs the digest on its own schedule, for the period ending at the scheduled time', () => {
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: TEST_CONFIG.digestSchedule,
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId(fns().digest), 'Arn'] }, Input: JSON.stringify({ until: '<aws.scheduler.scheduled-time>' }) }),
    });
  });
});

describe('query API', () => {
  it('serves the four GET routes, each requiring IAM authorisation', () => {
    const routes = resourcesOf(s, 'AWS::ApiGatewayV2::Route');
    expect(routes.map((r) => r.props.RouteKey).sort()).toEqual(['GET /alerts', 'GET /articles', 'GET /articles/{id}', 'GET /tags', 'GET /trends']);
    for (const r of routes) expect(r.props.AuthorizationType).toBe('AWS_IAM');
  });

  it('logs access and throttles the stage', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: { 'Fn::GetAtt': [idOf(s.stack.queryApi.accessLogs.node.defaultChild), 'Arn'] } }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 }),
    });
  });
});

describe('least privilege', () => {
  it('never allows every action, and allows every resource only for X-Ray', () => {
    const stmts = resourcesOf(s, 'AWS::IAM::Policy').flatMap((p) => p.props.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    for (const st of stmts) {
      expect([].concat(st.Action as never)).not.toContain('*');
      if ([].concat(st.Resource as never).includes('*' as never)) expect(st.Action).toEqual(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']);
    }
  });

  it('lets dispatch only send to the feed queue, and tells it the queue URL', () => {
    const q = idOf(s.stack.ingestion.queue.node.defaultChild);
    expect(statementsOf(fns().dispatch)).toContainEqual(expect.objectContaining({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [q, 'Arn'] } }));
    expect(actionsOf(fns().dispatch).filter((a) => !/^(xray|logs):/.test(a))).toEqual(['sqs:SendMessage']);
    expect(envOf(fns().dispatch)).toContain('QUEUE_URL');
    expect(envOf(fns().dispatch)).not.toContain('TABLE_NAME');
  });

  it('gives query and digest read-only table access, ingest and alert read-write, and only alert DeleteItem (to release a claim), each with TABLE_NAME', () => {
    const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem'];
    for (const f of [fns().query, fns().digest]) {
      expect(actionsOf(f)).toEqual(expect.arrayContaining(TABLE_ACTIONS.read));
      for (const w of writes) expect(actionsOf(f)).not.toContain(w);
    }
    for (const f of [fns().ingest, fns().alert]) expect(actionsOf(f)).toEqual(expect.arrayContaining(TABLE_ACTIONS.readWrite));
    for (const f of [fns().ingest, fns().dispatch, fns().query, fns().digest]) expect(actionsOf(f)).not.toContain('dynamodb:DeleteItem');
    expect(actionsOf(fns().alert)).toContain('dynamodb:DeleteItem');
    for (const f of [fns().ingest, fns().alert, fns().digest, fns().query]) expect(envOf(f)).toContain('TABLE_NAME');
  });

  it('grants queries on the named indexes only, not index/*', () => {
    const resources = JSON.stringify(resourcesOf(s, 'AWS::IAM::Policy').map((p) => p.props.PolicyDocument));
    expect(resources).not.toContain('/index/*');
    for (const i of tableDesign.indexes) expect(resources).toContain(`/index/${i.name}`);
  });

  it('lets only alert and digest publish, to the alerts topic, with the key operations SNS needs', () => {
    const topic = idOf(s.stack.alerting.topic.node.defaultChild);
    for (const [name, f] of Object.entries(fns())) {
      const publishes = actionsOf(f).includes('sns:Publish');
      expect([name, publishes]).toEqual([name, name === 'alert' || name === 'digest']);
      expect([name, envOf(f).includes('TOPIC_ARN')]).toEqual([name, publishes]);
      if (publishes) {
        expect(statementsOf(f)).toContainEqual(expect.objectContaining({ Action: 'sns:Publish', Resource: { Ref: topic } }));
        expect(actionsOf(f)).toEqual(expect.arrayContaining(['kms:GenerateDataKey', 'kms:Decrypt']));
      }
    }
  });

  it('uses no AWS-managed policy: each role writes only to its own log group', () => {
    for (const r of resourcesOf(s, 'AWS::IAM::Role')) expect(r.props.ManagedPolicyArns).toBeUndefined();
    for (const f of Object.values(fns())) {
      expect(statementsOf(f)).toContainEqual(expect.objectContaining({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [idOf(f.logGroup.node.defaultChild), 'Arn'] } }));
    }
  });
});

describe('operations', () => {
  const alarmFor = (pred: (p: Record<string, any>) => boolean) => resourcesOf(s, 'AWS::CloudWatch::Alarm').filter((a) => pred(a.props));

  it('alarms when feed messages are dead-lettered or stream batches fail', () => {
    for (const q of [s.stack.ingestion.deadLetterQueue, s.stack.alerting.failureQueue]) {
      const name = { 'Fn::GetAtt': [idOf(q.node.defaultChild), 'QueueName'] };
      expect(alarmFor((p) => p.MetricName === 'ApproximateNumberOfMessagesVisible' && JSON.stringify(p.Dimensions) === JSON.stringify([{ Name: 'QueueName', Value: name }]) && p.Threshold === 0 && p.ComparisonOperator === 'GreaterThanThreshold')).toHaveLength(1);
    }
  });

  it('alarms on errors and throttles of every function', () => {
    for (const f of Object.values(fns())) {
      for (const metric of ['Errors', 'Throttles']) {
        expect(alarmFor((p) => p.Namespace === 'AWS/Lambda' && p.MetricName === metric && JSON.stringify(p.Dimensions).includes(fnId(f)))).toHaveLength(1);
      }
    }
  });

  it('alarms when feeds keep failing and when SNS cannot deliver alerts', () => {
    expect(alarmFor((p) => p.Namespace === 'NewsMonitor' && p.MetricName === 'FeedsFailed' && p.EvaluationPeriods === 3 && p.DatapointsToAlarm === 3 && p.Period === 600)).toHaveLength(1);
    expect(alarmFor((p) => p.Namespace === 'AWS/SNS' && p.MetricName === 'NumberOfNotificationsFailed')).toHaveLength(1);
  });

  it('alarms as soon as a feed is paused', () => {
    expect(alarmFor((p) => p.Namespace === 'NewsMonitor' && p.MetricName === 'FeedsPaused' && p.EvaluationPeriods === 1 && p.Threshold === 0)).toHaveLength(1);
  });

  it('has the alarms, batch size and ingest memory that the cost model prices', () => {
    expect(resourcesOf(s, 'AWS::CloudWatch::Alarm')).toHaveLength(DEFAULT_ASSUMPTIONS.alarms);
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: fnId(fns().ingest) }, BatchSize: DEFAULT_ASSUMPTIONS.ingestBatchSize });
    s.template.hasResourceProperties('AWS::Lambda::Function', { MemorySize: DEFAULT_ASSUMPTIONS.ingestMemoryMb, Description: Match.stringLikeRegexp('reads, tags and stores') });
    expect(resourcesOf(s, 'AWS::CloudWatch::Dashboard')).toHaveLength(DEFAULT_ASSUMPTIONS.dashboards);
  });

  it('sends every alarm to the ops topic, which the ops email subscribes to', () => {
    const ops = idOf(s.stack.operations.topic.node.defaultChild);
    for (const a of resourcesOf(s, 'AWS::CloudWatch::Alarm')) expect(a.props.AlarmActions).toEqual([{ Ref: ops }]);
    s.template.hasResourceProperties('AWS::SNS::Subscription', { TopicArn: { Ref: ops }, Protocol: 'email', Endpoint: TEST_CONFIG.opsEmail });
  });

  it('lets CloudWatch use the topic key for this account only', () => {
    s.template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } })]) },
    });
  });

  it('draws a dashboard of the pipeline metrics', () => {
    s.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const body = JSON.stringify(resourcesOf(s, 'AWS::CloudWatch::Dashboard')[0]!.props.DashboardBody);
    for (const m of ['FeedsFetched', 'FeedsFailed', 'ArticlesNew', 'ArticlesDuplicate', 'AlertsSent', 'AlertsSuppressed']) expect(body).toContain(m);
  });
});
