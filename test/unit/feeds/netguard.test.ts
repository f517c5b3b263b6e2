import { describe, expect, it } from 'vitest';
import { blockedReason, checkLiteralHost } from '../../../shared/feeds/netguard';

describe('blockedReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['192.168.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'unique local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
  ])('refuses %s (%s)', (ip, words) => {
    expect(blockedReason(ip)).toContain(words);
  });
  it.each(['93.184.216.34', '2606:4700:4700::1111', '8.8.8.8'])('allows public %s', (ip) => {
    expect(blockedReason(ip)).toBeUndefined();
  });
});

describe('checkLiteralHost', () => {
  it('refuses an IP literal in a private range with a hint', () => {
    expect(() => checkLiteralHost(new URL('http://[::1]:8080/feed'), false)).toThrow(/refused: ::1 is a loopback address; set "allowPrivateNetworks": true/);
  });
  it('lets it through when the config allows private networks', () => {
    expect(() => checkLiteralHost(new URL('http://127.0.0.1/feed'), true)).not.toThrow();
  });
});
