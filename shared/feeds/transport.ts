// One HTTP request/response hop, behind a small interface so the redirect, timeout and size logic in
// fetch.ts is shared by the built-in Node transport and by an injected `fetch` (tests, other runtimes).
import http from 'node:http';
import https from 'node:https';
import { checkHostResolves, guardedLookup } from './netguard';

export interface HopRequest {
  url: URL;
  headers: Record<string, string>;
  signal: AbortSignal;
  allowPrivateNetworks: boolean;
}

export interface HopResponse {
  status: number;
  statusText: string;
  header(name: string): string | undefined;
  /** Raw body bytes. */
  body: AsyncIterable<Uint8Array>;
  /** True when the transport has already undone Content-Encoding (fetch does). */
  decoded: boolean;
  /** Stops reading and releases the connection. */
  discard(): void;
}

export type Transport = (req: HopRequest) => Promise<HopResponse>;

/**
 * Node's own http/https: the body arrives exactly as sent (so the wire-size cap and our own bounded
 * decompression apply) and the private-network check runs inside the socket's DNS lookup.
 */
export const nodeTransport: Transport = (req) =>
  new Promise((resolve, reject) => {
    const mod = req.url.protocol === 'https:' ? https : http;
    const r = mod.request(
      req.url,
      { method: 'GET', headers: req.headers, signal: req.signal, lookup: guardedLookup(req.allowPrivateNetworks) as never },
      (res) => {
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          header: (name) => {
            const v = res.headers[name.toLowerCase()];
            return Array.isArray(v) ? v.join(', ') : v;
          },
          body: res,
          decoded: false,
          discard: () => res.destroy(),
        });
      },
    );
    r.on('error', reject);
    r.end();
  });

/**
 * An injected fetch (Node's undici or a test double). It resolves names itself, so the address
 * check is done by a lookup just before; it decompresses itself, so only the decoded cap applies.
 */
export function fetchTransport(fetchImpl: typeof fetch): Transport {
  return async (req) => {
    await checkHostResolves(req.url, req.allowPrivateNetworks);
    const res = await fetchImpl(req.url, { headers: req.headers, redirect: 'manual', signal: req.signal });
    const stream = res.body;
    return {
      status: res.status,
      statusText: res.statusText,
      header: (name) => res.headers.get(name) ?? undefined,
      body: stream ? iterate(stream) : (async function* () {})(),
      decoded: true,
      discard: () => void stream?.cancel().catch(() => {}),
    };
  };
}

async function* iterate(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
