import { PRICES } from './prices';

/** What the user tells the model. */
export interface CostInput {
  feeds: number;
  /** Minutes between polls. */
  intervalMinutes: number;
  /** New articles a day across all feeds. */
  itemsPerDay: number;
  smsPerDay?: number;
  emailsPerDay?: number;
  /** Webhook subscriptions (each alert is one invocation of the webhook function per webhook). */
  webhooks?: number;
}

/** What the model assumes about the deployed stack; defaults match infra/ and shared/store/. */
export interface CostAssumptions {
  /** DynamoDB items written per new article (main item + index items), and their average size. */
  itemsPerArticle: number;
  writeUnitsPerArticle: number;
  /** Read units per poll of one feed (feed state) and per alert (dedupe claim + counter). */
  readUnitsPerPoll: number;
  writeUnitsPerPoll: number;
  writeUnitsPerAlert: number;
  /** Trend counters (docs/STORE.md): one story-scopes update per article plus its share of the per-batch counter updates. */
  trendWriteUnitsPerArticle: number;
  /** Spike and watch judging: read units per alert-function batch (spike states + window and baseline of each changed scope). */
  trendReadUnitsPerBatch: number;
  articleStoredKb: number;
  retentionDays: number;
  /** Feed messages per ingest invocation (the SQS batch size; feeds of a batch are read concurrently). */
  ingestBatchSize: number;
  /** Duration of one ingest invocation: about the slowest feed of the batch (mostly network wait). */
  ingestMsPerInvocation: number;
  ingestMemoryMb: number;
  dispatchMs: number;
  dispatchMemoryMb: number;
  alertMsPerArticle: number;
  alertMemoryMb: number;
  /** SQS requests per feed message: send (batched by 10), receive, delete. */
  sqsRequestsPerMessage: number;
  /** Lambda's SQS pollers long-poll even when idle: requests a month. */
  sqsIdlePollRequestsMonth: number;
  logKbPerInvocation: number;
  /** Days log groups keep their events (infra: a year, Control Tower's CT.CLOUDWATCH.PR.2 minimum). */
  logRetentionDays: number;
  customMetrics: number;
  alarms: number;
  /** Alarms added when there is at least one webhook (its dead-letter queue; standard: its errors and throttles too). */
  webhookAlarms: number;
  dashboards: number;
  customerKmsKeys: number;
}

/** The deployment profiles of infra/profile.ts, as the cost model sees them. */
export type CostProfile = 'standard' | 'lean';

/**
 * What each profile deploys around the pipeline (test/infra/profiles.test.ts counts the same in the
 * synthesized templates). standard: 10 application metrics plus a cold-start metric for each of the 5
 * functions; 6 pipeline alarms plus errors and throttles of each function; the dashboard; the key of
 * topics and log groups. lean: the one metric its FeedPaused alarm reads, the 4 alarms that mean
 * data is being lost, no dashboard, no customer-managed key.
 */
export const PROFILE_ASSUMPTIONS: Record<CostProfile, Pick<CostAssumptions, 'customMetrics' | 'alarms' | 'webhookAlarms' | 'dashboards' | 'customerKmsKeys'>> = {
  standard: { customMetrics: 10 + 5, alarms: 6 + 2 * 5, webhookAlarms: 3, dashboards: 1, customerKmsKeys: 1 },
  lean: { customMetrics: 1, alarms: 4, webhookAlarms: 1, dashboards: 0, customerKmsKeys: 0 },
};

/** The default assumptions with a profile's monitoring. */
export function assumptionsFor(profile: CostProfile, over: Partial<CostAssumptions> = {}): CostAssumptions {
  return { ...DEFAULT_ASSUMPTIONS, ...PROFILE_ASSUMPTIONS[profile], ...over };
}

