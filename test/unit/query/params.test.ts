import { describe, expect, it } from 'vitest';
import { parseLimit } from '../../../shared/query';
import { parseFlag } from '../../../shared/query/params';

describe('parseLimit', () => {
  it('accepts 1 to 100 and defaults to 20', () => {
    expect(parseLimit(undefined)).toBe(20);
    expect(parseLimit('1')).toBe(1);
    expect(parseLimit(100)).toBe(100);
  });

  it('rejects anything else in one line', () => {
    for (const bad of ['0', '101', '2.5', 'ten', '-1', '1e2']) expect(() => parseLimit(bad), bad).toThrow(`limit must be a whole number from 1 to 100, got "${bad}"`);
  });
});

describe('parseFlag', () => {
  it('reads true/false words and rejects others', () => {
    expect(parseFlag('true', 'salient')).toBe(true);
    expect(parseFlag('0', 'salient')).toBe(false);
    expect(parseFlag(undefined, 'salient')).toBe(false);
    expect(() => parseFlag('maybe', 'salient')).toThrow('salient must be true or false, got "maybe"');
  });
});
