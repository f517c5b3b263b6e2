// Network safety: a feed URL must not reach the machine itself or its private network (SSRF) unless
// the config allows it. The check runs on the addresses a connection is actually made to (inside the
// DNS lookup the socket uses), so a name that resolves differently on a second lookup cannot slip by.
import dns from 'node:dns';
import net from 'node:net';
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

// The special-purpose ranges (IANA's registries) under the names and in the order of ipaddr.js 2.x,
// whose table this was; test/unit/feeds/netguard.test.ts checks that both answer alike. Node's own
// BlockList does the matching: ipaddr.js would be 13 KB of every ingest bundle.
const V4_RANGES: [string, string[]][] = [
  ['unspecified', ['0.0.0.0/8']],
  ['broadcast', ['255.255.255.255/32']],
  ['multicast', ['224.0.0.0/4']],
  ['linkLocal', ['169.254.0.0/16']],
  ['loopback', ['127.0.0.0/8']],
  ['carrierGradeNat', ['100.64.0.0/10']],
  ['private', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']],
  ['reserved', ['192.0.0.0/24', '192.0.2.0/24', '192.88.99.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '240.0.0.0/4']],
  ['as112', ['192.175.48.0/24', '192.31.196.0/24']],
  ['amt', ['192.52.193.0/24']],
];
const V6_RANGES: [string, string[]][] = [
  ['unspecified', ['::/128']],
  ['linkLocal', ['fe80::/10']],
  ['multicast', ['ff00::/8']],
  ['loopback', ['::1/128']],
  ['uniqueLocal', ['fc00::/7']],
  // (ipv4Mapped, ::ffff:0:0/96, is judged as the IPv4 address it carries: see blockedReason.)
  ['deprecatedSiteLocal', ['fec0::/10']],
  ['discard', ['100::/64']],
  ['rfc6145', ['::ffff:0:0:0/96']],
  ['rfc6052', ['64:ff9b::/96', '64:ff9b:1::/48']],
  ['6to4', ['2002::/16']],
  ['teredo', ['2001::/32']],
  ['benchmarking', ['2001:2::/48']],
  ['amt', ['2001:3::/32']],
  ['as112v6', ['2001:4:112::/48', '2620:4f:8000::/48']],
  ['deprecatedOrchid', ['2001:10::/28']],
  ['orchid2', ['2001:20::/28']],
  ['droneRemoteIdProtocolEntityTags', ['2001:30::/28']],
  ['segmentRouting', ['5f00::/16']],
  ['reserved', ['2001::/23', '2001:db8::/32', '3fff::/20']],
  // Deprecated IPv4-compatible addresses (::a.b.c.d): never public. ipaddr.js read the dotted form
  // as IPv4-mapped and the hex form as public; refusing all of them is the safe side of both.
  ['ipv4Compatible', ['::/96']],
];

function blockList(ranges: string[], family: 'ipv4' | 'ipv6'): net.BlockList {
  const list = new net.BlockList();
  for (const r of ranges) {
    const [address, prefix] = r.split('/');
    list.addSubnet(address!, Number(prefix), family);
  }
  return list;
}

const V4_LISTS = V4_RANGES.map(([name, ranges]) => [name, blockList(ranges, 'ipv4')] as const);
const V6_LISTS = V6_RANGES.map(([name, ranges]) => [name, blockList(ranges, 'ipv6')] as const);
const IPV4_MAPPED = blockList(['::ffff:0:0/96'], 'ipv6');

/** Why `ip` may not be fetched from (undefined = a public unicast address, fine). */
export function blockedReason(ip: string): string | undefined {
  const address = ip.replace(/%.*$/, ''); // an IPv6 zone (fe80::1%eth0) does not change the range
  const family = net.isIP(address);
  if (!family) return 'not an IP address';
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1), a classic way around naive checks, is judged by
  // its IPv4 address: BlockList matches it against IPv4 ranges.
  const asV4 = family === 4 || IPV4_MAPPED.check(address, 'ipv6');
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [range, list] of asV4 ? V4_LISTS : V6_LISTS) if (list.check(address, type)) return RANGE_WORDS[range] ?? `a non-public address (${range})`;
  return undefined;
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
