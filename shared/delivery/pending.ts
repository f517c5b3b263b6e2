// Deliveries that have not reached their webhook yet, kept on disk between runs: the next run sends
// them first. A delivery is recorded before its first request and marked done once answered 2xx,
// so a run that is killed mid-way loses nothing either (the receiver may then get one twice, with
// the same X-News-Monitor-Delivery id).
import fs from 'node:fs';
import path from 'node:path';
import type { AlertMessage } from '../model';

/** One alert waiting for one webhook. */
export interface PendingDelivery {
  /** deliveryId(hook, message). */
  id: string;
  /** subscriptionKey of the webhook subscription (not its URL, which may carry a token). */
  hook: string;
  message: AlertMessage;
  /** When it was first queued (ISO). */
  since: string;
  /** Runs that tried it and failed. */
  runs: number;
  lastError?: string;
}

/** One change to the pending set: a delivery queued (or updated after a failed try), or one done with. */
export type PendingChange = { put: PendingDelivery } | { done: string };

/** Where pending deliveries live between runs: changes are appended as they happen, the whole set written at the end. */
export interface PendingStore {
  load(): Promise<PendingDelivery[]>;
  append(changes: PendingChange[]): Promise<void>;
  /** Replaces everything with `items` (the state after a run). */
  compact(items: PendingDelivery[]): Promise<void>;
}

/** The journal of pending deliveries beside the embedded store: `<data-dir>/webhooks-pending.jsonl`. */
export function pendingFile(dataDir: string): string {
  return path.join(dataDir, 'webhooks-pending.jsonl');
}

/**
 * A JSON-lines journal: each change is one appended line, so a run with many failing deliveries
 * writes each once instead of rewriting a growing file; compact() rewrites it atomically (written
 * beside, then renamed). A last line cut short by a crash is ignored.
 */
export class FilePendingStore implements PendingStore {
  constructor(private readonly file: string) {}

  /** The pending deliveries, or none when there is no journal; a damaged journal is an error naming it. */
  async load(): Promise<PendingDelivery[]> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const items = new Map<string, PendingDelivery>();
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      let change: PendingChange;
      try {
        change = JSON.parse(line) as PendingChange;
      } catch (err) {
        if (i >= lines.length - 2) return; // the last line, cut short by a crash mid-append
        throw new Error(`${this.file}, line ${i + 1}: not a pending webhook delivery; move the file aside to start afresh`, { cause: err });
      }
      if ('done' in change) items.delete(change.done);
      else if (typeof change.put?.id === 'string' && typeof change.put.hook === 'string' && typeof change.put.message?.ruleId === 'string') items.set(change.put.id, change.put);
    });
    return [...items.values()];
  }

  /** Appends the changes, one line each. */
  async append(changes: PendingChange[]): Promise<void> {
    if (!changes.length) return;
    await fs.promises.mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
    await fs.promises.appendFile(this.file, changes.map((c) => `${JSON.stringify(c)}\n`).join(''), 'utf8');
  }

  /** Rewrites the journal as `items` (removes it when there are none). */
  async compact(items: PendingDelivery[]): Promise<void> {
    if (!items.length) {
      await fs.promises.rm(this.file, { force: true });
      return;
    }
    await fs.promises.mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, items.map((put) => `${JSON.stringify({ put })}\n`).join(''), 'utf8');
    await fs.promises.rename(tmp, this.file);
  }
}
