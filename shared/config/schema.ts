import { z } from 'zod';

const severity = z.enum(['info', 'warning', 'critical']);
const delivery = z.enum(['instant', 'digest']);

/** A feed URL: http(s):// for the web, file: for local demos and tests. */
const feedUrl = z.string().refine((s) => {
  try {
    return ['http:', 'https:', 'file:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}, 'must be an http://, https:// or file: URL');

export const feedSchema = z.strictObject({
  url: feedUrl,
  name: z.string().trim().min(1, 'must not be empty').max(200),
});

const tagKind = z.enum(['country', 'organization', 'person', 'institution', 'region', 'city', 'sea', 'macro-region']);
/** A duration as spike rules write it (checked again, with the rule's id, when rules compile). */
const duration = z.string().regex(/^[1-9]\d{0,4}[mhd]$/, 'must be a duration such as 30m, 6h or 14d');

/** `"spike": {"window": "6h", "baseline": "14d", "factor": 3, "min": 5}` (DESIGN.md §5). */
export const spikeSchema = z.strictObject({
  window: duration,
  baseline: duration,
  factor: z.number().finite().min(1).max(1000),
  min: z.int().min(1).max(100_000),
});

/** `"watch": {"side": "region", "kinds": ["country"]}`: every tag of these kinds is followed for surges. */
export const watchSchema = z.strictObject({
  side: z.enum(['actor', 'region']),
  kinds: z.array(tagKind).min(1).optional(),
});

/** `"novel": {"pair": ["actor", "region"], "quietDays": 30}`. */
export const novelSchema = z.strictObject({
  pair: z.tuple([z.literal('actor'), z.literal('region')]),
  quietDays: z.int().min(1).max(365),
  actorKinds: z.array(tagKind).min(1).optional(),
  regionKinds: z.array(tagKind).min(1).optional(),
});

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 letters, digits, ".", "_" or "-"'),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  query: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
  severity: severity.default('info'),
  maxPerHour: z.int().min(1).max(1000).optional(),
  terms: z
    .record(z.string().trim().min(1, 'a term must not be empty').max(200), z.number().finite().refine((w) => w !== 0, 'a weight must not be 0'))
    .refine((t) => Object.keys(t).length > 0, 'needs at least one term')
    .refine((t) => Object.keys(t).length <= 200, 'at most 200 terms')
    .optional(),
  threshold: z.number().finite().positive().optional(),
  spike: spikeSchema.optional(),
  watch: watchSchema.optional(),
  novel: novelSchema.optional(),
});

const subscriptionChoice = {
  rules: z.array(z.string()).optional(),
  minSeverity: severity.optional(),
  delivery: delivery.optional(),
};

/** Email and SMS subscriptions (SNS). */
const snsSubscriptionSchema = z.strictObject({
  protocol: z.enum(['email', 'sms']),
  endpoint: z.string().trim().min(1, 'must not be empty'),
  ...subscriptionChoice,
});

/** A webhook URL: http(s) only (whether plain http is allowed depends on allowPrivateNetworks, checked across fields). */
const webhookUrl = z.string().trim().refine((s) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}, 'must be an https:// URL');

/** A webhook subscription (DESIGN.md §5). */
const webhookSubscriptionSchema = z.strictObject({
  protocol: z.literal('webhook'),
  endpoint: webhookUrl,
  format: z.enum(['slack', 'teams', 'json'], 'must be "slack", "teams" or "json"'),
  // An environment variable name locally, an SSM parameter name's last part in the cloud.
  secretEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'must be an environment variable name (letters, digits, "_")').optional(),
  timeoutSeconds: z.number().positive().max(60).optional(),
  ...subscriptionChoice,
});

export const subscriptionSchema = z.discriminatedUnion('protocol', [snsSubscriptionSchema, webhookSubscriptionSchema], {
  error: 'protocol must be "email", "sms" or "webhook"',
});

/** The config file (DESIGN.md §4), with the defaults a user would expect. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  feeds: z.array(feedSchema).min(1, 'needs at least one feed'),
  rules: z.array(ruleSchema).default([]),
  subscriptions: z.array(subscriptionSchema).default([]),
  allowPrivateNetworks: z.boolean().default(false),
  retentionDays: z.int().min(1).max(3650).default(365),
  intervalMinutes: z.int().min(1).max(1440).default(15),
  digestSchedule: z.string().min(1).default('cron(0 7 * * ? *)'),
  pauseFailingFeedAfterHours: z.number().positive().max(24 * 365).default(72),
  opsEmail: z.email().optional(),
});
