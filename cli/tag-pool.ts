// Worker threads for `tag --jsonl`: batches of whole input lines go to the workers as bytes (moved,
// not copied), and their output comes back as bytes the same way. Each worker loads the same code as
// the CLI itself (the esbuild bundle that cli/bin.mjs built, or the TypeScript through tsx) and runs
// the line engine of cli/tag-lines.ts on its batches.
import { parentPort, Worker } from 'node:worker_threads';
import { JsonBytes } from '../shared/tagging/json';
import { tagBytes, type BadLine } from './tag-lines';

/** What a worker answers for one batch. */
export interface BatchResult {
  out: Uint8Array;
  bad: BadLine[];
}

interface Request { id: number; bytes: Uint8Array; firstLine: number }
interface Reply { id: number; out: Uint8Array; bad: BadLine[] }

/** Output bytes expected per input byte (tag lists with mentions are about twice the article). */
const OUT_PER_IN = 2.2;

/** Worker-thread side: tags each batch it is sent and sends the output bytes back. */
export function runTagWorker(): void {
  const port = parentPort!;
  port.on('message', (m: Request) => {
    const out = new JsonBytes(Math.max(1 << 16, Math.ceil(m.bytes.length * OUT_PER_IN)));
    const bad: BadLine[] = [];
    tagBytes(m.bytes, 0, m.bytes.length, out, m.firstLine, bad);
    const bytes = out.take();
    // A Buffer this large has an ArrayBuffer of its own (only small ones share Node's pool).
    port.postMessage({ id: m.id, out: bytes, bad } satisfies Reply, [bytes.buffer as ArrayBuffer]);
  });
}

/** The module a worker imports: the CLI bundle when cli/bin.mjs runs one, else this file through tsx. */
function bootCode(): string {
  const entry = process.env.NEWS_MONITOR_CLI_ENTRY ?? import.meta.url;
  const run = '.then((m) => m.runTagWorker())';
  if (/\.m?js$/.test(entry)) return `import(${JSON.stringify(entry)})${run};`;
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })${run};`;
}

/** A fixed set of tagging workers; each batch goes to the worker with the fewest batches in hand. */
export class TagPool {
  private readonly workers: { w: Worker; pending: Set<number> }[];
  private readonly waiting = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(count: number) {
    const boot = bootCode();
    this.workers = Array.from({ length: count }, () => {
      const slot = { w: new Worker(boot, { eval: true }), pending: new Set<number>() };
      slot.w.on('message', (r: Reply) => {
        slot.pending.delete(r.id);
        const p = this.waiting.get(r.id);
        this.waiting.delete(r.id);
        p?.resolve({ out: r.out, bad: r.bad });
      });
      const fail = (err: Error) => {
        for (const id of slot.pending) {
          this.waiting.get(id)?.reject(err);
          this.waiting.delete(id);
        }
        slot.pending.clear();
      };
      slot.w.on('error', fail);
      slot.w.on('exit', (code) => fail(new Error(`a tagging worker stopped (exit code ${code})`)));
      return slot;
    });
  }

  /** Tags a batch of whole lines; `bytes` is moved to the worker (unusable here afterwards). */
  submit(bytes: Uint8Array, firstLine: number): Promise<BatchResult> {
    const id = this.nextId++;
    let slot = this.workers[0]!;
    for (const s of this.workers) if (s.pending.size < slot.pending.size) slot = s;
    slot.pending.add(id);
    return new Promise<BatchResult>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      slot.w.postMessage({ id, bytes, firstLine } satisfies Request, [bytes.buffer as ArrayBuffer]);
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    for (const s of this.workers) s.w.removeAllListeners('exit');
    await Promise.all(this.workers.map((s) => s.w.terminate()));
  }
}
