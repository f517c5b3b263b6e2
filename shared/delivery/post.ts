// One webhook request: a POST with a deadline, on a connection whose addresses pass the same
// private-network check as feed fetches (shared/feeds/netguard), no redirects followed.
import http from 'node:http';
import https from 'node:https';
import { FeedError } from '../feeds/errors';
import { checkLiteralHost, guardedLookup } from '../feeds/netguard';
import { endpointLabel, WebhookError } from './errors';

export interface PostOptions {
  /** Milliseconds for the whole exchange (connect, send, answer). */
  timeoutMs: number;
  allowPrivateNetworks: boolean;
}

/** What a successful request answered. */
export interface PostResult {
  status: number;
}

/** A request function: the Node one below, or a test double. */
export type PostFn = (endpoint: string, body: string, headers: Record<string, string>, opts: PostOptions) => Promise<PostResult>;

/** Bytes of a response body read (and thrown away) at most: receivers answer "ok". */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs the body; resolves on a 2xx, rejects with a WebhookError otherwise. 408, 429 and 5xx and
 * network failures are retryable; other answers (a 404, a 400 for a bad payload, a redirect) are not.
 */
export const nodePost: PostFn = (endpoint, body, headers, opts) => {
  const label = endpointLabel(endpoint);
  let url: URL;
  try {
    url = new URL(endpoint);
    checkLiteralHost(url, opts.allowPrivateNetworks);
  } catch (err) {
    return Promise.reject(new WebhookError(`${label}: ${err instanceof FeedError ? err.message : 'not a valid URL'}`, endpoint, false, 'refused', undefined, { cause: err }));
  }
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise<PostResult>((resolve, reject) => {
    const signal = AbortSignal.timeout(opts.timeoutMs);
    const req = mod.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'news-monitor', ...headers },
        signal,
        lookup: guardedLookup(opts.allowPrivateNetworks) as never,
      },
      (res) => {
        let seen = 0;
        res.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > MAX_RESPONSE_BYTES) res.destroy();
        });
        const settle = () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolve({ status });
          const retryable = status === 408 || status === 429 || status >= 500;
          reject(new WebhookError(`${label}: answered HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, endpoint, retryable, 'http', status));
        };
        res.on('end', settle);
        res.on('close', settle); // a body cut short still has its status
        res.on('error', () => undefined);
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (signal.aborted) return reject(new WebhookError(`${label}: no answer within ${Math.round(opts.timeoutMs / 100) / 10} s`, endpoint, true, 'timeout', undefined, { cause: err }));
      if (err instanceof FeedError) return reject(new WebhookError(`${label}: ${err.message}`, endpoint, false, 'refused', undefined, { cause: err }));
      reject(new WebhookError(`${label}: ${err.code ?? err.message}`, endpoint, true, 'network', undefined, { cause: err }));
    });
    req.end(body);
  });
};
