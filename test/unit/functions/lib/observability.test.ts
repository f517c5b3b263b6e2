import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Context } from 'aws-lambda';

const context = { functionName: 'f', awsRequestId: 'req-1', functionVersion: '$LATEST', memoryLimitInMB: '128', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:f' } as Context;

async function load() {
  vi.resetModules();
  return import('../../../../functions/lib/observability');
}

beforeEach(() => {
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('observed', () => {
  it('returns the handler result and flushes the recorded metrics once', async () => {
    const { observed, metrics, count } = await load();
    const flush = vi.spyOn(metrics, 'publishStoredMetrics');
    const handler = observed('t', async (event: { n: number }) => {
      count('ArticlesNew', 1);
      return event.n * 2;
    });
    await expect(handler({ n: 21 }, context)).resolves.toBe(42);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('does not flush (nor warn) when the handler recorded no metric', async () => {
    const { observed, metrics } = await load();
    const flush = vi.spyOn(metrics, 'publishStoredMetrics');
    await observed('t', async () => 1)({}, context);
    expect(flush).not.toHaveBeenCalled();
  });

  it('logs an unexpected error once, rethrows it unchanged, and still flushes the metrics', async () => {
    const { observed, logger, metrics, recordAlerts } = await load();
    const error = vi.spyOn(logger, 'error').mockImplementation(() => {});
    const flush = vi.spyOn(metrics, 'publishStoredMetrics');
    const boom = new Error('table unreachable');
    const handler = observed('t', async () => {
      recordAlerts({ sent: 1, suppressed: 0 });
      throw boom;
    });
    await expect(handler({}, context)).rejects.toBe(boom);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith('t failed', boom);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('adds the Lambda context to the logs', async () => {
    const { observed, logger } = await load();
    const add = vi.spyOn(logger, 'addContext');
    await observed('t', async () => 1)({}, context);
    expect(add).toHaveBeenCalledWith(context);
  });
});

describe('recordAlerts', () => {
  it('counts sent and suppressed alerts under the names the alarms and dashboard read', async () => {
    const { recordAlerts, metrics } = await load();
    const add = vi.spyOn(metrics, 'addMetric');
    recordAlerts({ sent: 3, suppressed: 1 });
    expect(add.mock.calls).toEqual([
      ['AlertsSent', 'Count', 3],
      ['AlertsSuppressed', 'Count', 1],
    ]);
  });
});
