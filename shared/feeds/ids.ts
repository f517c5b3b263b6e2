import { createHash } from 'node:crypto';

/** A stable article id: the first 22 base64url characters (132 bits) of SHA-256 of `key`. */
export function stableId(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}
