import { describe, expect, it } from 'vitest';
import { itemBytes } from '../../../shared/store/attr';

describe('itemBytes', () => {
  it('counts UTF-8 bytes of attribute names and values as DynamoDB does', () => {
    expect(itemBytes({ pk: { S: 'é' } })).toBe(2 + 2);
    expect(itemBytes({ n: { N: '12345' }, b: { BOOL: true }, tags: { SS: ['a:RU', 'r:UA'] } })).toBe(1 + 5 + 1 + 1 + 4 + 8);
  });

  it('does not count the escaping a JSON string would add', () => {
    const json = JSON.stringify([{ text: '"quoted"' }]);
    expect(itemBytes({ actors: { S: json } })).toBe(6 + json.length);
  });
});
