import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../shared/model';
import { markSegments, type Segment } from '../../../shared/web/marks';

const tag = (id: string, mentions: [number, number, string, ('title' | 'text')?][]): Tag => ({
  id,
  name: id.toUpperCase(),
  kind: 'region',
  score: 1,
  salient: true,
  mentions: mentions.map(([start, end, text, field]) => ({ start, end, text, ...(field ? { field } : {}) })),
});

/** The segments as text with [id:…] around each mark, to read the expectations at a glance. */
const show = (segs: Segment[]): string => segs.map((s) => (typeof s === 'string' ? s : `[${s.tag}:${show(s.children)}]`)).join('');

describe('markSegments', () => {
  const text = 'Russian warships near the Black Sea Fleet base in Crimea.';

  it('marks each mention at its offsets and keeps the rest of the text as it is', () => {
    const segs = markSegments(text, [tag('ru', [[0, 7, 'Russian']]), tag('crimea', [[50, 56, 'Crimea']])], 'text');
    expect(show(segs)).toBe('[ru:Russian] warships near the Black Sea Fleet base in [crimea:Crimea].');
  });

  it('nests a mention inside a longer one, and marks the same span of two tags twice', () => {
    const segs = markSegments(text, [tag('fleet', [[26, 41, 'Black Sea Fleet']]), tag('black-sea', [[26, 35, 'Black Sea']]), tag('ru', [[26, 41, 'Black Sea Fleet']])], 'text');
    expect(show(segs)).toBe('Russian warships near the [fleet:[ru:[black-sea:Black Sea] Fleet]] base in Crimea.');
  });

  it('takes only the mentions of the field asked for', () => {
    const t = tag('ru', [[0, 7, 'Russian'], [0, 6, 'Russia', 'title']]);
    expect(show(markSegments('Russia warns', [t], 'title'))).toBe('[ru:Russia] warns');
    expect(show(markSegments(text, [t], 'text'))).toBe(`[ru:Russian]${text.slice(7)}`);
  });

  it('leaves unmarked a mention that crosses another, falls outside the text or does not match it', () => {
    const segs = markSegments(text, [tag('a', [[8, 21, 'warships near']]), tag('b', [[17, 30, 'near the Blac']]), tag('c', [[50, 99, 'Crimea']]), tag('d', [[0, 7, 'Belarus']]), tag('e', [[-1, 3, 'x']])], 'text');
    expect(show(segs)).toBe('Russian [a:warships near] the Black Sea Fleet base in Crimea.');
  });

  it('marks a tag found twice on the same span once', () => {
    expect(show(markSegments(text, [tag('ru', [[0, 7, 'Russian'], [0, 7, 'Russian']]), tag('ru', [[0, 7, 'Russian']])], 'text'))).toBe(`[ru:Russian]${text.slice(7)}`);
  });

  it('gives back the plain text when there is nothing to mark', () => {
    expect(markSegments(text, [], 'text')).toEqual([text]);
    expect(markSegments('', [tag('ru', [[0, 7, 'Russian']])], 'text')).toEqual([]);
  });
});
