import { PassThrough, Readable } from 'node:stream';
import { tagJsonLines } from '../../../cli/commands/tag';
import { tagText } from '../../../shared/tagging';
import type { Tag } from '../../../shared/model';

/** Ids of the actors and regions found in a text. */
export function ids(text: string, opts: { title?: string; date?: string } = {}): { actors: string[]; regions: string[] } {
  const r = tagText({ text, ...opts });
  return { actors: r.actors.map((t) => t.id), regions: r.regions.map((t) => t.id) };
}

/** The tag with this id in either list. */
export function find(text: string, id: string, opts: { title?: string; date?: string } = {}): Tag | undefined {
  const r = tagText({ text, ...opts });
  return [...r.actors, ...r.regions].find((t) => t.id === id);
}

/**
 * Runs `tag --jsonl` over `text` arriving in chunks of `chunk` bytes (small chunks cut lines and
 * multi-byte characters in two, as a pipe may); returns the output text, the warnings and the count
 * of bad lines.
 */
export async function tagStream(text: string, chunk: number, workers = 1, batchBytes?: number): Promise<{ text: string; warnings: string[]; bad: number }> {
  const buf = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) parts.push(buf.subarray(i, i + chunk));
  const output = new PassThrough();
  const got: Buffer[] = [];
  output.on('data', (d: Buffer) => got.push(d));
  const warnings: string[] = [];
  const bad = await tagJsonLines(Readable.from(parts), output, (m) => warnings.push(m), workers, batchBytes);
  return { text: Buffer.concat(got).toString('utf8'), warnings, bad };
}
