import { describe, expect, it } from 'vitest';
import { tagStream } from './helpers';

const parse = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

async function run(lines: string[], chunk = 7): Promise<{ out: Record<string, unknown>[]; warnings: string[]; bad: number }> {
  const r = await tagStream(lines.join('\n'), chunk);
  return { out: parse(r.text), warnings: r.warnings, bad: r.bad };
}

describe('tag --jsonl', () => {
  it('writes one line per input line, in order, in the contract shape', async () => {
    const { out, bad } = await run([
      JSON.stringify({ id: 'a', title: 'NATO meets', text: 'KYIV, Feb 17 - Ukraine’s army' }),
      JSON.stringify({ id: 2, text: 'Київ і Донецьк' }),
      JSON.stringify({ id: 'c', text: 'nothing here' }),
    ]);
    expect(bad).toBe(0);
    expect(out.map((o) => o.id)).toEqual(['a', 2, 'c']);
    expect(out[0]!.actors).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'nato', salient: true })]));
    expect((out[1]!.regions as { id: string }[]).map((t) => t.id)).toEqual(expect.arrayContaining(['kyiv', 'donetsk-oblast']));
    expect(out[2]).toEqual({ id: 'c', actors: [], regions: [] });
  });
  it('reports a bad line with its number and reason, and goes on', async () => {
    const { out, warnings, bad } = await run([JSON.stringify({ id: 1, text: 'Chile' }), '{not json', JSON.stringify({ id: 3 }), '', JSON.stringify({ id: 5, text: 'Peru' })]);
    expect(bad).toBe(2);
    expect(warnings[0]).toMatch(/^line 2: not valid JSON/);
    expect(warnings[1]).toBe('line 3: lacks a string "text"');
    expect(out.map((o) => o.id)).toEqual([1, 5]);
  });
  it('reads a last line without a newline', async () => {
    const { out } = await run([JSON.stringify({ id: 'x', text: 'Japan' })]);
    expect(out).toHaveLength(1);
  });
  it('skips a byte-order mark that opens the input, even when it arrives split', async () => {
    const { out, bad } = await run(['\ufeff' + JSON.stringify({ id: 'x', text: 'Japan and Türkiye' }), JSON.stringify({ id: 'y', text: 'Peru' })], 2);
    expect(bad).toBe(0);
    expect(out.map((o) => o.id)).toEqual(['x', 'y']);
    expect((out[0]!.regions as { id: string }[]).map((t) => t.id)).toEqual(expect.arrayContaining(['JP', 'TR']));
  });
});

describe('tag --jsonl --workers', () => {
  it('gives the same lines, in the same order, with the same line numbers, as one thread', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => (i === 17 ? '{broken' : JSON.stringify({ id: i, text: `KYIV, Feb ${(i % 27) + 1} - Talks on Georgia and Abkhazia, line ${i}.` })));
    const single = await run(lines, 4096);
    // Small batches and small chunks: many batches, several in flight on each worker.
    const { text, warnings, bad } = await tagStream(lines.join('\n'), 300, 2, 500);
    expect(bad).toBe(1);
    expect(warnings).toEqual(single.warnings);
    expect(parse(text)).toEqual(single.out);
  }, 30_000);
});
