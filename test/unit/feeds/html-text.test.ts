import { describe, expect, it } from 'vitest';
import { htmlToText, truncate } from '../../../shared/feeds/html-text';

describe('htmlToText', () => {
  it('drops scripts and styles with their content', () => {
    expect(htmlToText('<p>NATO met.</p><script>alert("x")</script><style>p{}</style><p>Done.</p>')).toBe('NATO met. Done.');
  });
  it('decodes entities and keeps words apart across block tags', () => {
    expect(htmlToText('<p>Kyiv&nbsp;&amp;&nbsp;Lviv</p><p>Odesa</p>')).toBe('Kyiv & Lviv Odesa');
  });
  it('strips entity-escaped HTML too (feeds that escape twice)', () => {
    const out = htmlToText('&lt;p&gt;Sevastopol &lt;b&gt;port&lt;/b&gt;&lt;script&gt;evil()&lt;/script&gt;&lt;/p&gt;');
    expect(out).toBe('Sevastopol port');
  });
  it('keeps a lone "<" that is not markup', () => {
    expect(htmlToText('inflation < 3% and rates > 2%')).toBe('inflation < 3% and rates > 2%');
  });
  it('removes invisible and control characters', () => {
    expect(htmlToText('Black\u200b Sea\u0007')).toBe('Black Sea');
  });
  it('cuts long text at a word with an ellipsis', () => {
    expect(truncate('one two three four', 12)).toBe('one two…');
    expect(htmlToText('a '.repeat(100), 20).length).toBeLessThanOrEqual(20);
  });
});
