import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import { tagText } from '../../shared/tagging';
import { CliError } from '../errors';

interface TagOptions {
  jsonl?: boolean;
  date?: string;
}

/** `news-monitor tag [FILE|-] [--jsonl]`: tag text without storing it (DESIGN.md contract). */
export function register(program: Command): void {
  program
    .command('tag')
    .description('tag text with actors and regions, without storing it')
    .argument('[file]', 'text file to tag, or - for standard input (the default)')
    .option('--jsonl', 'read JSON lines {"id","title"?,"text","date"?} and write one {"id","actors","regions"} line each, in order')
    .option('--date <iso>', 'publication date of plain text (picks the office holders of that day)')
    .addHelpText('after', '\nWith --jsonl a line that is not a JSON object with a string "text" is reported on stderr\n(line number and reason) and skipped; the others are still tagged, and the exit status is 1.')
    .action(async (file: string | undefined, o: TagOptions) => {
      if (o.date !== undefined && Number.isNaN(Date.parse(o.date))) throw new CliError(`--date must be an ISO date, got "${o.date}"`);
      const input = openInput(file);
      if (o.jsonl) {
        const bad = await tagJsonLines(input, process.stdout, (msg) => process.stderr.write(`news-monitor: ${msg}\n`));
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
  return fs.createReadStream(file, { highWaterMark: 1 << 20 });
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
  let out: string[] = [];
  let outLen = 0;
  const flush = async () => {
    if (!out.length) return;
    const ok = gone || output.write(out.join(''));
    out = [];
    outLen = 0;
    if (!ok) await new Promise<void>((resolve) => {
      output.once('drain', resolve);
      output.once('error', () => resolve());
    });
  };
  const handle = (line: string) => {
    lineNo++;
    if (!line.trim()) return;
    const r = tagLine(line);
    if (typeof r === 'string') {
      bad++;
      warn(`line ${lineNo}: ${r}`);
      return;
    }
    out.push(r.json);
    outLen += r.json.length;
  };
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input) {
    const s = tail + (typeof chunk === 'string' ? chunk : decoder.decode(chunk as Buffer, { stream: true }));
    let from = 0;
    let nl = s.indexOf('\n');
    while (nl >= 0) {
      handle(s.slice(from, nl));
      from = nl + 1;
      nl = s.indexOf('\n', from);
    }
    tail = s.slice(from);
    if (outLen > 1 << 18) await flush();
    if (gone) return bad;
  }
  tail += decoder.decode();
  if (tail) handle(tail);
  await flush();
  return bad;
}

/** One input line to one output line, or the reason it cannot be tagged. */
function tagLine(line: string): { json: string } | string {
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
  return { json: `{"id":${JSON.stringify(id)},"actors":${JSON.stringify(r.actors)},"regions":${JSON.stringify(r.regions)}}\n` };
}
