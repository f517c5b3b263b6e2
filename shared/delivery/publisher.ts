// Local webhook delivery for `run` and `digest`: each alert is recorded as pending, then sent to every
// webhook whose filter lets it through, in the background, so a slow or dead endpoint never holds up
// the pass or the other endpoints. drain() waits for the deliveries; what still fails stays pending
// on disk for the next run.
import { acceptsMessage } from '../alerts/subscriptions';
import type { Publisher } from '../alerts/publisher';
import type { AlertMessage } from '../model';
import { deliver, deliveryId, type RetryPolicy, type WebhookTarget } from './deliver';
import type { WebhookError } from './errors';
import { nodePost, type PostFn } from './post';
import type { PendingDelivery, PendingStore } from './pending';

/** Requests in flight to one endpoint at once (chat services rate-limit per webhook). */
export const PER_ENDPOINT_CONCURRENCY = 4;
/** A delivery still failing after this many days is dropped (and said so): its news is stale. */
export const PENDING_MAX_AGE_DAYS = 7;

/** What the deliveries of a run came to (`run --json` carries it as `webhooks`). */
export interface DeliveryReport {
  delivered: number;
  /** Failed this run and kept for the next. */
  pending: number;
  /** Given up on: older than PENDING_MAX_AGE_DAYS, or their subscription left the config. */
  dropped: number;
}

export interface WebhookPublisherOptions {
  targets: WebhookTarget[];
  pending: PendingStore;
  allowPrivateNetworks: boolean;
  post?: PostFn;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  /** One line per problem (an endpoint failing, a delivery dropped), for the terminal. */
  onProblem?: (line: string) => void;
}

/** Sends alerts to webhook subscriptions; a Publisher, so it composes with the outbox (see fanOut). */
export class WebhookPublisher implements Publisher {
  private readonly items = new Map<string, PendingDelivery>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly slots = new Map<string, { busy: number; waiting: (() => void)[] }>();
  /** Endpoints that failed all retries this run: their other deliveries wait for the next run. */
  private readonly down = new Map<string, string>();
  private readonly failures = new Map<string, { count: number; last: string }>();
  private report: DeliveryReport = { delivered: 0, pending: 0, dropped: 0 };
  private saving: Promise<void> = Promise.resolve();
  private saveError: Error | undefined;
  private readonly post: PostFn;
  private readonly now: () => Date;

  constructor(private readonly opts: WebhookPublisherOptions) {
    this.post = opts.post ?? nodePost;
    this.now = opts.now ?? (() => new Date());
  }

  /** The webhook subscriptions this publisher sends to. */
  get targets(): readonly WebhookTarget[] {
    return this.opts.targets;
  }

  /**
   * Records the alert as pending for each webhook that takes it (awaited: once this resolves, the
   * deliveries survive a crash), then starts sending without waiting for the answers.
   */
  async publish(msg: AlertMessage): Promise<void> {
    const fresh: PendingDelivery[] = [];
    for (const t of this.opts.targets) {
      if (!acceptsMessage(t.sub, msg)) continue;
      const id = deliveryId(t.key, msg);
      if (this.items.has(id)) continue;
      const item: PendingDelivery = { id, hook: t.key, message: msg, since: this.now().toISOString(), runs: 0 };
      this.items.set(id, item);
      fresh.push(item);
    }
    if (!fresh.length) return;
    await this.persist();
    for (const item of fresh) this.start(item);
  }

