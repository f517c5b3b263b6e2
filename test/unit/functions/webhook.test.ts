import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { Context, SNSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { publishInput } from '../../../shared/alerts/sns';
import { subscriptionKey } from '../../../shared/alerts/subscriptions';
import { verifySignature } from '../../../shared/delivery/sign';
import { alertMessage } from '../delivery/fixtures';
import { stubBundledConfig } from './bundled-env';

const ssm = mockClient(SSMClient);
const got: { path: string; body: string; signature?: string }[] = [];
let status = 200;
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ path: req.url!, body, signature: req.headers['x-news-monitor-signature'] as string | undefined });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const hooks = () => [
  { protocol: 'webhook', endpoint: `${base}/signed`, format: 'json', secretEnv: 'SIEM_SECRET' },
  { protocol: 'webhook', endpoint: `${base}/slack`, format: 'slack' },
];
const contextFor = (sub: { protocol: string; endpoint: string }) =>
  ({ functionName: 'webhook', awsRequestId: 'r1', invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:nm-webhook:hook-${subscriptionKey(sub as never)}` }) as Context;
/** The SNS event Lambda receives for a published alert: the `lambda` text of the message. */
const snsEvent = (): SNSEvent => ({ Records: [{ EventSource: 'aws:sns', Sns: { Message: JSON.parse(publishInput('arn:t', alertMessage()).Message).lambda } } as never] });

beforeEach(() => {
  got.length = 0;
  status = 200;
  stubBundledConfig({ allowPrivateNetworks: true, feeds: [{ url: 'https://a.example/rss', name: 'A' }], rules: [], subscriptions: hooks() });
  vi.stubEnv('WEBHOOK_SECRET_PREFIX', '/news-monitor/Test/');
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
  vi.resetModules();
  ssm.on(GetParameterCommand, { Name: '/news-monitor/Test/SIEM_SECRET', WithDecryption: true }).resolves({ Parameter: { Value: 'from-ssm' } });
});
afterEach(() => {
  ssm.reset();
  vi.unstubAllEnvs();
});

describe('webhook handler', () => {
  it('delivers the outbox line, signed with the secret from SSM, to the webhook of the invoked alias', async () => {
    const { handler } = await import('../../../functions/webhook');
    await handler(snsEvent(), contextFor(hooks()[0]!));
    expect(got).toHaveLength(1);
    expect(got[0]!.path).toBe('/signed');
    expect(JSON.parse(got[0]!.body)).toEqual(alertMessage());
    expect(verifySignature(got[0]!.body, 'from-ssm', got[0]!.signature)).toBe(true);
    expect(ssm.commandCalls(GetParameterCommand).map((c) => c.args[0].input)).toEqual([{ Name: '/news-monitor/Test/SIEM_SECRET', WithDecryption: true }]);
  });

  it('reads no secret for an unsigned webhook', async () => {
    const { handler } = await import('../../../functions/webhook');
    await handler(snsEvent(), contextFor(hooks()[1]!));
    expect(JSON.parse(got[0]!.body).blocks).toBeInstanceOf(Array);
    expect(got[0]!.signature).toBeUndefined();
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(0);
  });

  it('throws after its retries when the endpoint keeps failing, so Lambda retries and dead-letters the event', async () => {
    status = 503;
    const { handler } = await import('../../../functions/webhook');
    await expect(handler(snsEvent(), contextFor(hooks()[1]!))).rejects.toThrow(/subscriptions\[1\] \(slack, http:\/\/127\.0\.0\.1:\d+\/…\): answered HTTP 503/);
    expect(got).toHaveLength(3);
  });

  it('still delivers an alert that came with the default text only (no email and SMS texts)', async () => {
    const { handler } = await import('../../../functions/webhook');
    const only = JSON.parse(publishInput('arn:t', alertMessage()).Message).default as string;
    await handler({ Records: [{ EventSource: 'aws:sns', Sns: { Message: only } } as never] }, contextFor(hooks()[1]!));
    expect(JSON.parse(got[0]!.body).text).toContain('ru-ua');
  });

  it('refuses an invocation through an alias that no webhook uses', async () => {
    const { handler } = await import('../../../functions/webhook');
    await expect(handler(snsEvent(), { ...contextFor(hooks()[0]!), invokedFunctionArn: 'arn:aws:lambda:eu-west-1:1:function:nm-webhook:hook-000000000000' })).rejects.toThrow('invoked as alias hook-000000000000, which no webhook subscription of the bundled config uses');
    expect(got).toHaveLength(0);
  });

  it('names the parameter, not its value, when the secret cannot be read', async () => {
    ssm.reset();
    ssm.on(GetParameterCommand).rejects(Object.assign(new Error('not found'), { name: 'ParameterNotFound' }));
    const { handler } = await import('../../../functions/webhook');
    await expect(handler(snsEvent(), contextFor(hooks()[0]!))).rejects.toThrow('cannot read the webhook secret parameter /news-monitor/Test/SIEM_SECRET: ParameterNotFound');
  });
});
