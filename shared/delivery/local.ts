// The webhook side of a local run: the subscriptions' targets with their secrets read from the
// environment, and the pending deliveries kept beside the embedded store.
import type { Config } from '../model';
import { webhookTarget, type WebhookTarget } from './deliver';
import { FilePendingStore, pendingFile } from './pending';
import { WebhookPublisher, type WebhookPublisherOptions } from './publisher';

/** A webhook subscription whose secret variable is not set: the run refuses to send it unsigned. */
export class WebhookSecretError extends Error {
  override name = 'WebhookSecretError';
}

/** The config's webhook subscriptions as targets; throws WebhookSecretError naming each unset secretEnv. */
export function webhookTargets(config: Pick<Config, 'subscriptions'>, env: NodeJS.ProcessEnv = process.env): WebhookTarget[] {
  const problems: string[] = [];
  const targets: WebhookTarget[] = [];
  config.subscriptions.forEach((sub, i) => {
    if (sub.protocol !== 'webhook') return;
    const secret = sub.secretEnv === undefined ? undefined : env[sub.secretEnv];
    if (sub.secretEnv !== undefined && !secret) problems.push(`subscriptions[${i}].secretEnv: environment variable ${sub.secretEnv} is not set (the webhook's requests must be signed with it)`);
    targets.push(webhookTarget(sub, i, secret));
  });
  if (problems.length) throw new WebhookSecretError(problems.join('\n'));
  return targets;
}

/**
 * The publisher for a local run's webhooks, its pending deliveries in `<dataDir>/webhooks-pending.jsonl`,
 * or undefined when the config has none.
 */
export function localWebhookPublisher(config: Config, opts: { dataDir: string; env?: NodeJS.ProcessEnv } & Partial<WebhookPublisherOptions>): WebhookPublisher | undefined {
  const targets = webhookTargets(config, opts.env);
  if (!targets.length) return undefined;
  return new WebhookPublisher({ ...opts, targets, pending: opts.pending ?? new FilePendingStore(pendingFile(opts.dataDir)), allowPrivateNetworks: config.allowPrivateNetworks });
}