export const DEFAULT_ASSUMPTIONS: CostAssumptions = {
  // Measured on the demo feeds by test/integration/cost/footprint.test.ts, stories included (issue 13:
  // profile and its place in the story listing, member item past a story's sixth article, postings):
  // 15.4 items, 18.6 WRU, 7.3 KB — with the tag lists deflated and a tag on both sides listed once
  // (17.5 items, 21.4 WRU, 10.0 KB before; 12.6 items, 15.9 WRU, 6.9 KB before stories).
  itemsPerArticle: 15.4,
  writeUnitsPerArticle: 18.6,
  readUnitsPerPoll: 0.5,
  writeUnitsPerPoll: 1,
  // A durable claim: the pending put and the sent update, each the size of the claim (≈ 2 KB).
  writeUnitsPerAlert: 4,
  // Measured on the demo feeds by test/integration/cost/trend-footprint.test.ts: 14.1 counted feed by feed (a local pass), 14.1 in batches of one
  // article (13.0 / 13.1 on the morning of 3 December 2026; 13.9 after that day's tagger rounds, 14.1 once an oblast's capital became a city
  // under its oblast: the demo articles name a few more places, each a trend scope).
  trendWriteUnitsPerArticle: 14,
  trendReadUnitsPerBatch: 3,
  articleStoredKb: 7.3,
  retentionDays: 365,
  ingestBatchSize: 10,
  ingestMsPerInvocation: 1500,
  ingestMemoryMb: 512,
  dispatchMs: 150,
  dispatchMemoryMb: 256,
  alertMsPerArticle: 40,
  alertMemoryMb: 256,
  sqsRequestsPerMessage: 2.1,
  // 5 pollers × 3 long polls a minute (20 s each) × 60 × 24 × 30.4
  sqsIdlePollRequestsMonth: 5 * 3 * 60 * 24 * 30.4,
  logKbPerInvocation: 1.5,
  logRetentionDays: 365,
  ...{ customMetrics: 15, alarms: 16, webhookAlarms: 3, dashboards: 1, customerKmsKeys: 1 }, // = PROFILE_ASSUMPTIONS.standard
};

export interface CostLine {
  service: string;
  item: string;
  quantity: number;
  unit: string;
  usd: number;
  /** A cost of having the deployment at all (key, alarms, dashboard, metrics), not of the feeds it reads. */
  fixed: boolean;
  /** What the always-free tier takes off (per account; shared with other workloads). */
  freeTierUsd: number;
}

export interface CostEstimate {
  lines: CostLine[];
  totalUsd: number;
  totalAfterFreeTierUsd: number;
  /** Before SMS, which dominates wherever it is used. */
  totalBeforeSmsUsd: number;
  /** What reading the feeds costs (everything but SMS and the fixed lines). */
  pipelineUsd: number;
  fixedUsd: number;
  assumptions: string[];
}

const DAYS = 30.4;

