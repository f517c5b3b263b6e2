// How few keys a word-overlap clusterer could reach on a labelled headline set: within each gold story,
// two headlines are linked when they share a cluster term (word stem or salient tag) of at least the
// given weight; a story needs at least one key per connected component of that graph, whatever the
// thresholds. The mean of that count over gold stories bounds "alerts per gold story" from below for any
// method that joins headlines only through shared words (a perfect one, that never joins two stories).
//
//   npx tsx scripts/stories-bound.ts [GOLD.jsonl] [--min-weight W]   (default ../shared/eval/stories-dev.jsonl, W 2)
import fs from 'node:fs';
import path from 'node:path';
import type { TaggedArticle } from '../shared/model';
import { clusterTerms } from '../shared/stories/assign';
import { tagText } from '../shared/tagging';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const wi = args.indexOf('--min-weight');
const minWeight = wi >= 0 ? Number(args[wi + 1]) : 2;
const goldPath = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--min-weight') ?? path.join(root, '../shared/eval/stories-dev.jsonl');

interface Gold { id: string; title: string; url?: string; publisher?: string; story: string }
const gold = fs.readFileSync(goldPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Gold);
const at = '2026-03-11T00:00:00.000Z';
const byStory = new Map<string, string[][]>();
for (const g of gold) {
  const tags = tagText({ title: g.title, text: '', date: at });
  const a: TaggedArticle = { id: g.id, url: g.url ?? '', title: g.title, summary: '', publishedAt: at, fetchedAt: at, feedName: g.publisher ?? '', feedUrl: '', storyKey: '', ...tags };
  const terms = [...clusterTerms(a)].filter(([, w]) => w >= minWeight).map(([t]) => t);
  byStory.set(g.story, [...(byStory.get(g.story) ?? []), terms]);
}
let keys = 0;
let isolated = 0;
for (const members of byStory.values()) {
  // Union-find over the members, linked through each term's first holder.
  const parent = members.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const holder = new Map<string, number>();
  members.forEach((terms, i) => {
    for (const t of terms) {
      const h = holder.get(t);
      if (h === undefined) holder.set(t, i);
      else parent[find(i)] = find(h);
    }
  });
  const roots = new Map<number, number>();
  members.forEach((_, i) => roots.set(find(i), (roots.get(find(i)) ?? 0) + 1));
  keys += roots.size;
  for (const n of roots.values()) if (n === 1) isolated++;
}
console.log(
  `${gold.length} headlines, ${byStory.size} gold stories, terms of weight >= ${minWeight}: at least ${keys} keys, ` +
    `${(keys / byStory.size).toFixed(2)} alerts per gold story; ${isolated} headlines share no such term with any other of their story`,
);
