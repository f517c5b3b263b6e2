import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../shared/feeds/dates';

const now = new Date('2024-03-01T12:00:00Z');

describe('parseFeedDate', () => {
  it('reads RFC 822 and RFC 3339 dates', () => {
    expect(parseFeedDate('Thu, 17 Feb 2022 14:05:00 GMT', now)).toBe('2022-02-17T14:05:00.000Z');
    expect(parseFeedDate('2022-02-17T17:05:00+03:00', now)).toBe('2022-02-17T14:05:00.000Z');
  });
  it('reads local month names and zone abbreviations', () => {
    expect(parseFeedDate('Seg, 24 Set 2018 19:42:40 -0300', now)).toBe('2018-09-24T22:42:40.000Z');
    expect(parseFeedDate('Mon, 24 Sep 2018 10:00:00 MSK', now)).toBe('2018-09-24T07:00:00.000Z');
  });
  it('treats junk, bare numbers and far-future dates as missing', () => {
    expect(parseFeedDate('yesterday', now)).toBeUndefined();
    expect(parseFeedDate('1', now)).toBeUndefined();
    expect(parseFeedDate('Fri, 01 Mar 2030 00:00:00 GMT', now)).toBeUndefined();
    expect(parseFeedDate(undefined, now)).toBeUndefined();
  });
});

describe('parseFeedDate without a zone', () => {
  it('reads the time as UTC, whatever the machine', () => {
    expect(parseFeedDate('2024-02-20 10:30:00', now)).toBe('2024-02-20T10:30:00.000Z');
    expect(parseFeedDate('Tue, 20 Feb 2024 10:30:00', now)).toBe('2024-02-20T10:30:00.000Z');
  });
});
