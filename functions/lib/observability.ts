// Powertools logger and metrics, created once per container and shared by every handler.
import type { Context } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { ESSENTIAL_METRICS, METRICS_NAMESPACE, MetricNames, SERVICE_NAME } from './names';

/** Lean profile (NEWS_MONITOR_METRICS=essential): only the metrics its alarms read, and no cold-start metric. */
const essentialOnly = process.env.NEWS_MONITOR_METRICS === 'essential';

/** Structured JSON logs; the service name and level come from POWERTOOLS_* variables when set. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME });

/** CloudWatch metrics as EMF log lines (no PutMetricData call, so no IAM permission needed). */
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE,
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME,
});

/**
 * Wraps a handler: adds the Lambda context to every log line, records cold starts, logs an
 * unexpected error once with its stack (then rethrows it, so Lambda's retry and alarms see it),
 * and flushes the recorded metrics whatever happens.
 */
export function observed<E, R>(name: string, fn: (event: E, context: Context) => Promise<R>): (event: E, context: Context) => Promise<R> {
  return async (event, context) => {
    logger.addContext(context);
    if (!essentialOnly) metrics.captureColdStartMetric(name);
    try {
      return await fn(event, context);
    } catch (err) {
      logger.error(`${name} failed`, err as Error);
      throw err;
    } finally {
      // Only when there is something: Powertools warns on every empty flush (the query function
      // records no metrics of its own).
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}

/** Adds a count to this invocation's metrics (zeros are kept: a chart with 0 differs from no data). */
export function count(name: keyof typeof MetricNames, value: number): void {
  if (essentialOnly && !ESSENTIAL_METRICS.includes(MetricNames[name])) return;
  metrics.addMetric(MetricNames[name], MetricUnit.Count, value);
}

/** Records the outcome of alerting on articles: AlertsSent and AlertsSuppressed (for the alert and digest handlers). */
export function recordAlerts(r: { sent: number; suppressed: number }): void {
  count('AlertsSent', r.sent);
  count('AlertsSuppressed', r.suppressed);
}