  /** Loads the deliveries earlier runs left pending and starts sending them (dropping stale and orphaned ones). */
  async resumePending(): Promise<void> {
    const stored = await this.opts.pending.load();
    const byKey = new Map(this.opts.targets.map((t) => [t.key, t]));
    const oldest = this.now().getTime() - PENDING_MAX_AGE_DAYS * 86_400_000;
    let dropped = 0;
    const resumed: PendingDelivery[] = [];
    for (const item of stored) {
      if (this.items.has(item.id)) continue;
      const target = byKey.get(item.hook);
      if (!target || Date.parse(item.since) < oldest) {
        dropped++;
        this.opts.onProblem?.(`webhook: dropped the pending ${item.message.ruleId} alert for "${item.message.article.title}" (${!target ? 'its subscription is no longer in the config' : `still failing after ${PENDING_MAX_AGE_DAYS} days: ${item.lastError ?? 'no answer'}`})`);
        continue;
      }
      this.items.set(item.id, item);
      resumed.push(item);
    }
    this.report.dropped += dropped;
    if (dropped) await this.persist();
    for (const item of resumed) this.start(item);
  }

  /**
   * Waits for every delivery started so far, saves what is still pending, reports one line per
   * failing endpoint, and returns the counts since the last drain.
   */
  async drain(): Promise<DeliveryReport> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
    await this.persist().catch(() => undefined);
    for (const t of this.opts.targets) {
      const f = this.failures.get(t.key);
      if (f) this.opts.onProblem?.(`webhook ${t.label}: ${f.count} deliver${f.count === 1 ? 'y' : 'ies'} kept for the next run: ${f.last}`);
    }
    if (this.saveError) this.opts.onProblem?.(`webhook: could not save the pending deliveries: ${this.saveError.message}`);
    const report = { ...this.report, pending: this.items.size };
    this.report = { delivered: 0, pending: 0, dropped: 0 };
    this.failures.clear();
    this.down.clear();
    return report;
  }

  private start(item: PendingDelivery): void {
    const target = this.opts.targets.find((t) => t.key === item.hook)!;
    const p = this.send(target, item).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  private async send(target: WebhookTarget, item: PendingDelivery): Promise<void> {
    await this.acquire(target.key);
    try {
      await deliver(target, item.message, {
        post: this.post,
        allowPrivateNetworks: this.opts.allowPrivateNetworks,
        retry: this.opts.retry,
        sleep: this.opts.sleep,
        giveUp: () => this.down.get(target.key),
      });
      this.items.delete(item.id);
      this.report.delivered++;
    } catch (err) {
      const e = err as WebhookError;
      const reason = e.message.startsWith(`${target.label}: `) ? e.message.slice(target.label.length + 2) : e.message;
      if (!reason.startsWith('not tried')) this.down.set(target.key, `an earlier delivery to it failed (${reason})`);
      item.runs++;
      item.lastError = reason;
      const f = this.failures.get(target.key) ?? { count: 0, last: reason };
      f.count++;
      if (!reason.startsWith('not tried')) f.last = reason;
      this.failures.set(target.key, f);
    } finally {
      this.release(target.key);
    }
    // Saved as each delivery settles, so a run killed later does not send this one again. A failed
    // save is reported by drain(); the delivery itself is settled either way.
    await this.persist().catch(() => undefined);
  }

  private async acquire(key: string): Promise<void> {
    const s = this.slots.get(key) ?? { busy: 0, waiting: [] };
    this.slots.set(key, s);
    if (s.busy < PER_ENDPOINT_CONCURRENCY) {
      s.busy++;
      return;
    }
    await new Promise<void>((resolve) => s.waiting.push(resolve));
  }

  private release(key: string): void {
    const s = this.slots.get(key)!;
    const next = s.waiting.shift();
    if (next) next();
    else s.busy--;
  }

  /** Saves the current pending set; saves are chained, each writing the state at its turn. */
  private persist(): Promise<void> {
    const run = async () => {
      try {
        await this.opts.pending.save([...this.items.values()]);
        this.saveError = undefined;
      } catch (err) {
        this.saveError = err as Error;
        throw err;
      }
    };
    const done = this.saving.then(run);
    this.saving = done.catch(() => undefined);
    return done;
  }
}

/** A publisher that hands each alert to every publisher in turn (the outbox first, then webhooks). */
export function fanOut(...publishers: Publisher[]): Publisher {
  return {
    async publish(msg) {
      for (const p of publishers) await p.publish(msg);
    },
  };
}
