// The words an article is clustered by: title, link slug and summary reduced to weighted stems.
// A word weighs by how rare it is in everyday English (data/word-weights.generated.json), so two
// headlines that share "Chiquita" and "Fyffes" match and two that share "says" and "new" do not.
import { buckets, rest, unknown } from './data/word-weights.generated.json';
import { stemTerm, words } from './stem';

export { stemTerm, words };

const WEIGHTS = new Map<string, number>();
for (const [w, stems] of buckets as [number, string][]) for (const stem of stems.split(' ')) WEIGHTS.set(stem, w);
/** The weight of a stem the list does not know (a name, a brand, a word in another language). */
export const MAX_WEIGHT = unknown;
/** How much a word of each field counts: the headline says what the story is; slug and summary add evidence. */
const FIELD_FACTOR = { title: 1, url: 0.7, summary: 0.5 } as const;
/** Summary words considered (the lead says what the story is; the rest is detail). */
const SUMMARY_WORDS = 60;

/** A stemmed word and how much it says about which story an article reports. */
export type Terms = Map<string, number>;

/**
 * How much a stem weighs: ln(total / count) − 5.5 over the SUBTLEX-US counts, so "the" and "make"
 * weigh nothing and rare words a lot. The 6,000 commonest stems are listed; rarer English words
 * weigh `rest`, and a word the list lacks (a name, a brand) a little more.
 */
export function termWeight(stem: string): number {
  return WEIGHTS.get(stem) ?? (/^[a-z]+$/.test(stem) && stem.length > 3 ? rest : MAX_WEIGHT);
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
