// The local publisher: one JSON line per alert (the DESIGN.md outbox line) and one readable line on
// the terminal, so a local run shows its alerts as they happen.
import fs from 'node:fs';
import path from 'node:path';
import type { AlertMessage } from '../model';
import type { Publisher } from './publisher';

/** Appends each alert to a JSON-lines file (folders created as needed) and prints it on `terminal`. */
export class OutboxPublisher implements Publisher {
  private readonly file: string;
  private readonly terminal?: NodeJS.WritableStream;
  // Appends are chained so that concurrent publishes never interleave within the file.
  private queue: Promise<void> = Promise.resolve();
  private dirReady = false;

  constructor(opts: { file: string; terminal?: NodeJS.WritableStream }) {
    this.file = opts.file;
    this.terminal = opts.terminal;
  }

  /** Writes one outbox line, then the terminal line. */
  publish(msg: AlertMessage): Promise<void> {
    const write = async (): Promise<void> => {
      if (!this.dirReady) {
        await fs.promises.mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
        this.dirReady = true;
      }
      await fs.promises.appendFile(this.file, `${JSON.stringify(msg)}\n`, 'utf8');
      this.terminal?.write(`${terminalLine(msg)}\n`);
    };
    const done = this.queue.then(write);
    this.queue = done.catch(() => undefined);
    return done;
  }
}

/** `ALERT [critical] ru-ua: <title> — <url>`, or `DIGEST …` for a digest. */
export function terminalLine(msg: AlertMessage): string {
  const kind = msg.delivery === 'digest' ? 'DIGEST' : 'ALERT';
  const what = msg.delivery === 'digest' ? msg.email.subject.replace(/^\[digest\]\s*/, '') : `${msg.article.title}${msg.article.url ? ` — ${msg.article.url}` : ''}`;
  return `${kind} [${msg.severity}] ${msg.ruleId}: ${what}`;
}
