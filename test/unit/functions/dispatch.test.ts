import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { parseConfig } from '../../../shared/config';

const sqs = mockClient(SQSClient);
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/feeds';
const feeds = Array.from({ length: 25 }, (_, i) => ({ url: `https://news${i}.example.org/rss.xml`, name: `Feed ${i}` }));
const context = { functionName: 'dispatch', awsRequestId: 'req-1' } as Context;

/** Loads the handler fresh, as a cold start would, with the bundled config and QUEUE_URL set. */
async function loadHandler() {
  vi.resetModules();
  return (await import('../../../functions/dispatch')).handler;
}

beforeEach(() => {
  // As the CDK bundles it: the config after validation, defaults filled in.
  vi.stubEnv('NEWS_MONITOR_CONFIG', JSON.stringify(parseConfig({ feeds })));
  vi.stubEnv('QUEUE_URL', QUEUE_URL);
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
});
afterEach(() => {
  sqs.reset();
  vi.unstubAllEnvs();
});

const ok = (input: { Entries?: { Id?: string }[] }) => ({ Successful: (input.Entries ?? []).map((e) => ({ Id: e.Id, MessageId: `m-${e.Id}`, MD5OfMessageBody: 'x' })), Failed: [] });

describe('dispatch handler', () => {
  it('sends one message per feed in SendMessageBatch chunks of ten', async () => {
    sqs.on(SendMessageBatchCommand).callsFake(ok);
    const handler = await loadHandler();
    await expect(handler({}, context)).resolves.toEqual({ queued: 25 });
    const calls = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.Entries!.length)).toEqual([10, 10, 5]);
    expect(calls.every((c) => c.QueueUrl === QUEUE_URL)).toBe(true);
    const bodies = calls.flatMap((c) => c.Entries!.map((e) => JSON.parse(e.MessageBody!)));
    expect(bodies).toEqual(feeds);
    const ids = calls.flatMap((c) => c.Entries!.map((e) => e.Id));
    expect(new Set(ids).size).toBe(25);
  });

  it('retries only the entries SQS reports as failed', async () => {
    let first = true;
    sqs.on(SendMessageBatchCommand).callsFake((input) => {
      if (!first) return ok(input);
      first = false;
      const [bad, ...good] = input.Entries;
      return { ...ok({ Entries: good }), Failed: [{ Id: bad.Id, Code: 'InternalError', SenderFault: false, Message: 'try again' }] };
    });
    const handler = await loadHandler();
    await expect(handler({}, context)).resolves.toEqual({ queued: 25 });
    const calls = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries!.map((e) => JSON.parse(e.MessageBody!).url));
    expect(calls[1]).toEqual([feeds[0]!.url]);
    expect(calls).toHaveLength(4);
  });

  it('fails the invocation when an entry keeps failing, naming how many and why', async () => {
    sqs.on(SendMessageBatchCommand).callsFake((input) => {
      const entries = input.Entries as { Id: string; MessageBody: string }[];
      const bad = entries.filter((e) => JSON.parse(e.MessageBody).url === feeds[12]!.url);
      return { ...ok({ Entries: entries.filter((e) => !bad.includes(e)) }), Failed: bad.map((e) => ({ Id: e.Id, Code: 'KMS.AccessDenied', SenderFault: true, Message: 'access denied' })) };
    });
    const handler = await loadHandler();
    await expect(handler({}, context)).rejects.toThrow('1 feed message(s) could not be queued: access denied');
  });

  it('refuses to start without a bundled config', async () => {
    vi.stubEnv('NEWS_MONITOR_CONFIG', '');
    await expect(loadHandler()).rejects.toThrow('NEWS_MONITOR_CONFIG is not set: the bundle was built without a config');
  });

  it('refuses to start without QUEUE_URL, naming the variable', async () => {
    vi.stubEnv('QUEUE_URL', '');
    await expect(loadHandler()).rejects.toThrow('QUEUE_URL environment variable is not set');
  });
});