/** Monthly AWS bill for a deployment, line by line, with every assumption spelled out. */
export function estimateMonthlyCost(input: CostInput, a: CostAssumptions = DEFAULT_ASSUMPTIONS): CostEstimate {
  const polls = input.feeds * ((24 * 60) / input.intervalMinutes) * DAYS;
  const passes = ((24 * 60) / input.intervalMinutes) * DAYS;
  const articles = input.itemsPerDay * DAYS;
  // The alert function gets about one stream batch per feed poll that found new articles.
  const alertBatches = Math.min(articles, polls);
  const sms = (input.smsPerDay ?? 0) * DAYS;
  const emails = (input.emailsPerDay ?? Math.min(input.itemsPerDay, 20)) * DAYS;
  const alerts = Math.max(sms, emails);
  const webhooks = input.webhooks ?? 0;
  const ingestInvocations = polls / a.ingestBatchSize;
  const invocations = passes + ingestInvocations + articles / 10 + 31 + alerts * webhooks;
  const alarms = a.alarms + (webhooks > 0 ? a.webhookAlarms : 0);
  const gbSeconds =
    (passes * a.dispatchMs * a.dispatchMemoryMb + ingestInvocations * a.ingestMsPerInvocation * a.ingestMemoryMb + articles * a.alertMsPerArticle * a.alertMemoryMb) / 1000 / 1024;
  const storedGb = (input.itemsPerDay * Math.min(a.retentionDays, 3650) * a.articleStoredKb) / 1024 / 1024;
  const logGb = (invocations * a.logKbPerInvocation) / 1024 / 1024;
  const logStoredGb = logGb * Math.min(a.logRetentionDays / DAYS, 120);
  const line = (service: string, item: string, quantity: number, unit: string, price: number, free = 0, fixed = false): CostLine => ({
    service,
    item,
    quantity,
    unit,
    usd: quantity * price,
    fixed,
    freeTierUsd: Math.min(quantity, free) * price,
  });
  const lines: CostLine[] = [
    line('Lambda', 'requests', invocations, 'invocations', PRICES.lambdaRequest, 1e6),
    line('Lambda', 'compute (arm64)', gbSeconds, 'GB-s', PRICES.lambdaGbSecondArm, 400_000),
    line('DynamoDB', 'writes (articles, feed state, alerts)', articles * a.writeUnitsPerArticle + polls * a.writeUnitsPerPoll + alerts * a.writeUnitsPerAlert, 'WRU', PRICES.dynamoWriteUnit),
    line('DynamoDB', 'reads (feed state, queries)', polls * a.readUnitsPerPoll + 10_000, 'RRU', PRICES.dynamoReadUnit),
    line('DynamoDB', 'trend counter writes (per tag and rule, hourly)', articles * a.trendWriteUnitsPerArticle, 'WRU', PRICES.dynamoWriteUnit),
    line('DynamoDB', 'spike judging reads (per alert batch)', alertBatches * a.trendReadUnitsPerBatch, 'RRU', PRICES.dynamoReadUnit),
    line('DynamoDB', `storage at steady state (${a.retentionDays}-day TTL)`, storedGb, 'GB-month', PRICES.dynamoStorageGbMonth, 25),
    line('DynamoDB', 'point-in-time recovery', storedGb, 'GB-month', PRICES.dynamoPitrGbMonth),
    line('SQS', 'feed messages + idle long polls', polls * a.sqsRequestsPerMessage + a.sqsIdlePollRequestsMonth, 'requests', PRICES.sqsRequest, 1e6),
    line('Scheduler', 'schedule invocations', passes + 31, 'invocations', PRICES.schedulerInvocation, 14e6),
    line('SNS', 'publishes', alerts + 31, 'publishes', PRICES.snsPublish, 1e6),
    line('SNS', 'email notifications', emails, 'emails', PRICES.snsEmail, 1000),
    line('SNS', 'SMS (US rate)', sms, 'messages', PRICES.smsUs),
    line('CloudWatch', 'log ingestion', logGb, 'GB', PRICES.logsIngestGb, 5),
    line('CloudWatch', `log storage at steady state (${a.logRetentionDays}-day retention)`, logStoredGb, 'GB-month', PRICES.logsStorageGbMonth, 5),
    line('CloudWatch', 'custom metrics', a.customMetrics, 'metrics', PRICES.customMetric, 10, true),
    line('CloudWatch', 'alarms', alarms, 'alarms', PRICES.alarm, 10, true),
    line('CloudWatch', 'dashboard', a.dashboards, 'dashboards', PRICES.dashboard, 3, true),
    line('KMS', 'customer-managed key (topics, log groups)', a.customerKmsKeys, 'keys', PRICES.kmsKeyMonth, 0, true),
    line('KMS', 'requests (SNS publish data keys)', alerts + 31, 'requests', PRICES.kmsRequest, 20_000),
  ];
  const totalUsd = lines.reduce((s, l) => s + l.usd, 0);
  const smsUsd = lines.find((l) => l.item.startsWith('SMS'))!.usd;
  const fixedUsd = lines.filter((l) => l.fixed).reduce((s, l) => s + l.usd, 0);
  return {
    lines,
    totalUsd,
    pipelineUsd: totalUsd - smsUsd - fixedUsd,
    fixedUsd,
    totalAfterFreeTierUsd: totalUsd - lines.reduce((s, l) => s + l.freeTierUsd, 0),
    totalBeforeSmsUsd: totalUsd - smsUsd,
    assumptions: [
      `region us-east-1 list prices, a month of ${DAYS} days, no free tier in the total (the free tier is shown separately)`,
      `${Math.round(polls).toLocaleString('en-US')} feed polls a month (${input.feeds} feeds every ${input.intervalMinutes} min), one SQS message each`,
      `ingest: ${a.ingestBatchSize} feeds per invocation read concurrently, ${a.ingestMsPerInvocation} ms at ${a.ingestMemoryMb} MB each (mostly waiting on the network); dispatch ${a.dispatchMs} ms at ${a.dispatchMemoryMb} MB per pass, alert ${a.alertMsPerArticle} ms at ${a.alertMemoryMb} MB per new article`,
      `${a.itemsPerArticle} DynamoDB items per new article (main item, index items, story items), ${a.writeUnitsPerArticle} write units in all, ${a.articleStoredKb} KB stored (measured on the demo feeds); ${a.writeUnitsPerPoll} write unit per poll (feed state)`,
      `trends: ${a.trendWriteUnitsPerArticle} write units per new article for the trend counters (one story-scopes update, and its share of one counter update per tag, rule and day per batch); ${a.trendReadUnitsPerBatch} read units per alert batch to judge spike and watch rules (about one batch per feed with new articles)`,
      `${input.itemsPerDay} new articles a day, kept ${a.retentionDays} days (storage shown at steady state)`,
      `emails: ${input.emailsPerDay ?? `min(articles, 20)`} a day; SMS: ${input.smsPerDay ?? 0} a day at the US rate ($${PRICES.smsUs} each; other countries cost up to 10× more)`,
      `Lambda's SQS event source long-polls even when idle: about ${Math.round(a.sqsIdlePollRequestsMonth).toLocaleString('en-US')} requests a month`,
      `${a.customMetrics} custom metrics, ${alarms} alarms, ${a.dashboards} dashboard, ${a.customerKmsKeys} customer-managed KMS key: fixed costs, largely inside the always-free tier of a quiet account`,
      ...(webhooks ? [`${webhooks} webhook subscription${webhooks === 1 ? '' : 's'}: one webhook function invocation per alert each`] : []),
      `${a.logKbPerInvocation} KB of logs per invocation`,
    ],
  };
}
