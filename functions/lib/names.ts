// Names shared by the handlers (which emit) and the CDK app (which alarms and charts on them). No
// imports here, so infra/ can read the names without pulling Powertools into the synth.

/** Powertools `service` dimension and CloudWatch namespace of every news-monitor metric. */
export const SERVICE_NAME = 'news-monitor';
export const METRICS_NAMESPACE = 'NewsMonitor';

/** The application metrics the handlers emit (Powertools EMF, one `service` dimension). */
export const MetricNames = {
  FeedsFetched: 'FeedsFetched',
  FeedsNotModified: 'FeedsNotModified',
  FeedsSkipped: 'FeedsSkipped',
  FeedsFailed: 'FeedsFailed',
  FeedsPaused: 'FeedsPaused',
  FeedsDispatched: 'FeedsDispatched',
  ArticlesNew: 'ArticlesNew',
  ArticlesDuplicate: 'ArticlesDuplicate',
  AlertsSent: 'AlertsSent',
  AlertsSuppressed: 'AlertsSuppressed',
} as const;

export type MetricName = (typeof MetricNames)[keyof typeof MetricNames];

/** The metrics the lean profile's alarms read: with NEWS_MONITOR_METRICS=essential only these are emitted (each metric is billed monthly). */
export const ESSENTIAL_METRICS: readonly MetricName[] = [MetricNames.FeedsPaused];
