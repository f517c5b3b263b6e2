// Local webhook delivery for `run` and `digest`: each alert is recorded as pending, then sent to every
// webhook whose filter lets it through, in the background, so a slow or dead endpoint never holds up
// the pass or the other endpoints. drain() waits for the deliveries; what still fails stays pending
// on disk (a journal of changes, compacted at each drain) for the next run.
import { acceptsMessage } from '../alerts/subscriptions';
import type { Publisher } from '../alerts/publisher';
import type { AlertMessage } from '../model';
import { deliver, deliveryId, type RetryPolicy, type WebhookTarget } from './deliver';
import type { WebhookError } from './errors';
import { nodePost, type PostFn } from './post';
import type { PendingChange, PendingDelivery, PendingStore } from './pending';

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
  /** Ids of the deliveries being sent right now (a pending one is started again only when it is not). */
  private readonly sending = new Set<string>();
  private readonly slots = new Map<string, { busy: number; waiting: (() => void)[] }>();
  /** Endpoints that failed all retries this run: their other deliveries wait for the next run. */
  private readonly down = new Map<string, string>();
  private readonly failures = new Map<string, { count: number; last: string }>();
  private report: DeliveryReport = { delivered: 0, pending: 0, dropped: 0 };
  private saving: Promise<void> = Promise.resolve();
  private queuedSave: Promise<void> | undefined;
  private unsaved: PendingChange[] = [];
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
    await this.record(fresh.map((put) => ({ put })));
    for (const item of fresh) this.start(item);
  }

  /**
   * Starts sending what earlier runs (or earlier passes of this one, with --watch) left pending,
   * dropping deliveries that are too old or whose subscription left the config.
   */
  async resumePending(): Promise<void> {
    for (const item of await this.opts.pending.load()) if (!this.items.has(item.id)) this.items.set(item.id, item);
    const byKey = new Map(this.opts.targets.map((t) => [t.key, t]));
    const oldest = this.now().getTime() - PENDING_MAX_AGE_DAYS * 86_400_000;
    let dropped = 0;
    const resumed: PendingDelivery[] = [];
    for (const item of [...this.items.values()]) {
      if (this.sending.has(item.id)) continue;
      const target = byKey.get(item.hook);
      if (!target || Date.parse(item.since) < oldest) {
        dropped++;
        this.items.delete(item.id);
        this.unsaved.push({ done: item.id });
        this.opts.onProblem?.(`webhook: dropped the pending ${item.message.ruleId} alert for "${item.message.article.title}" (${!target ? 'its subscription is no longer in the config' : `still failing after ${PENDING_MAX_AGE_DAYS} days: ${item.lastError ?? 'no answer'}`})`);
        continue;
      }
      resumed.push(item);
    }
    this.report.dropped += dropped;
    if (dropped) await this.record();
    for (const item of resumed) this.start(item);
  }

  /**
   * Waits for every delivery started so far, saves what is still pending, reports one line per
   * failing endpoint, and returns the counts since the last drain.
   */
  async drain(): Promise<DeliveryReport> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
    await this.compact().catch(() => undefined);
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
    this.sending.add(item.id);
    const p = this.send(target, item).finally(() => {
      this.inFlight.delete(p);
      this.sending.delete(item.id);
    });
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
      this.unsaved.push({ done: item.id });
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
      this.unsaved.push({ put: item });
    } finally {
      this.release(target.key);
    }
    // Recorded as each delivery settles, so a run killed later does not send this one again. A
    // failed write is reported by drain(); the delivery itself is settled either way.
    await this.record().catch(() => undefined);
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

  /**
   * Appends `changes` and any others not yet written. Writes are chained and coalesced: while one is
   * writing, later calls share the one queued after it, which takes every change made until it
   * starts; so each change is on disk when its call resolves.
   */
  private record(changes: PendingChange[] = []): Promise<void> {
    this.unsaved.push(...changes);
    if (this.queuedSave) return this.queuedSave;
    return this.chain(async () => {
      const batch = this.unsaved;
      this.unsaved = [];
      await this.opts.pending.append(batch);
    });
  }

  /** Rewrites the store as the current pending set (the journal's changes folded in). */
  private compact(): Promise<void> {
    return this.chain(async () => {
      this.unsaved = [];
      await this.opts.pending.compact([...this.items.values()]);
    });
  }

  private chain(write: () => Promise<void>): Promise<void> {
    const run = async () => {
      this.queuedSave = undefined;
      try {
        await write();
        this.saveError = undefined;
      } catch (err) {
        this.saveError = err as Error;
        throw err;
      }
    };
    const done = this.saving.then(run);
    this.queuedSave = done;
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
