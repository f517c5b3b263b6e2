import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tagText, tagTextJson, type TagInput } from '../../../shared/tagging';
import { JsonBytes } from '../../../shared/tagging/json';

const golden = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/golden-input.jsonl');

/** The JSON that tagTextJson writes, through a small buffer that has to grow. */
function written(input: TagInput): string {
  const o = new JsonBytes(8);
  tagTextJson(input, o);
  return o.take().toString('utf8');
}

const asJson = (input: TagInput) => {
  const r = tagText(input);
  return `"actors":${JSON.stringify(r.actors)},"regions":${JSON.stringify(r.regions)}`;
};

describe('tag lists written as bytes', () => {
  it('are JSON.stringify of the Tag objects for names in other scripts, titles, roll-ups and office holders', () => {
    const inputs: TagInput[] = [
      { title: 'Stoltenberg warns Russia', text: 'KYIV, Feb 17 - Jens Stoltenberg said NATO allies back Ukraine’s army in Donetsk and Luhansk.', date: '2022-02-17' },
      { text: 'Київ і Донецьк; Türkiye and Côte d’Ivoire; Россия и НАТО.' },
      { title: 'Russian warships shadow NATO patrol in the Black Sea', text: 'U.S. officials said the "Black Sea" patrol near Crimea went on.' },
      { text: 'Stoltenberg met Rutte in Brussels.' }, // no date: every role, then the named organisation
      { text: '' },
    ];
    for (const input of inputs) expect(written(input)).toBe(asJson(input));
  });
  it('are JSON.stringify of the Tag objects for every article of the golden corpus', () => {
    const lines = fs.readFileSync(golden, 'utf8').split('\n').filter(Boolean);
    let checked = 0;
    for (const line of lines) {
      const o = JSON.parse(line) as { text?: unknown; title?: unknown; date?: unknown };
      if (typeof o.text !== 'string') continue;
      const input: TagInput = { text: o.text, ...(typeof o.title === 'string' ? { title: o.title } : {}), ...(typeof o.date === 'string' ? { date: o.date } : {}) };
      expect(written(input)).toBe(asJson(input));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
});
