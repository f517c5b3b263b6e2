import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../shared/store/cursor';
import { InvalidCursorError } from '../../../shared/store/errors';

const ok = () => true;
const binding = '["articles",["actor:nato"]]';

describe('cursors', () => {
  it('round-trips a position for the same query', () => {
    const pos = { partition: '2026-11', after: '2026-11-27T10:00:00.000Z#abc' };
    expect(decodeCursor(encodeCursor(pos, binding), binding, ok)).toEqual(pos);
  });

  it('rejects a cursor that is only base64 JSON (the contract check sends one)', () => {
    expect(() => decodeCursor('eyJub3QiOiJhIGN1cnNvciJ9', binding, ok)).toThrow(InvalidCursorError);
    expect(() => decodeCursor('eyJub3QiOiJhIGN1cnNvciJ9', binding, ok)).toThrow(/^invalid cursor: not a cursor this service issued/);
  });

  it('rejects a cursor issued for another query', () => {
    const c = encodeCursor({ partition: '2026-11' }, binding);
    expect(() => decodeCursor(c, '["articles",["actor:RU"]]', ok)).toThrow(/not issued for this query/);
  });

  it('rejects an edited position even with the original seal', () => {
    const c = encodeCursor({ partition: '2026-11', after: '2026-11-27T10:00:00.000Z#abc' }, binding);
    const [, mac] = c.split('.');
    const edited = Buffer.from(JSON.stringify({ v: 1, p: '2026-10', a: '2026-10-01T00:00:00.000Z#abc' })).toString('base64url');
    expect(() => decodeCursor(`${edited}.${mac}`, binding, ok)).toThrow(InvalidCursorError);
  });

  it('checks the position shape after the seal', () => {
    const c = encodeCursor({ partition: '2026-11', after: 'garbage' }, binding);
    expect(() => decodeCursor(c, binding, (_p, a) => a.includes('#'))).toThrow(/unreadable position/);
  });

  it('rejects junk of every kind without throwing anything else', () => {
    for (const junk of ['', '.', 'a.b.c', '!!!.???', `${'a'.repeat(3000)}.b`, 'eyJ2IjoxfQ.AAAA']) {
      expect(() => decodeCursor(junk, binding, ok), junk.slice(0, 20)).toThrow(InvalidCursorError);
    }
  });
});
