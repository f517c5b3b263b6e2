// Network safety: a feed URL must not reach the machine itself or its private network (SSRF) unless
// the config allows it. The check runs on the addresses a connection is actually made to (inside the
// DNS lookup the socket uses), so a name that resolves differently on a second lookup cannot slip by.
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { FeedError } from './errors';

const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private-network address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a private-network (unique local) address',
  carrierGradeNat: 'a carrier-grade NAT address',
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
};

/** Why `ip` may not be fetched from (undefined = a public unicast address, fine). */
export function blockedReason(ip: string): string | undefined {
  if (!ipaddr.isValid(ip)) return 'not an IP address';
  // process() unwraps IPv4-mapped IPv6 (::ffff:127.0.0.1), a classic way around naive checks.
  const range = ipaddr.process(ip).range();
  if (range === 'unicast') return undefined;
  return RANGE_WORDS[range] ?? `a non-public address (${range})`;
}

/** Throws a `blocked` FeedError when the URL's host is an IP literal that is not public. */
export function checkLiteralHost(url: URL, allowPrivate: boolean): void {
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!net.isIP(host)) return;
  const why = blockedReason(host);
  if (why) throw refused(host, host, why);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that refuses non-public addresses (when not allowed). */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, options, (err, address: string | dns.LookupAddress[], family?: number) => {
      if (err) return callback(err, address, family);
      if (!allowPrivate) {
        const list = Array.isArray(address) ? address.map((a) => a.address) : [address];
        for (const ip of list) {
          const why = blockedReason(ip);
          if (why) return callback(refused(hostname, ip, why) as NodeJS.ErrnoException, address, family);
        }
      }
      callback(null, address, family);
    });
  };
}

/** Resolves a host and checks every address (for transports that do their own lookup). */
export async function checkHostResolves(url: URL, allowPrivate: boolean): Promise<void> {
  checkLiteralHost(url, allowPrivate);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (allowPrivate || net.isIP(host)) return;
  const addrs = await dns.promises.lookup(host, { all: true });
  for (const a of addrs) {
    const why = blockedReason(a.address);
    if (why) throw refused(host, a.address, why);
  }
}

function refused(host: string, ip: string, why: string): FeedError {
  const at = host === ip ? host : `${host} (${ip})`;
  return new FeedError('blocked', `refused: ${at} is ${why}; set "allowPrivateNetworks": true in the config to allow it`);
}
