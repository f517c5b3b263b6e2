import { isAscii } from 'node:buffer';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import type { Readable } from 'node:stream';
import { parentPort, Worker } from 'node:worker_threads';
import type { Command } from 'commander';
import { tagText } from '../../shared/tagging';
import { JsonBytes, writeTags } from '../../shared/tagging/json';
import { CliError } from '../errors';

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
    .option('--workers <n>', 'with --jsonl and a FILE: tag on n worker threads (faster on idle cores, more memory)', '1')
    .addHelpText('after', '\nWith --jsonl a line that is not a JSON object with a string "text" is reported on stderr\n(line number and reason) and skipped; the others are still tagged, and the exit status is 1.')
    .action(async (file: string | undefined, o: TagOptions) => {
      if (o.date !== undefined && Number.isNaN(Date.parse(o.date))) throw new CliError(`--date must be an ISO date, got "${o.date}"`);
      const input = openInput(file);
      if (o.jsonl) {
        const warn = (msg: string) => process.stderr.write(`news-monitor: ${msg}\n`);
        // Worker threads share out a file's lines; order and line numbers hold. Opt-in: each worker
        // holds its own copy of the tagger (about 100 MB), and on a busy machine they gain little.
        const n = Number(o.workers);
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliError(`--workers must be a whole number from 1 to 64, got "${o.workers}"`);
        const workers = file && file !== '-' && n > 1 ? Math.min(n, os.availableParallelism()) : 1;
        const bad = workers > 1 ? await tagJsonLinesParallel(input, process.stdout, warn, workers) : await tagJsonLines(input, process.stdout, warn);
        if (bad) process.exitCode = 1;
        return;
      }
      const text = await readAll(input);
      process.stdout.write(`${JSON.stringify(tagText({ text, ...(o.date ? { date: o.date } : {}) }))}\n`);
    });
}

