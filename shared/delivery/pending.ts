// Deliveries that have not reached their webhook yet, kept on disk between runs: the next run sends
// them first. A delivery is recorded before its first request and removed once it is answered 2xx,
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

/** Where pending deliveries live between runs. */
export interface PendingStore {
  load(): Promise<PendingDelivery[]>;
  save(items: PendingDelivery[]): Promise<void>;
}

/** The file of pending deliveries beside the embedded store: `<data-dir>/webhooks-pending.json`. */
export function pendingFile(dataDir: string): string {
  return path.join(dataDir, 'webhooks-pending.json');
}

/** A JSON file, replaced atomically (written beside, then renamed) so a crash never leaves half a file. */
export class FilePendingStore implements PendingStore {
  constructor(private readonly file: string) {}

  /** The pending deliveries, or none when the file does not exist; a damaged file is an error naming it. */
  async load(): Promise<PendingDelivery[]> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    try {
      const items = JSON.parse(text) as unknown;
      if (!Array.isArray(items)) throw new Error('not a list');
      return items.filter((i): i is PendingDelivery => typeof i?.id === 'string' && typeof i?.hook === 'string' && typeof i?.message?.ruleId === 'string');
    } catch (err) {
      throw new Error(`${this.file} is not a list of pending webhook deliveries (${(err as Error).message}); move it aside to start afresh`, { cause: err });
    }
  }

  /** Replaces the file with `items` (removes it when there are none). */
  async save(items: PendingDelivery[]): Promise<void> {
    if (!items.length) {
      await fs.promises.rm(this.file, { force: true });
      return;
    }
    await fs.promises.mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, `${JSON.stringify(items)}\n`, 'utf8');
    await fs.promises.rename(tmp, this.file);
  }
}
