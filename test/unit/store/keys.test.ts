import { describe, expect, it } from 'vitest';
import { ALERT_POSITION_PATTERN, idFromTimeSortKey, keys, monthOf, POSITION_PATTERN, sortKeyUpTo, tableDesign, timeSortKey } from '../../../shared/store/keys';

describe('key formats', () => {
  it('puts an article and its marker in one item collection', () => {
    expect(keys.article('abc')).toEqual({ pk: 'ARTICLE#abc', sk: 'ARTICLE' });
    expect(keys.indexed('abc')).toEqual({ pk: 'ARTICLE#abc', sk: 'INDEXED' });
  });

  it('buckets listings by tag side and month', () => {
    expect(keys.tagListing('actor', 'nato', '2026-11')).toBe('TAG#a:nato#2026-11');
    expect(keys.tagListing('region', 'UA', '2026-11')).toBe('TAG#r:UA#2026-11');
    expect(keys.articlesByMonth(monthOf('2026-11-27T10:00:00.000Z'))).toBe('ARTICLES#2026-11');
  });

  it('orders listing sort keys by time and recovers the id', () => {
    const older = timeSortKey('2026-11-01T00:00:00.000Z', 'zzz');
    const newer = timeSortKey('2026-11-02T00:00:00.000Z', 'aaa');
    expect(older < newer).toBe(true);
    expect(idFromTimeSortKey(newer)).toBe('aaa');
    expect(newer <= sortKeyUpTo('2026-11-02T00:00:00.000Z')).toBe(true);
    expect(POSITION_PATTERN.test(newer)).toBe(true);
    expect(POSITION_PATTERN.test('2026-11-02#aaa')).toBe(false);
  });

  it('encodes # inside a part so parts never run together', () => {
    const k = keys.alertClaim('rule#1', 'a#b');
    expect(k.pk).toBe('ALERT#rule%231#a%23b');
    expect(k.pk.split('#')).toHaveLength(3);
  });

  it('shortens a very long part with a hash, keeping different values apart', () => {
    const a = keys.feed(`https://x.example/${'a'.repeat(2000)}`);
    const b = keys.feed(`https://x.example/${'a'.repeat(1999)}b`);
    expect(Buffer.byteLength(a.sk)).toBeLessThan(1024);
    expect(a.sk).not.toBe(b.sk);
  });

  it('finds the claim behind an alert position in either index', () => {
    const createdAt = '2026-11-27T10:00:00.000Z';
    const claim = keys.alertClaim('ru-ua', 'nato allies weigh air defence');
    const byRule = keys.alertRuleSortKey(createdAt, 'nato allies weigh air defence');
    const byTime = keys.alertTimeSortKey(createdAt, 'ru-ua', 'nato allies weigh air defence');
    expect(keys.claimFromRulePosition('ru-ua', byRule)).toEqual(claim);
    expect(keys.claimFromTimePosition(byTime)).toEqual(claim);
    expect(ALERT_POSITION_PATTERN.test(byRule) && ALERT_POSITION_PATTERN.test(byTime)).toBe(true);
  });

  it('declares every key attribute the items use in the table design', () => {
    expect(tableDesign).toMatchObject({ partitionKey: 'pk', sortKey: 'sk', ttlAttribute: 'ttl' });
    expect(tableDesign.indexes.map((i) => [i.name, i.partitionKey, i.sortKey])).toEqual([
      ['byTime', 'gsi1pk', 'gsi1sk'],
      ['byRule', 'gsi2pk', 'gsi2sk'],
    ]);
  });
});
