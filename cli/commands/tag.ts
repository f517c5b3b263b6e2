import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import { tagText } from '../../shared/tagging';
import { JsonBytes } from '../../shared/tagging/json';
import { CliError } from '../errors';
import { TagPool, type BatchResult } from '../tag-pool';
import { tagBytes, type BadLine } from '../tag-lines';

interface TagOptions {
  jsonl?: boolean;
  date?: string;
  workers?: string;
}

/** `news-monitor tag [FILE|-] [--jsonl]`: tag text without storing it (DESIGN.md contract). */
export function register(program: Command): void {
  program
    .command('tag')
    .description('tag text with actors and regions, without storing it')
    .argument('[file]', 'text file to tag, or - for standard input (the default)')
    .option('--jsonl', 'read JSON lines {"id","title"?,"text","date"?} and write one {"id","actors","regions"} line each, in order')
    .option('--date <iso>', 'publication date of plain text (picks the office holders of that day)')
    .option('--workers <n>', 'with --jsonl: tag on n worker threads (each loads and warms up its own tagger, about 70 MB: on 2 cores two workers gain only on long inputs)', '1')
    .addHelpText('after', '\nWith --jsonl a line that is not a JSON object with a string "text" is reported on stderr\n(line number and reason) and skipped; the others are still tagged, and the exit status is 1.')
    .action(async (file: string | undefined, o: TagOptions) => {
      if (o.date !== undefined && Number.isNaN(Date.parse(o.date))) throw new CliError(`--date must be an ISO date, got "${o.date}"`);
      const workers = workerCount(o.workers ?? '1');
      const { input } = openInput(file);
      if (o.jsonl) {
        const warn = (msg: string) => process.stderr.write(`news-monitor: ${msg}\n`);
        // Worker threads share out the lines; order and line numbers hold. Opt-in: each loads its own
        // copy of the tagger and warms up its own compiled code, so on 2 cores (docs/BENCHMARKS.md) two
        // workers are slower than the main thread over 10,000 articles and nearly twice as fast once
        // warm (about 4,200 against 2,300 articles/s), at about 335 MB instead of 190.
        const bad = await tagJsonLines(input, process.stdout, warn, Math.min(workers, os.availableParallelism()));
        if (bad) process.exitCode = 1;
        return;
      }
      const text = await readAll(input);
      process.stdout.write(`${JSON.stringify(tagText({ text, ...(o.date ? { date: o.date } : {}) }))}\n`);
    });
}

/** The --workers value as a number. */
function workerCount(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliError(`--workers must be a whole number from 1 to 64, got "${v}"`);
  return n;
}

/** The input stream: the file, or standard input. */
function openInput(file: string | undefined): { input: Readable } {
  if (!file || file === '-') return { input: process.stdin };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`, 1, { cause: err });
  }
  if (stat.isDirectory()) throw new CliError(`cannot read ${file}: it is a directory`);
  return { input: fs.createReadStream(file, { highWaterMark: 1 << 18 }) };
}

async function readAll(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of input) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Input bytes handed to a worker at a time (whole lines). */
const BATCH_BYTES = 1 << 20;
/** Bytes of output gathered before one write to the output stream. */
const OUT_CHUNK = 1 << 20;

/**
 * Tags JSON lines as they stream in, in order; returns the number of bad lines (each reported through
 * `warn` with its line number). With one worker the lines are tagged here, as each chunk arrives;
 * with more, batches of about `batchBytes` of whole lines go to a pool of worker threads (at most two
 * per worker in flight) and come back in input order. Memory holds a few batches, never the whole input.
 */
export async function tagJsonLines(input: Readable, output: NodeJS.WritableStream, warn: (msg: string) => void, workers = 1, batchBytes = BATCH_BYTES): Promise<number> {
  // A reader that goes away (`… | head`) ends the work quietly, as other Unix filters do.
  let gone = false;
  output.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    gone = true;
  });
  let badCount = 0;
  const report = (bad: BadLine[]) => {
    badCount += bad.length;
    for (const b of bad) warn(`line ${b.line}: ${b.reason}`);
  };
  const write = async (bytes: Uint8Array) => {
    if (bytes.length && !gone && !output.write(bytes)) await drained(output);
  };
  const pool = workers > 1 ? new TagPool(workers) : undefined;
  const inflight: Promise<BatchResult>[] = [];
  const out = new JsonBytes(OUT_CHUNK + (OUT_CHUNK >> 1));
  let lineNo = 1;
  /** Tags whole lines: here, or on the pool (then waits while too many batches are out). */
  const tag = async (b: Uint8Array, from: number, to: number) => {
    if (!pool) {
      const bad: BadLine[] = [];
      lineNo = tagBytes(b, from, to, out, lineNo, bad);
      report(bad);
      if (out.pos >= OUT_CHUNK) await write(out.take());
      return;
    }
    const batch = new Uint8Array(to - from); // a copy with an ArrayBuffer of its own, to move to the worker
    batch.set(b.subarray(from, to));
    const first = lineNo;
    for (let i = batch.indexOf(10); i >= 0; i = batch.indexOf(10, i + 1)) lineNo++;
    inflight.push(pool.submit(batch, first));
    while (inflight.length > workers * 2) await settle();
  };
  const settle = async () => {
    const r = await inflight.shift()!;
    report(r.bad);
    await write(r.out);
  };
  try {
    let rest: Buffer | undefined;
    let bom = true;
    for await (const chunk of input) {
      const c = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      const b = rest ? Buffer.concat([rest, c]) : c;
      // A byte-order mark opening the input is dropped, as TextDecoder does (decided once 3 bytes are in).
      let from = 0;
      if (bom && (b.length >= 3 || b.includes(10))) {
        bom = false;
        if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) from = 3;
      }
      // Lines go on as soon as they are whole; on the pool, once a batch is full.
      const cut = !pool || b.length - from >= batchBytes ? b.lastIndexOf(10) : -1;
      if (cut >= from) {
        await tag(b, from, cut + 1);
        from = cut + 1;
      }
      rest = from < b.length ? b.subarray(from) : undefined;
      if (gone) return badCount;
    }
    if (rest) await tag(rest, 0, rest.length);
    while (inflight.length) await settle();
    await write(out.take());
    return badCount;
  } finally {
    await pool?.close();
  }
}

/** Resolves when `output` can take more, or has failed (the error handler decides what follows). */
async function drained(output: NodeJS.WritableStream): Promise<void> {
  try {
    await once(output as unknown as NodeJS.EventEmitter, 'drain');
  } catch {
    // EPIPE and other write errors are handled by the caller's 'error' listener.
  }
}
