import { BatchGetItemCommand, BatchWriteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { batchGet, batchPut } from '../../../shared/store/batch';
import { StoreError } from '../../../shared/store/errors';

const ddb = mockClient(DynamoDBClient);
const client = new DynamoDBClient({ region: 'local' });
const fast = { attempts: 4, baseMs: 1, maxMs: 2 };
const item = (i: number) => ({ pk: { S: `p${i}` }, sk: { S: 's' } });

afterEach(() => ddb.reset());

describe('batchPut', () => {
  it('writes 25 items a call', async () => {
    ddb.on(BatchWriteItemCommand).resolves({});
    await batchPut(client, 't', Array.from({ length: 60 }, (_, i) => item(i)), fast);
    const sizes = ddb.commandCalls(BatchWriteItemCommand).map((c) => c.args[0].input.RequestItems!.t!.length);
    expect(sizes).toEqual([25, 25, 10]);
  });

  it('retries unprocessed items until they go through', async () => {
    ddb.on(BatchWriteItemCommand).resolvesOnce({ UnprocessedItems: { t: [{ PutRequest: { Item: item(2) } }] } }).resolves({});
    await batchPut(client, 't', [item(1), item(2)], fast);
    const calls = ddb.commandCalls(BatchWriteItemCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args[0].input.RequestItems!.t).toEqual([{ PutRequest: { Item: item(2) } }]);
  });

  it('gives up with a StoreError when items stay unprocessed', async () => {
    ddb.on(BatchWriteItemCommand).resolves({ UnprocessedItems: { t: [{ PutRequest: { Item: item(1) } }] } });
    await expect(batchPut(client, 't', [item(1)], fast)).rejects.toThrow(StoreError);
    expect(ddb.commandCalls(BatchWriteItemCommand)).toHaveLength(4);
  });
});

describe('batchGet', () => {
  it('returns items in the order asked, retrying unprocessed keys, undefined where missing', async () => {
    ddb
      .on(BatchGetItemCommand)
      .resolvesOnce({ Responses: { t: [item(3)] }, UnprocessedKeys: { t: { Keys: [item(1)] } } })
      .resolves({ Responses: { t: [item(1)] } });
    const out = await batchGet(client, 't', [item(1), item(2), item(3)], fast);
    expect(out).toEqual([item(1), undefined, item(3)]);
  });

  it('keeps strongly consistent reads on the retried keys', async () => {
    ddb.on(BatchGetItemCommand).resolvesOnce({ Responses: { t: [] }, UnprocessedKeys: { t: { Keys: [item(1)] } } }).resolves({ Responses: { t: [item(1)] } });
    expect(await batchGet(client, 't', [item(1)], fast, { consistent: true })).toEqual([item(1)]);
    const asked = ddb.commandCalls(BatchGetItemCommand).map((c) => c.args[0].input.RequestItems!.t!.ConsistentRead);
    expect(asked).toEqual([true, true]);
  });

  it('reads only the named attributes and the keys, on the retried keys too', async () => {
    ddb.on(BatchGetItemCommand).resolvesOnce({ Responses: { t: [] }, UnprocessedKeys: { t: { Keys: [item(1)] } } }).resolves({ Responses: { t: [item(1)] } });
    expect(await batchGet(client, 't', [item(1)], fast, { attributes: ['story'] })).toEqual([item(1)]);
    const asked = ddb.commandCalls(BatchGetItemCommand).map((c) => c.args[0].input.RequestItems!.t!);
    for (const a of asked) {
      const named = a.ProjectionExpression!.split(', ').map((n) => a.ExpressionAttributeNames![n]);
      expect(named).toEqual(['pk', 'sk', 'story']);
    }
    expect(asked).toHaveLength(2);
  });
});
