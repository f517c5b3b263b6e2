// One alert to one webhook: the body in the subscription's format, signed when it has a secret,
// POSTed with a per-request deadline and retried with exponential backoff on failures that can pass.
import { createHash } from 'node:crypto';
import type { AlertMessage, SubscriptionConfig } from '../model';
import { subscriptionKey as subscriptionKeyOf } from '../alerts/subscriptions';
import { endpointLabel, WebhookError } from './errors';
import { webhookBody } from './formats';
import type { PostFn } from './post';
import { signature, SIGNATURE_HEADER } from './sign';

/** Lets a receiver drop a repeat (a retried or redelivered request carries the same id). */
export const DELIVERY_HEADER = 'X-News-Monitor-Delivery';

/** Seconds one request may take unless the subscription says otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 10;

/** A webhook subscription ready to send to: its secret already read. */
export interface WebhookTarget {
  /** subscriptionKey(sub): pending deliveries are kept under it (never the URL, which may hold a token). */
  readonly key: string;
  /** Names it in messages: `subscriptions[2] (slack, https://hooks.slack.com/…)`. */
  readonly label: string;
  readonly sub: SubscriptionConfig;
  readonly secret?: string;
}

export interface RetryPolicy {
  /** Requests in all, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Three requests, about 0.5 s then 1 s apart (with jitter): a blip passes; a timeout is not retried in the same run. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 8000 };

export interface DeliverDeps {
  post: PostFn;
  allowPrivateNetworks: boolean;
  retry?: RetryPolicy;
  /** Waits between attempts (tests pass a fake clock's). */
  sleep?: (ms: number) => Promise<void>;
  /** Stops retrying early (the endpoint has been found dead by another delivery). */
  giveUp?: () => string | undefined;
}

/** Makes a target from a subscription and its position in the config. */
export function webhookTarget(sub: SubscriptionConfig, index: number, secret?: string): WebhookTarget {
  return { key: subscriptionKeyOf(sub), label: `subscriptions[${index}] (${sub.format ?? 'json'}, ${endpointLabel(sub.endpoint)})`, sub, secret };
}

/** The id of one alert's delivery to one webhook: the same on every retry and every run. */
export function deliveryId(key: string, msg: AlertMessage): string {
  return createHash('sha256').update(`${key}\n${msg.ruleId}\n${msg.delivery}\n${msg.article.id}\n${msg.delivery === 'digest' ? msg.email.subject : ''}`).digest('hex').slice(0, 32);
}

/** The body and headers of a delivery. */
export function deliveryRequest(target: WebhookTarget, msg: AlertMessage): { body: string; headers: Record<string, string> } {
  const body = webhookBody(target.sub.format ?? 'json', msg);
  const headers: Record<string, string> = { [DELIVERY_HEADER]: deliveryId(target.key, msg) };
  if (target.secret !== undefined) headers[SIGNATURE_HEADER] = signature(body, target.secret);
  return { body, headers };
}

/**
 * Sends one alert, retrying retryable failures with exponential backoff and full jitter. Resolves
 * with the number of requests made; rejects with the last WebhookError (its message names the
 * subscription, never the URL's path or the secret).
 */
export async function deliver(target: WebhookTarget, msg: AlertMessage, deps: DeliverDeps): Promise<number> {
  const retry = deps.retry ?? DEFAULT_RETRY;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const { body, headers } = deliveryRequest(target, msg);
  const timeoutMs = (target.sub.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  let last: WebhookError | undefined;
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    const dead = deps.giveUp?.();
    if (dead && last) break;
    if (dead) throw new WebhookError(`${target.label}: not tried: ${dead}`, target.sub.endpoint, true, 'network');
    try {
      await deps.post(target.sub.endpoint, body, headers, { timeoutMs, allowPrivateNetworks: deps.allowPrivateNetworks });
      return attempt;
    } catch (err) {
      last = asWebhookError(err, target);
      // An endpoint that does not answer in time is not asked again in this run: each try would
      // cost a whole timeout. The delivery stays pending and the next run tries it first.
      if (!last.retryable || last.kind === 'timeout' || attempt === retry.attempts) break;
      const cap = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
      await sleep(cap / 2 + Math.random() * (cap / 2));
    }
  }
  throw last!;
}

/** Any failure as a WebhookError whose message starts with the subscription's label. */
function asWebhookError(err: unknown, target: WebhookTarget): WebhookError {
  const label = endpointLabel(target.sub.endpoint);
  if (err instanceof WebhookError) return new WebhookError(`${target.label}: ${err.message.startsWith(label) ? err.message.slice(label.length + 2) : err.message}`, err.endpoint, err.retryable, err.kind, err.status, { cause: err });
  return new WebhookError(`${target.label}: ${(err as Error)?.message ?? String(err)}`, target.sub.endpoint, true, 'network', undefined, { cause: err });
}
