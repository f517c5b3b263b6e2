// The cloud side of webhook delivery: the function is invoked by SNS through one alias per webhook
// subscription (infra/constructs/webhook-delivery.ts), reads that webhook's secret from an SSM
// SecureString parameter, and delivers each record with the same deliver() as a local run.
import { GetParameterCommand, type SSMClient } from '../clients/sdk/ssm';
import type { SNSEventRecord } from 'aws-lambda';
import { subscriptionKey } from '../alerts/subscriptions';
import type { AlertMessage, Config } from '../model';
import { deliver, webhookTarget, type DeliverDeps, type WebhookTarget } from './deliver';

/**
 * The alert an SNS message carries: the whole outbox line (the `lambda` text SnsPublisher sets), or,
 * from a publisher that sets only `default`, the alert without its two texts, which are then made
 * from its fields so that every format still has a subject and a body.
 */
export function alertFromSnsMessage(text: string): AlertMessage {
  const m = JSON.parse(text) as AlertMessage;
  if (typeof m?.ruleId !== 'string' || typeof m.article?.title !== 'string') throw new WebhookRoutingError('the SNS message is not a news-monitor alert');
  const subject = `[${m.severity}] ${m.ruleId}: ${m.article.title}`;
  return { ...m, email: m.email ?? { subject, body: `${subject}\n${m.article.url}` }, sms: m.sms ?? subject };
}

/** The alias a webhook subscription's SNS subscription invokes: `hook-<subscriptionKey>`. */
export function hookAliasName(key: string): string {
  return `hook-${key}`;
}

/** The function was invoked in a way no webhook subscription explains (a bundling or wiring mistake). */
export class WebhookRoutingError extends Error {
  override name = 'WebhookRoutingError';
}

/** Reads webhook secrets from SSM Parameter Store (SecureString, decrypted), caching each for a few minutes. */
export class SsmSecrets {
  private readonly cache = new Map<string, { value: string; until: number }>();
  constructor(private readonly opts: { client: SSMClient; prefix: string; ttlMs?: number; now?: () => number }) {}

  /** The secret named `name` (the subscription's secretEnv); throws naming the parameter, never its value. */
  async get(name: string): Promise<string> {
    const now = (this.opts.now ?? Date.now)();
    const hit = this.cache.get(name);
    if (hit && hit.until > now) return hit.value;
    const parameter = `${this.opts.prefix}${name}`;
    let value: string | undefined;
    try {
      const out = await this.opts.client.send(new GetParameterCommand({ Name: parameter, WithDecryption: true }));
      value = out.Parameter?.Value;
    } catch (err) {
      throw new Error(`cannot read the webhook secret parameter ${parameter}: ${(err as Error).name}`, { cause: err });
    }
    if (!value) throw new Error(`the webhook secret parameter ${parameter} is empty`);
    this.cache.set(name, { value, until: now + (this.opts.ttlMs ?? 5 * 60_000) });
    return value;
  }
}

/** The webhook subscription an invocation is for, from the alias in the invoked function's ARN. */
export async function targetForInvocation(config: Pick<Config, 'subscriptions'>, invokedFunctionArn: string, secrets: Pick<SsmSecrets, 'get'>): Promise<WebhookTarget> {
  const alias = invokedFunctionArn.split(':')[7];
  const index = config.subscriptions.findIndex((s) => s.protocol === 'webhook' && hookAliasName(subscriptionKey(s)) === alias);
  if (index < 0) throw new WebhookRoutingError(`invoked as ${alias ? `alias ${alias}` : 'the unqualified function'}, which no webhook subscription of the bundled config uses`);
  const sub = config.subscriptions[index]!;
  return webhookTarget(sub, index, sub.secretEnv ? await secrets.get(sub.secretEnv) : undefined);
}

/**
 * Delivers the alert of each SNS record (its `lambda` text is the outbox line). Throws on the first
 * failure, so that Lambda retries the invocation and finally dead-letters its event: the receiver
 * may see a record of a multi-record event twice, with the same delivery id.
 */
export async function deliverSnsRecords(records: readonly SNSEventRecord[], target: WebhookTarget, deps: DeliverDeps): Promise<number> {
  let delivered = 0;
  for (const record of records) {
    const msg = alertFromSnsMessage(record.Sns.Message);
    await deliver(target, msg, deps);
    delivered++;
  }
  return delivered;
}
