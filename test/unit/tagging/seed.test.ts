import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tagText } from '../../../shared/tagging';

const SEED = path.resolve(__dirname, '../../../../shared/seed');
const present = fs.existsSync(path.join(SEED, 'article.txt')) && fs.existsSync(path.join(SEED, 'expected-tags.json'));

interface Expect { kind?: string; country?: string; name?: string[] }

describe.skipIf(!present)('the seed article (needs ../shared/seed)', () => {
  const text = present ? fs.readFileSync(path.join(SEED, 'article.txt'), 'utf8') : '';
  const expected = present ? JSON.parse(fs.readFileSync(path.join(SEED, 'expected-tags.json'), 'utf8')) : {};
  const r = tagText({ text });
  const norm = (s: string) => s.toLowerCase();
  const matches = (t: { kind: string; country?: string; name: string; id: string }, e: Expect) =>
    e.kind === 'country' && e.country ? t.kind === 'country' && t.country === e.country : e.country && !e.name ? t.country === e.country : (e.name ?? []).some((n) => norm(n) === norm(t.name) || norm(n) === norm(t.id));

  it('finds every expected actor and region', () => {
    for (const side of ['actors', 'regions'] as const) {
      for (const e of expected[side].must as Expect[]) expect(r[side].some((t) => matches(t, e)), `${side} ${JSON.stringify(e)}`).toBe(true);
    }
  });
  it('finds nothing the text does not support', () => {
    for (const e of expected.regions.mustNot as Expect[]) expect(r.regions.filter((t) => (e.country ? t.country === e.country : matches(t, e)))).toEqual([]);
  });
  it('puts the focus in Ukraine and links Stoltenberg to NATO', () => {
    expect(r.regions[0]!.country).toBe('UA');
    expect(r.actors.find((t) => t.id === 'jens-stoltenberg')!.parents).toContain('nato');
  });
  it('gives offsets that point at the mention text', () => {
    for (const t of [...r.actors, ...r.regions]) for (const m of t.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