function openInput(file: string | undefined): Readable {
  if (!file || file === '-') return process.stdin;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`, 1, { cause: err });
  }
  if (stat.isDirectory()) throw new CliError(`cannot read ${file}: it is a directory`);
  return fs.createReadStream(file, { highWaterMark: 1 << 18 });
}

async function readAll(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of input) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Tags JSON lines as they stream in: memory holds one input chunk and one output batch, never the
 * whole file. Returns the number of bad lines (each reported through `warn` with its line number).
 */
export async function tagJsonLines(input: Readable, output: NodeJS.WritableStream, warn: (msg: string) => void): Promise<number> {
  let lineNo = 0;
  let bad = 0;
  // A reader that goes away (`… | head`) ends the work quietly, as other Unix filters do.
  let gone = false;
  output.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    gone = true;
  });
  let tail = '';
  // Output goes straight into bytes and leaves in chunks of about 1 MB.
  const out = new JsonBytes(OUT_CHUNK + (OUT_CHUNK >> 1));
  const flush = async () => {
    if (!out.pos) return;
    const chunk = out.take();
    const ok = gone || output.write(chunk);
    if (!ok) await drained(output);
  };
  const handle = (line: string) => {
    lineNo++;
    if (!line.trim()) return;
    const r = tagLineInto(line, out);
    if (r !== undefined) {
      bad++;
      warn(`line ${lineNo}: ${r}`);
    }
  };
  // Lines are cut in the bytes (a newline byte never occurs inside a UTF-8 sequence) and each is
  // decoded on its own: a line of plain ASCII then becomes a one-byte string, which JSON.parse and the
  // scan read faster than the two-byte string a whole chunk with one accented letter would become.
  let rest: Buffer | undefined;
  let bom = true;
  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      const s = tail + chunk;
      let from = 0;
      for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', from)) {
        handle(s.slice(from, nl));
        from = nl + 1;
      }
      tail = s.slice(from);
    } else {
      const b = rest ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
      // A byte-order mark opening the input is dropped, as TextDecoder does (decided once 3 bytes are in).
      let from = 0;
      if (bom && b.length >= 3) {
        bom = false;
        if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) from = 3;
      }
      for (let nl = b.indexOf(10); nl >= 0; nl = b.indexOf(10, from)) {
        handle(decodeLine(b, from, nl));
        from = nl + 1;
      }
      rest = from < b.length ? b.subarray(from) : undefined;
    }
    if (out.pos >= OUT_CHUNK) await flush();
    if (gone) return bad;
  }
  if (rest) tail += rest.toString('utf8');
  if (tail) handle(tail);
  await flush();
  return bad;
}

/** The text of bytes [start, end) of `b` (UTF-8; Latin-1 is the same and faster for plain ASCII). */
function decodeLine(b: Buffer, start: number, end: number): string {
  return b.toString(isAscii(b.subarray(start, end)) ? 'latin1' : 'utf8', start, end);
}

/** Bytes of output gathered before one write to the output stream. */
const OUT_CHUNK = 1 << 20;

/** One input line to one output line, or the reason it cannot be tagged. */
export function tagLine(line: string): { json: string } | string {
  lineOut.pos = 0;
  const r = tagLineInto(line, lineOut);
  return r ?? { json: lineOut.takeString() };
}
const lineOut = new JsonBytes(1 << 16);

/** Tags one input line and appends its output line to `out`; returns the reason when it cannot. */
function tagLineInto(line: string, out: JsonBytes): string | undefined {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch (err) {
    return `not valid JSON (${(err as Error).message.split('\n')[0]})`;
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return 'not a JSON object';
  const { id, title, text, date, publishedAt } = o as Record<string, unknown>;
  if (typeof text !== 'string') return 'lacks a string "text"';
  if (id === undefined || id === null || typeof id === 'object') return 'lacks an "id" (string or number)';
  if (title !== undefined && title !== null && typeof title !== 'string') return '"title" is not a string';
  const when = typeof date === 'string' ? date : typeof publishedAt === 'string' ? publishedAt : undefined;
  const r = tagText({ text, ...(typeof title === 'string' ? { title } : {}), ...(when ? { date: when } : {}) });
  out.ascii('{"id":');
  if (typeof id === 'string') out.string(id);
  else out.ascii(JSON.stringify(id)); // a number or boolean
  out.ascii(',"actors":');
  writeTags(out, r.actors);
  out.ascii(',"regions":');
  writeTags(out, r.regions);
  out.ascii('}\n');
  return undefined;
}

/** Text handed to a worker at a time (whole lines). */
const BATCH_CHARS = 1 << 20;

interface BatchResult { seq: number; out: string; warnings: string[]; bad: number }

/** Tags one batch of whole lines; `firstLine` is the number of its first line in the input. */
function tagBatch(text: string, firstLine: number): { out: string; warnings: string[]; bad: number } {
  const out: string[] = [];
  const warnings: string[] = [];
  let bad = 0;
  let lineNo = firstLine;
  let from = 0;
  while (from <= text.length) {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    const line = text.slice(from, nl);
    if (line.trim()) {
      const r = tagLine(line);
      if (typeof r === 'string') {
        bad++;
        warnings.push(`line ${lineNo}: ${r}`);
      } else out.push(r.json);
    }
    lineNo++;
    from = nl + 1;
  }
  return { out: out.join(''), warnings, bad };
}

/** Worker-thread side of tagJsonLinesParallel: tags the batches it is sent. */
export function runTagWorker(): void {
  parentPort!.on('message', (m: { seq: number; text: string; firstLine: number }) => {
    parentPort!.postMessage({ seq: m.seq, ...tagBatch(m.text, m.firstLine) } satisfies BatchResult);
  });
}

/**
 * tagJsonLines over worker threads: the main thread cuts the input into batches of whole lines and
 * writes results back in input order; at most two batches per worker are in flight (bounded memory).
 */
export async function tagJsonLinesParallel(input: Readable, output: NodeJS.WritableStream, warn: (msg: string) => void, count: number, batchChars = BATCH_CHARS): Promise<number> {
  // Workers load this module through tsx, as cli/bin.mjs does for the main thread.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}); }).then((m) => m.runTagWorker());`;
  const workers = Array.from({ length: count }, () => new Worker(boot, { eval: true }));
  let gone = false;
  output.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    gone = true;
  });
  const done = new Map<number, BatchResult>();
  let nextToWrite = 0;
  let sent = 0;
  let bad = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const idle: Worker[] = [];
  const queue: { seq: number; text: string; firstLine: number }[] = [];
  const dispatch = () => {
    while (idle.length && queue.length) idle.pop()!.postMessage(queue.shift()!);
  };
  for (const w of workers) {
    idle.push(w, w); // two slots each
    w.on('message', (r: BatchResult) => {
      done.set(r.seq, r);
      idle.push(w);
      dispatch();
      wake?.();
    });
    w.on('error', (err) => {
      failure = err;
      wake?.();
    });
  }
  const drainDone = async () => {
    for (let r = done.get(nextToWrite); r; r = done.get(nextToWrite)) {
      done.delete(nextToWrite++);
      for (const m of r.warnings) warn(m);
      bad += r.bad;
      if (r.out && !gone && !output.write(r.out)) await drained(output);
    }
  };
  const waitForRoom = async (limit: number) => {
    while (!failure && sent - nextToWrite > limit) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      await drainDone();
    }
  };
  try {
    const decoder = new TextDecoder('utf-8');
    let tail = '';
    let lineNo = 1;
    const send = (text: string) => {
      queue.push({ seq: sent++, text, firstLine: lineNo });
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineNo++;
      lineNo++;
      dispatch();
    };
    for await (const chunk of input) {
      tail += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Buffer, { stream: true });
      while (tail.length >= batchChars) {
        const cut = tail.lastIndexOf('\n');
        if (cut < 0) break;
        send(tail.slice(0, cut));
        tail = tail.slice(cut + 1);
      }
      await waitForRoom(count * 2);
      if (gone || failure) break;
    }
    tail += decoder.decode();
    if (tail && !gone && !failure) send(tail);
    await waitForRoom(0);
    await drainDone();
    if (failure) throw failure;
    return bad;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
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
