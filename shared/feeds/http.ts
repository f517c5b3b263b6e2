// An HTTP(S) feed fetch: conditional GET, redirects checked hop by hop, an idle timer and an overall
// deadline that abort the request, and the body read within caps (body.ts).
import { errorCode, FeedError } from './errors';
import { readBody, mb } from './body';
import { checkLiteralHost } from './netguard';
import { parseRetryAfter } from './retry-after';
import type { Transport } from './transport';
import { ACCEPT, USER_AGENT } from './limits';

export interface FetchLimits {
  timeoutMs: number;
  deadlineMs: number;
  maxBytes: number;
  maxDecodedBytes: number;
  maxRedirects: number;
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome =
  | { kind: 'not-modified'; validators: Validators }
  | { kind: 'body'; bytes: Buffer; contentType?: string; validators: Validators; finalUrl: string; movedTo?: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Errors of a connection that failed before any answer and may well work a moment later (a reset
 * or closed socket, a refused connection, a temporary DNS failure): the request is sent once more
 * after RETRY_PAUSE_MS, within the same deadline, before the feed counts as failed and backs off.
 */
const TRANSIENT = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
const RETRY_PAUSE_MS = 250;

function transient(err: unknown): boolean {
  const code = errorCode(err);
  return code !== undefined && TRANSIENT.has(code);
}

/** GETs `start`, following at most `maxRedirects` redirects; every failure is a FeedError in words. */
export async function fetchHttp(
  start: URL,
  previous: Validators,
  opts: FetchLimits & { transport: Transport; allowPrivateNetworks: boolean; now: Date },
): Promise<FetchOutcome> {
  const ctrl = new AbortController();
  const secs = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  const deadline = setTimeout(
    () => ctrl.abort(new FeedError('timeout', `gave up after ${secs(opts.deadlineMs)} (the deadline for one feed)`)),
    opts.deadlineMs,
  );
  let idle: NodeJS.Timeout | undefined;
  const arm = (what: string) => {
    clearTimeout(idle);
    idle = setTimeout(() => ctrl.abort(new FeedError('timeout', `${what} for ${secs(opts.timeoutMs)}`)), opts.timeoutMs);
  };
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' };
  if (previous.etag) headers['if-none-match'] = previous.etag;
  if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
  try {
    let url = start;
    const seen = new Set<string>([url.href]);
    // Where a chain of permanent redirects (301/308) from the start leads: the config should say that.
    let movedTo: string | undefined;
    let permanent = true;
    let retried = false;
    for (let hop = 0; ; hop++) {
      checkLiteralHost(url, opts.allowPrivateNetworks);
      arm('no response');
      const send = () => opts.transport({ url, headers, signal: ctrl.signal, allowPrivateNetworks: opts.allowPrivateNetworks });
      const res = await send().catch(async (err: unknown) => {
        if (retried || ctrl.signal.aborted || !transient(err)) throw err;
        retried = true; // once per feed read: a server that keeps resetting fails as before
        await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
        arm('no response');
        return send();
      });
      if (REDIRECTS.has(res.status)) {
        res.discard();
        url = nextHop(url, res.header('location'), res.status, seen, hop, opts.maxRedirects);
        permanent &&= res.status === 301 || res.status === 308;
        movedTo = permanent ? url.href : undefined;
        continue;
      }
      if (res.status === 304) {
        res.discard();
        return { kind: 'not-modified', validators: previous };
      }
      if (res.status < 200 || res.status > 299 || res.status === 204) {
        res.discard();
        throw httpError(res.status, res.statusText, res.header('retry-after'), opts.now);
      }
      const length = Number(res.header('content-length'));
      if (!res.decoded && Number.isFinite(length) && length > opts.maxBytes) {
        res.discard();
        throw new FeedError('too-large', `response of ${mb(length)} is larger than the ${mb(opts.maxBytes)} cap`);
      }
      arm('stalled: no data');
      const bytes = await readBody(res.body, res.decoded ? undefined : res.header('content-encoding'), {
        maxBytes: opts.maxBytes,
        maxDecodedBytes: opts.maxDecodedBytes,
        onChunk: () => arm('stalled: no data'),
      });
      return {
        kind: 'body',
        bytes,
        contentType: res.header('content-type'),
        validators: { etag: res.header('etag') || undefined, lastModified: res.header('last-modified') || undefined },
        finalUrl: url.href,
        ...(movedTo ? { movedTo } : {}),
      };
    }
  } catch (err) {
    // An abort surfaces as a generic AbortError from the transport; the reason we set says why.
    if (ctrl.signal.aborted && ctrl.signal.reason instanceof FeedError) throw ctrl.signal.reason;
    throw err;
  } finally {
    clearTimeout(deadline);
    clearTimeout(idle);
  }
}

function nextHop(from: URL, location: string | undefined, status: number, seen: Set<string>, hop: number, max: number): URL {
  if (!location) throw new FeedError('redirect', `HTTP ${status} redirect without a Location header`);
  let next: URL;
  try {
    next = new URL(location, from);
  } catch (err) {
    throw new FeedError('redirect', `redirect to an invalid URL "${location.slice(0, 100)}"`, { cause: err });
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new FeedError('redirect', `redirect to a ${next.protocol} URL refused`);
  if (seen.has(next.href)) throw new FeedError('redirect', `redirect loop: ${next.pathname} was already visited`);
  if (hop + 1 > max) throw new FeedError('redirect', `more than ${max} redirects`);
  seen.add(next.href);
  return next;
}

function httpError(status: number, text: string, retryAfter: string | undefined, now: Date): FeedError {
  const label = `HTTP ${status}${text ? ` ${text}` : ''}`;
  if (status === 204) return new FeedError('not-a-feed', 'empty response (HTTP 204 No Content)', { status });
  const wait = status === 429 || status === 503 ? parseRetryAfter(retryAfter, now) : undefined;
  const hint = wait !== undefined ? `; the server asks to wait ${Math.round(wait / 1000)} s (Retry-After)` : '';
  return new FeedError('http', `${label}${hint}`, { status, retryAfterMs: wait });
}
