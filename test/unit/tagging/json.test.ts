import { describe, expect, it } from 'vitest';
import { JsonBytes, jsonString } from '../../../shared/tagging/json';

const tricky = ['plain', '', 'Türkiye', 'Київ', 'say "NATO"', 'back\\slash', 'tab\tnew\nline\u0001', 'emoji 🚀', 'lone \ud800 surrogate', 'sep \u2028 \u2029', 'Côte d’Ivoire'];

describe('JSON writer of tag lists', () => {
  it('writes strings exactly as JSON.stringify does', () => {
    for (const s of tricky) {
      expect(jsonString(s)).toBe(JSON.stringify(s));
      const o = new JsonBytes(4);
      o.string(s);
      expect(o.take().toString('utf8')).toBe(JSON.stringify(s));
    }
  });
  it('writes numbers exactly as JSON.stringify does', () => {
    for (const x of [0, -0, 7, 10, 99, 100, 4096, 10000, 54321, 999999999, 1e9, 123456789012, 2.5, 0.1 + 0.2, 1e21, -3, -1.25, 5.2, 0.01, 0.1, 4.05, 10.25, 12.5, 99.99, 1234567.89, 1.005, 1e-7]) {
      const o = new JsonBytes(2);
      o.number(x);
      expect(o.take().toString('utf8')).toBe(JSON.stringify(x));
    }
  });
});
