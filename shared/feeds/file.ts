// file: feed URLs (demos, tests, feeds synced to disk). The file's size and modification time act as
// its ETag, so an unchanged file is "not modified" like an HTTP feed answering 304.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FeedError } from './errors';
import { mb } from './body';
import type { FetchOutcome, Validators } from './http';

/** Reads a file: URL within `maxBytes`, or reports it unchanged since `previous`. */
export async function fetchFile(url: URL, previous: Validators, maxBytes: number): Promise<FetchOutcome> {
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch (err) {
    throw new FeedError('file', `invalid file URL: ${(err as Error).message}`, { cause: err });
  }
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new FeedError('file', code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path} (${code})`, { cause: err });
  }
  if (!stat.isFile()) throw new FeedError('file', `not a file: ${path}`);
  if (stat.size > maxBytes) throw new FeedError('too-large', `file of ${mb(stat.size)} is larger than the ${mb(maxBytes)} cap`);
  const etag = `"file-${stat.size}-${Math.round(stat.mtimeMs)}"`;
  if (previous.etag === etag) return { kind: 'not-modified', validators: previous };
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(path);
  } catch (err) {
    throw new FeedError('file', `cannot read ${path} (${(err as NodeJS.ErrnoException).code})`, { cause: err });
  }
  return { kind: 'body', bytes, validators: { etag }, finalUrl: url.href };
}
