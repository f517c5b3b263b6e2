import { describe, expect, it } from 'vitest';
import { alertQuery, listingQuery } from '../../../shared/store/queries';

describe('listingQuery', () => {
  it('reads newest overall from the byTime index, newest first', () => {
    const q = listingQuery('t', { limit: 20 }, '2026-11', undefined, 21);
    expect(q).toMatchObject({ IndexName: 'byTime', KeyConditionExpression: '#pk = :pk', ScanIndexForward: false, Limit: 21, ExpressionAttributeValues: { ':pk': { S: 'ARTICLES#2026-11' } } });
    expect(q.FilterExpression).toBeUndefined();
  });

  it('walks a tag listing with the other tags and salience as filters and the range on the sort key', () => {
    const q = listingQuery('t', { via: { side: 'region', id: 'black-sea' }, alsoTagged: [{ side: 'actor', id: 'nato' }], salient: [{ side: 'region', id: 'black-sea' }], since: '2026-11-01T00:00:00.000Z', until: '2026-11-30T23:59:59.999Z', limit: 20 }, '2026-11', undefined, 80);
    expect(q.IndexName).toBeUndefined();
    expect(q.KeyConditionExpression).toBe('#pk = :pk AND #sk BETWEEN :lo AND :hi');
    expect(q.FilterExpression).toBe('contains(#tags, :t0) AND contains(#sal, :s0)');
    expect(q.ExpressionAttributeValues).toMatchObject({ ':pk': { S: 'TAG#r:black-sea#2026-11' }, ':t0': { S: 'a:nato' }, ':s0': { S: 'r:black-sea' }, ':hi': { S: '2026-11-30T23:59:59.999Z#~' } });
  });

  it('rebuilds the whole start key from a cursor position', () => {
    const after = '2026-11-27T10:00:00.000Z#abc';
    expect(listingQuery('t', { limit: 5 }, '2026-11', after, 6).ExclusiveStartKey).toEqual({ pk: { S: 'ARTICLE#abc' }, sk: { S: 'ARTICLE' }, gsi1pk: { S: 'ARTICLES#2026-11' }, gsi1sk: { S: after } });
    expect(listingQuery('t', { via: { side: 'actor', id: 'RU' }, limit: 5 }, '2026-11', after, 6).ExclusiveStartKey).toEqual({ pk: { S: 'TAG#a:RU#2026-11' }, sk: { S: after } });
  });
});

describe('alertQuery', () => {
  it('reads one rule from byRule, filtering delivery there', () => {
    const q = alertQuery('t', 'ru-ua', 'all', { delivery: 'digest' }, undefined, 10);
    expect(q).toMatchObject({ IndexName: 'byRule', FilterExpression: '#delivery = :delivery', ExpressionAttributeValues: { ':pk': { S: 'RULE#ru-ua' } } });
  });

  it('reads every rule by month from byTime', () => {
    const q = alertQuery('t', undefined, '2026-11', {}, undefined, 10);
    expect(q).toMatchObject({ IndexName: 'byTime', ExpressionAttributeValues: { ':pk': { S: 'ALERTS#2026-11' } } });
    expect(q.FilterExpression).toBeUndefined();
  });
});
