/** What went wrong with a feed, in a few words a user can act on. */
export type FeedErrorKind =
  | 'network' // DNS, connection refused/reset
  | 'timeout' // idle or overall deadline
  | 'blocked' // private network refused
  | 'http' // a status that is not 200/304
  | 'too-large' // body or decompressed cap
  | 'redirect' // too many, loop, bad location
  | 'encoding' // content-encoding we cannot undo
  | 'not-a-feed' // HTML, JSON, empty, unknown root
  | 'xml' // malformed XML after the lenient retry
  | 'unsafe-xml' // entity-expansion attempts
  | 'file'; // file: URL problems

/** A feed read failure. `message` is one line in words; `cause` keeps the detail for logs. */
export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    options?: ErrorOptions & { status?: number; retryAfterMs?: number },
  ) {
    super(message, options);
    this.status = options?.status;
    this.retryAfterMs = options?.retryAfterMs;
  }
  /** HTTP status, for `http` errors. */
  readonly status?: number;
  /** How long the server asked us to wait (Retry-After on 429/503). */
  readonly retryAfterMs?: number;
}

/** One line in words for any thrown value: FeedErrors keep their message, others are described. */
export function describeError(err: unknown): string {
  if (err instanceof FeedError) return oneLine(err.message);
  const e = err as NodeJS.ErrnoException | undefined;
  const code = errorCode(err);
  const known: Record<string, string> = {
    ENOTFOUND: 'host not found (DNS)',
    EAI_AGAIN: 'DNS lookup failed (temporary)',
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset by the server',
    EPIPE: 'connection closed by the server',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    CERT_HAS_EXPIRED: 'TLS certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
    ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified',
    HPE_INVALID_CONSTANT: 'the server sent a malformed HTTP response',
    HPE_HEADER_OVERFLOW: 'the server sent oversized HTTP headers',
  };
  if (code && known[code]) return known[code];
  const msg = e?.message ? oneLine(e.message) : String(err);
  return code ? `${msg} (${code})` : msg;
}

/** The system error code of a thrown value or of its cause (fetch wraps the socket's error): ECONNRESET, ENOTFOUND … */
export function errorCode(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  return e?.code ?? (e?.cause as NodeJS.ErrnoException | undefined)?.code;
}

/** Collapses a message to a single short line. */
export function oneLine(s: string, max = 300): string {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
