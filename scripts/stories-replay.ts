// Replays a labelled headline set through the story clusterer in memory, in seconds: for tuning the
// clusterer between runs of the real pipeline (`npm run eval`, which runs the contract check).
//
//   npx tsx scripts/stories-replay.ts [GOLD.jsonl] [--order feeds|shuffle|SEED] [--misses N]
//
// GOLD lines: {"id","title","url","publisher"|"host","publishedAt","story"} (../shared/eval/stories-dev.jsonl).
// Articles are grouped into 40 feeds by publisher as the contract check serves them and fed one
// feed after another (`feeds`), or in a seeded random order; each is tagged by the real tagger and
// assigned by the real StoryAssigner over a MemoryStoryIndex. Prints score-stories.mjs's figures,
// and the same figures as the contract check counts them: it finds a stored article's gold id by its
// link without the query, so headlines whose links differ only in the query are not all found.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TaggedArticle } from '../shared/model';
import { StoryAssigner } from '../shared/stories/assign';
import { MemoryStoryIndex } from '../shared/stories/memory-index';
import { tagText } from '../shared/tagging';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const goldPath = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? path.join(root, '../shared/eval/stories-dev.jsonl');
const order = opt('--order') ?? 'feeds';
const showMisses = Number(opt('--misses') ?? 0);

interface Gold {
  id: string;
  title: string;
  url?: string;
  publisher?: string;
  host?: string;
  publishedAt?: string;
  story: string;
}
const gold: Gold[] = fs
  .readFileSync(goldPath, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Gold);

