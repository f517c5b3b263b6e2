// The words an article is clustered by: title, link slug and summary reduced to weighted stems.
// A word weighs by how rare it is in everyday English (data/word-weights.generated.json), so two
// headlines that share "Chiquita" and "Fyffes" match and two that share "says" and "new" do not.
// The table (40 KB) is a data file read once per process, not part of the ingest bundle: it ships
// beside the bundle like the gazetteer (docs/DEPLOY.md), found there, through
// NEWS_MONITOR_WORD_WEIGHTS, or in the source tree.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stemTerm, words } from './stem';

export { stemTerm, words };

/** The word table's file name, beside the bundle or in shared/stories/data. */
export const WORD_WEIGHTS_FILE = 'word-weights.generated.json';

interface WordTable {
  weights: Map<string, number>;
  rest: number;
  unknown: number;
}
let table: WordTable | undefined;

/** Where the word table is: NEWS_MONITOR_WORD_WEIGHTS, beside this module (a bundle), or in ./data (the source tree). */
export function wordWeightsPath(): string {
  const env = process.env.NEWS_MONITOR_WORD_WEIGHTS;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const tried = env ? [env] : [path.join(here, WORD_WEIGHTS_FILE), path.join(here, 'data', WORD_WEIGHTS_FILE)];
  const found = tried.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`story word table not found (tried ${tried.join(', ')}; set NEWS_MONITOR_WORD_WEIGHTS to its path)`);
  return found;
}

function wordTable(): WordTable {
  if (table) return table;
  const { buckets, rest, unknown } = JSON.parse(fs.readFileSync(wordWeightsPath(), 'utf8')) as { buckets: [number, string][]; rest: number; unknown: number };
  const weights = new Map<string, number>();
  for (const [w, stems] of buckets) for (const stem of stems.split(' ')) weights.set(stem, w);
  return (table = { weights, rest, unknown });
}

/** How much a word of each field counts: the headline says what the story is; slug and summary add evidence. */
const FIELD_FACTOR = { title: 1, url: 0.7, summary: 0.5 } as const;
/** Summary words considered (the lead says what the story is; the rest is detail). */
const SUMMARY_WORDS = 60;

/** What a number weighs (the list has none): as much as "show" or "money", evidence only with other words. */
export const NUMBER_WEIGHT = 2;

/** A stemmed word and how much it says about which story an article reports. */
export type Terms = Map<string, number>;

/**
 * How much a stem weighs: ln(total / count) − 5.5 over the SUBTLEX-US counts, so "the" and "make"
 * weigh nothing and rare words a lot. The 6,000 commonest stems are listed; rarer English words
 * weigh `rest`, and a word the list lacks (a name, a brand) a little more; a number weighs as an
 * ordinary word (NUMBER_WEIGHT).
 */
export function termWeight(stem: string): number {
  const t = wordTable();
  // A number (a year, a count, a date) is no name: "2014" in a third of a week's headlines must not tie them into one story.
  if (/^\d+$/.test(stem)) return NUMBER_WEIGHT;
  return t.weights.get(stem) ?? (/^[a-z]+$/.test(stem) && stem.length > 3 ? t.rest : t.unknown);
}

/** The words of a link's path when it carries a readable slug ("/2014/03/chiquita-to-merge-with-fyffes"). */
export function slugWords(url: string): string[] {
  let pathname = '';
  try {
    pathname = new URL(url).pathname;
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const segment of pathname.split('/')) {
    const parts = decodeSafe(segment).replace(/\.[a-z]{2,5}$/i, '').split(/[-_+]+/);
    // A slug has several words; ids, dates and "index.html" do not.
    // Words only: a slug's numbers and hex ids (`1.1719452`, `bad8205c`) name the page, not the story.
    if (parts.filter((p) => /\p{L}{2,}/u.test(p)).length >= 3) out.push(...words(parts.join(' ')).filter((w) => !/\d/u.test(w)));
  }
  return out;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The weighted terms of an article: each stem at the weight of the strongest field it appears in. */
export function articleTerms(a: { title: string; summary?: string; url?: string }): Terms {
  const out: Terms = new Map();
  const add = (list: string[], factor: number) => {
    for (const w of list) {
      const stem = stemTerm(w);
      if (!stem) continue;
      const weight = termWeight(stem) * factor;
      if (weight > 0 && weight > (out.get(stem) ?? 0)) out.set(stem, weight);
    }
  };
  add(words(a.title), FIELD_FACTOR.title);
  if (a.url) add(slugWords(a.url), FIELD_FACTOR.url);
  if (a.summary) add(words(a.summary).slice(0, SUMMARY_WORDS), FIELD_FACTOR.summary);
  return out;
}

/** The `n` heaviest terms, heaviest first (ties by the term, so every process picks the same ones). */
export function topTerms(terms: Terms, n: number): string[] {
  return [...terms]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([t]) => t);
}
