// The line engine of `tag --jsonl`: JSON lines in as bytes, output lines out as bytes. Both the main
// thread (small inputs) and the worker threads of cli/tag-pool.ts run it, so their output is the same
// byte for byte.
import { isAscii } from 'node:buffer';
import { tagTextJson } from '../shared/tagging';
import type { JsonBytes } from '../shared/tagging/json';

/** A line that could not be tagged: its number in the input and the reason. */
export interface BadLine {
  line: number;
  reason: string;
}

/**
 * Tags the lines of bytes [from, to) of `b` into `out`; a last line without a newline counts too.
 * `firstLine` is the number of the first line; bad lines are appended to `bad`. Returns the number
 * of the line after the last one read.
 */
export function tagBytes(b: Uint8Array, from: number, to: number, out: JsonBytes, firstLine: number, bad: BadLine[]): number {
  let lineNo = firstLine;
  const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  // Lines are cut in the bytes (a newline byte never occurs inside a UTF-8 sequence) and each is
  // decoded on its own: a line of plain ASCII then becomes a one-byte string, which JSON.parse and the
  // scan read faster than the two-byte string a whole chunk with one accented letter would become.
  while (from < to) {
    let nl = buf.indexOf(10, from);
    if (nl < 0 || nl > to) nl = to;
    const line = decodeLine(buf, from, nl);
    if (line.trim()) {
      const reason = tagLineInto(line, out);
      if (reason !== undefined) bad.push({ line: lineNo, reason });
    }
    lineNo++;
    from = nl + 1;
  }
  return lineNo;
}

/** The text of bytes [start, end) of `b` (UTF-8; Latin-1 is the same and faster for plain ASCII). */
function decodeLine(b: Buffer, start: number, end: number): string {
  return b.toString(isAscii(b.subarray(start, end)) ? 'latin1' : 'utf8', start, end);
}

/** Tags one input line and appends its output line to `out`; returns the reason when it cannot. */
export function tagLineInto(line: string, out: JsonBytes): string | undefined {
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
  out.ascii('{"id":');
  if (typeof id === 'string') out.string(id);
  else out.ascii(JSON.stringify(id)); // a number or boolean
  out.ascii(',');
  // Every field present (undefined when absent): inputs of one shape keep the tagger's reads of them monomorphic.
  tagTextJson({ text, title: typeof title === 'string' ? title : undefined, date: when || undefined }, out);
  out.ascii('}\n');
  return undefined;
}