// Seeded shuffle (mulberry32), so a run can be repeated.
function shuffled<T>(xs: T[], seed: number): T[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const feeds: Gold[][] = Array.from({ length: 40 }, () => []);
for (const g of gold) feeds[createHash('sha256').update(g.publisher || g.host || '').digest()[0]! % 40]!.push(g);
const sequence = order === 'feeds' ? feeds.flat() : shuffled(gold, order === 'shuffle' ? 1 : Number(order));

const at = '2026-03-11T00:00:00.000Z';
class AllIndex extends MemoryStoryIndex {
  override async findPostings(): Promise<import('../shared/stories/assign').Posting[]> {
    return [...this.stories.values()].filter((s) => !s.mergedInto).map((s) => ({ storyId: s.id, at, terms: {} }));
  }
}
const index = process.env.ALL ? new AllIndex() : new MemoryStoryIndex();
const assigner = new StoryAssigner(index, { rivals: false });
const t0 = performance.now();
const pred = new Map<string, string>();
for (const g of sequence) {
  const tags = tagText({ title: g.title, text: '', date: at });
  const a: TaggedArticle = { id: g.id, url: g.url ?? '', title: g.title, summary: '', publishedAt: at, fetchedAt: at, feedName: g.publisher ?? '', feedUrl: '', storyKey: '', ...tags };
  pred.set(g.id, (await assigner.assign(a, at)).story);
}
const ms = performance.now() - t0;
// Articles of a story folded into another count in the one it went to.
const final = (id: string): string => {
  for (let hop = 0; hop < 8; hop++) {
    const into = index.stories.get(id)?.mergedInto;
    if (!into) break;
    id = into;
  }
  return id;
};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-stories-'));
const predPath = path.join(dir, 'pred.jsonl');
fs.writeFileSync(predPath, gold.map((g) => JSON.stringify({ id: g.id, story: final(pred.get(g.id)!) })).join('\n') + '\n');
const score = (file: string) => JSON.parse(spawnSync('node', [path.join(root, '../shared/eval/score-stories.mjs'), goldPath, file], { encoding: 'utf8' }).stdout.trim().split('\n').pop()!);
const o = score(predPath);
console.log(
  `${gold.length} headlines, order ${order}: alerts per gold story ${o.alertsPerGoldStory.mean.toFixed(2)}, missed ${(o.stream.missedStoryRate * 100).toFixed(1)}%, ` +
    `B3 P/R/F1 ${o.bcubed.p.toFixed(3)}/${o.bcubed.r.toFixed(3)}/${o.bcubed.f1.toFixed(3)}, pairwise F1 ${o.pairwise.f1.toFixed(3)}, ` +
    `${new Set([...pred.values()].map(final)).size} stories, ${(ms / gold.length).toFixed(2)} ms/article, ${index.writes} index writes`,
);
// The contract check finds each stored article's gold id by its link without query or fragment
// (links are canonicalised): headlines whose links differ only there ("article.aspx?id=…") collide,
// and all but one score as stories of their own. The same figures with those left unpredicted:
const checkKey = (u: string) => u.replace(/[?#].*$/, '').replace(/\/+$/, '').toLowerCase();
const linkCount = new Map<string, number>();
for (const g of gold) linkCount.set(checkKey(g.url ?? g.id), (linkCount.get(checkKey(g.url ?? g.id)) ?? 0) + 1);
// The check keeps the last headline of each such set (its map by link is filled in gold order).
const lastOf = new Map(gold.map((g) => [checkKey(g.url ?? g.id), g.id]));
const collide = new Set(gold.filter((g) => linkCount.get(checkKey(g.url ?? g.id))! > 1 && lastOf.get(checkKey(g.url ?? g.id)) !== g.id).map((g) => g.id));
if (collide.size) {
  const asCheck = path.join(dir, 'pred-as-check.jsonl');
  fs.writeFileSync(asCheck, gold.filter((g) => !collide.has(g.id)).map((g) => JSON.stringify({ id: g.id, story: final(pred.get(g.id)!) })).join('\n') + '\n');
  const c = score(asCheck);
  console.log(
    `as the contract check maps links (${collide.size} headlines share their link without its query with a later one and are not found): ` +
      `alerts per gold story ${c.alertsPerGoldStory.mean.toFixed(2)}, missed ${(c.stream.missedStoryRate * 100).toFixed(1)}%, B3 F1 ${c.bcubed.f1.toFixed(3)}, pairwise F1 ${c.pairwise.f1.toFixed(3)}`,
  );
}
if (showMisses) {
  // The biggest predicted story of each gold story, and the headlines that ended elsewhere.
  const byGold = new Map<string, Gold[]>();
  for (const g of gold) byGold.set(g.story, [...(byGold.get(g.story) ?? []), g]);
  for (const [s, members] of [...byGold].sort((x, y) => y[1].length - x[1].length)) {
    const counts = new Map<string, number>();
    for (const g of members) counts.set(final(pred.get(g.id)!), (counts.get(final(pred.get(g.id)!)) ?? 0) + 1);
    const [main] = [...counts].sort((x, y) => y[1] - x[1])[0]!;
    const off = members.filter((g) => final(pred.get(g.id)!) !== main);
    console.log(`\n${s}: ${members.length} headlines in ${counts.size} keys; main key ${index.stories.get(main)?.title}`);
    for (const g of off.slice(0, showMisses)) {
      const p = final(pred.get(g.id)!);
      const other = gold.filter((x) => final(pred.get(x.id)!) === p);
      console.log(`   ${g.title}  →  ${other.length === 1 ? '(alone)' : `${other.length}: ${index.stories.get(p)?.title} [${[...new Set(other.map((x) => x.story))].join(',')}]`}`);
    }
  }
}
if (process.env.KEYS) {
  const byGold = new Map<string, Map<string, number>>();
  for (const g of gold) {
    const m = byGold.get(g.story) ?? new Map<string, number>();
    const k = final(pred.get(g.id)!);
    m.set(k, (m.get(k) ?? 0) + 1);
    byGold.set(g.story, m);
  }
  let singles = 0;
  for (const [s, m] of byGold) {
    const sizes = [...m.values()].sort((a, b) => b - a);
    singles += sizes.filter((x) => x === 1).length;
    console.log(s, sizes.join(' '));
  }
  console.log('keys of size 1 within a gold story:', singles);
}
if (process.env.MIXED) {
  // Predicted stories that hold headlines of several gold stories: the gold stories' shares, and a few minority headlines.
  const byKey = new Map<string, Gold[]>();
  for (const g of gold) byKey.set(final(pred.get(g.id)!), [...(byKey.get(final(pred.get(g.id)!)) ?? []), g]);
  const mixed = [...byKey].filter(([, gs]) => new Set(gs.map((g) => g.story)).size > 1).sort((x, y) => y[1].length - x[1].length);
  for (const [k, gs] of mixed.slice(0, Number(process.env.MIXED))) {
    const counts = new Map<string, number>();
    for (const g of gs) counts.set(g.story, (counts.get(g.story) ?? 0) + 1);
    const ranked = [...counts].sort((x, y) => y[1] - x[1]);
    console.log(`\n${gs.length}: ${index.stories.get(k)?.title} — ${ranked.map(([s, c]) => `${s}:${c}`).join(' ')}`);
    for (const g of gs.filter((x) => x.story !== ranked[0]![0]).slice(0, 8)) console.log(`   [${g.story}] ${g.title}`);
  }
}
if (process.env.SINGLES) {
  const { clusterTerms } = await import('../shared/stories/assign');
  const { similarity } = await import('../shared/stories/similarity');
  const sizes = new Map<string, number>();
  for (const g of gold) sizes.set(final(pred.get(g.id)!), (sizes.get(final(pred.get(g.id)!)) ?? 0) + 1);
  const mainOf = new Map<string, string>();
  for (const s of new Set(gold.map((g) => g.story))) {
    const c = new Map<string, number>();
    for (const g of gold.filter((x) => x.story === s)) c.set(final(pred.get(g.id)!), (c.get(final(pred.get(g.id)!)) ?? 0) + 1);
    mainOf.set(s, [...c].sort((x, y) => y[1] - x[1])[0]![0]);
  }
  let n = 0;
  for (const g of gold) {
    const k = final(pred.get(g.id)!);
    if (sizes.get(k) !== 1) continue;
    if (n++ >= Number(process.env.SINGLES)) break;
    const main = index.stories.get(mainOf.get(g.story)!)!;
    const tags = tagText({ title: g.title, text: '', date: at });
    const terms = clusterTerms({ id: g.id, url: g.url ?? '', title: g.title, summary: '', publishedAt: at, fetchedAt: at, feedName: '', feedUrl: '', storyKey: '', ...tags });
    const shared = [...terms].filter(([t]) => main.terms[t]).map(([t, w]) => `${t}:${w.toFixed(1)}/${main.terms[t]}`);
    const raw = similarity(terms, main);
    console.log(`${g.title.slice(0, 70).padEnd(70)} | ${[...terms].map(([t, w]) => `${t}:${w.toFixed(1)}`).join(' ')} | main(${main.articles}) shares ${shared.join(' ') || '-'} score ${raw.toFixed(2)}`);
  }
}
if (process.env.PROFILE) {
  for (const s of index.stories.values()) if (s.title.startsWith(process.env.PROFILE)) console.log(s.title, s.articles, JSON.stringify(s.terms), JSON.stringify(s.weights));
}
