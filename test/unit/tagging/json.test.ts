import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../shared/model';
import { JsonBytes, jsonString, writeTags } from '../../../shared/tagging/json';

const tricky = ['plain', '', 'Türkiye', 'Київ', 'say "NATO"', 'back\\slash', 'tab\tnew\nline\u0001', 'emoji 🚀', 'lone \ud800 surrogate', 'sep \u2028 \u2029', 'Côte d’Ivoire'];

function bytesOf(tags: Tag[]): string {
  const o = new JsonBytes(8); // small, so that the buffer has to grow
  writeTags(o, tags);
  return o.take().toString('utf8');
}

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
    for (const x of [0, -0, 7, 10, 99, 100, 4096, 999999999, 1e9, 123456789012, 2.5, 0.1 + 0.2, 1e21, -3, -1.25, 5.2]) {
      const o = new JsonBytes(2);
      o.number(x);
      expect(o.take().toString('utf8')).toBe(JSON.stringify(x));
    }
  });
  it('writes tags with every optional field, and the same id with other fields, as JSON.stringify does', () => {
    const tags: Tag[] = [
      { id: 'UA', name: 'Ukraine', kind: 'country', country: 'UA', wikidata: 'Q212', score: 7.5, salient: true, mentions: tricky.map((text, i) => ({ text, start: i * 11, end: i * 11 + text.length, ...(i % 2 ? { field: 'title' as const } : {}) })), parents: ['eastern-europe'], via: ['kyiv', 'donetsk-oblast'] },
      { id: 'nato', name: 'NATO', kind: 'organization', score: 1, salient: false, mentions: [] },
      { id: 'UA', name: 'Ukraine "renamed"', kind: 'country', score: 0, salient: false, mentions: [], via: [] },
    ];
    expect(bytesOf(tags)).toBe(JSON.stringify(tags));
    expect(bytesOf(tags)).toBe(JSON.stringify(tags)); // second time from the cached heads
    expect(bytesOf([])).toBe('[]');
  });
});
