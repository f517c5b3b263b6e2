import { describe, expect, it } from 'vitest';
import { matchesText, parseText, QueryError } from '../../../shared/query';

const article = { title: 'NATO warns Russia over Black Sea drills', summary: 'Officials in Brussels said the naval exercises near Sevastopol were a provocation. Café owners in Odesa shrugged.' };
const match = (q: string) => matchesText(article, parseText(q));

describe('the text filter', () => {
  it('needs every word, in the title or the summary, ignoring case', () => {
    expect(match('nato sevastopol')).toBe(true);
    expect(match('nato ceasefire')).toBe(false);
  });

  it('matches whole words only, and prefixes with *', () => {
    expect(match('drill')).toBe(false);
    expect(match('drill*')).toBe(true);
    expect(match('provoc*')).toBe(true);
  });

  it('matches a quoted phrase as consecutive words', () => {
    expect(match('"black sea drills"')).toBe(true);
    expect(match('"sea black"')).toBe(false);
    expect(match('"naval exercises" brussels')).toBe(true);
  });

  it('ignores accents and punctuation', () => {
    expect(match('cafe')).toBe(true);
    expect(match('"odesa shrugged."')).toBe(true);
  });

  it('reports an unclosed quote with its position, and a query without words', () => {
    expect(() => parseText('nato "black sea')).toThrow(/unclosed quote at position 6/);
    expect(() => parseText('"" ...')).toThrow(QueryError);
  });
});
