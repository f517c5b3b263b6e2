// Request signing: the receiver recomputes the HMAC of the raw body with the shared secret and
// compares (in constant time) before trusting the alert.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature header's name (DESIGN.md §5). */
export const SIGNATURE_HEADER = 'X-News-Monitor-Signature';

/** `sha256=<hex>`: the HMAC-SHA256 of the raw body with the secret. */
export function signature(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True when `header` is the signature of `body` with `secret` (for receivers and tests). */
export function verifySignature(body: string | Buffer, secret: string, header: string | undefined): boolean {
  if (!header) return false;
  const want = Buffer.from(signature(body, secret));
  const got = Buffer.from(header);
  return want.length === got.length && timingSafeEqual(want, got);
}
