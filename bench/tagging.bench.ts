// Tagging benchmarks: gazetteer load time and memory, tagText throughput in process, and end-to-end
// throughput through `news-monitor tag --jsonl` (what the target names), on a fixed corpus of
// 5 KB articles generated here from the project's own gazetteer (deterministic, offline).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gazetteer } from '../shared/tagging/gazetteer';
import { median, mulberry32, type BenchRow } from './harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE_BYTES = 5 * 1024;


const WORDS = 'the of and to in a that said for on was with as by is at from it an be has have were would which its their after but not government officials minister talks forces security military economic trade agreement week year percent on monday tuesday statement border troops sanctions prices output market bank oil gas growth meeting president spokesman region country city people report according new last first two three more than about could will been also against other between during over into while under since where before some most many further support plan'.split(' ');

/**
 * Builds `n` articles of about 5 KB: news-like prose with a name every dozen words (the seed article's
 * density), drawn mostly from a cast of eight names per article as real stories repeat their subjects,
 * and a dateline on most.
 */
export function corpus(n: number, names: string[], seed = 42): { id: string; title: string; text: string }[] {
  const r = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: { id: string; title: string; text: string }[] = [];
  for (let i = 0; i < n; i++) {
    const cast = Array.from({ length: 8 }, () => pick(names));
    const parts: string[] = [];
    if (r() < 0.7) parts.push(`${pick(cast).toUpperCase()}, March ${1 + Math.floor(r() * 28)} - `);
    let len = parts.join('').length;
    let sentence: string[] = [];
    while (len < ARTICLE_BYTES) {
      const w = r() < 0.08 ? (r() < 0.85 ? pick(cast) : pick(names)) : pick(WORDS);
      sentence.push(sentence.length ? w : w[0]!.toUpperCase() + w.slice(1));
      len += w.length + 1;
      if (sentence.length > 8 + r() * 14) {
        parts.push(`${sentence.join(' ')}. `);
        sentence = [];
      }
    }
    parts.push(`${sentence.join(' ')}.`);
    out.push({ id: `b${i}`, title: `${pick(names)} ${pick(WORDS)} ${pick(WORDS)}`, text: parts.join('').slice(0, ARTICLE_BYTES) });
  }
  return out;
}

/** Runs the tagging benchmarks (about 80 s on two cores). */
export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const { tagText, resolveTag } = await import('../shared/tagging');
  const { gazetteer } = await import('../shared/tagging/gazetteer');
  const t1 = performance.now();
  gazetteer(); // reads and decodes the data file
  const t2 = performance.now();
  tagText({ text: 'Warm-up: NATO and Ukraine.' }); // compiles the matcher
  const loadMs = performance.now() - t0;
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  rows.push({ name: 'tagging: gazetteer load (data file read and decoded)', value: t2 - t1, unit: 'ms', how: `gazetteer() in a fresh process: ${gazetteer().entries.length.toLocaleString('en-US')} entries; target ≤ 300 ms` });
  rows.push({ name: 'tagging: gazetteer load + matcher compile', value: loadMs, unit: 'ms', how: 'first tagText() call in a fresh process, including the module import' });
  rows.push({ name: 'tagging: resident memory after load', value: (process.memoryUsage().rss - rss0) / 1e6, unit: 'MB RSS added', how: `process.memoryUsage().rss before import and after the first call (heap in use ${heapMb.toFixed(0)} MB)` });

  const names = newsNames(gazetteer());
  const docs = corpus(2000, names);
  const mb = docs.reduce((a, d) => a + d.text.length + d.title.length, 0) / 1e6;
  for (let i = 0; i < 300; i++) tagText(docs[i]!); // warm-up (JIT)
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const s = performance.now();
    for (const d of docs) tagText(d);
    runs.push((performance.now() - s) / 1000);
  }
  const secs = median(runs);
  rows.push({ name: 'tagging: tagText in process (5 KB articles)', value: docs.length / secs, unit: 'articles/s', how: `${docs.length} generated articles (${mb.toFixed(1)} MB), median of 5 passes after a 300-article warm-up` });
  rows.push({ name: 'tagging: tagText in process', value: mb / secs, unit: 'MB/s', how: 'same runs, characters of title + text' });
  if (!resolveTag('NATO')) throw new Error('gazetteer broken');

  // End to end through the CLI, as `tag --jsonl FILE` would be used: 10,000 articles (50 MB).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-bench-'));
  const file = path.join(dir, 'corpus.jsonl');
  const big = corpus(10000, names, 7);
  fs.writeFileSync(file, big.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const fileMb = fs.statSync(file).size / 1e6;
  const cli = path.join(root, 'cli/bin.mjs');
  const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const cliRun = (extra: string[], input = file) => {
    const s = performance.now();
    const p = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'tag', '--jsonl', ...extra, input], { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    if (p.status !== 0) throw new Error(`tag --jsonl failed: ${String(p.stderr).slice(0, 200)}`);
    return { secs: (performance.now() - s) / 1000, peakMb: Number(String(p.stderr).trim().split('\n').pop()) / 1024 };
  };
  const one = [cliRun([]), cliRun([]), cliRun([])].sort((a, b) => a.secs - b.secs)[1]!;
  const tiny = path.join(dir, 'one.jsonl');
  fs.writeFileSync(tiny, '{"id":1,"text":"NATO"}\n');
  const idle = cliRun([], tiny); // start-up alone
  rows.push({ name: 'tagging: news-monitor tag --jsonl (5 KB articles)', value: big.length / one.secs, unit: 'articles/s', how: `${big.length} generated articles in a ${fileMb.toFixed(0)} MB file, output to /dev/null, median of 3 runs, process start-up included` });
  rows.push({ name: 'tagging: news-monitor tag --jsonl', value: fileMb / one.secs, unit: 'MB/s', how: 'same runs, bytes of the input file' });
  rows.push({ name: 'tagging: tag --jsonl peak memory', value: one.peakMb, unit: 'MB RSS', how: `/usr/bin/time %M of the CLI process (a CLI that tags one line peaks at about ${idle.peakMb.toFixed(0)} MB)` });
  // The rate once started and warmed up: what 20,000 more articles cost (the same file three times).
  const triple = path.join(dir, 'corpus3.jsonl');
  const text = fs.readFileSync(file);
  fs.writeFileSync(triple, Buffer.concat([text, text, text]));
  const three = [cliRun([], triple), cliRun([], triple)].sort((a, b) => a.secs - b.secs)[0]!;
  const oneBest = Math.min(one.secs, cliRun([]).secs);
  rows.push({ name: 'tagging: tag --jsonl steady rate', value: (2 * big.length) / (three.secs - oneBest), unit: 'articles/s', how: `(30,000 − 10,000 articles) / (time of 30,000 − time of 10,000), best of 2 runs each: start-up (${(idle.secs * 1000).toFixed(0)} ms) and JIT warm-up left out` });
  const par = cliRun(['--workers', '2']);
  rows.push({ name: 'tagging: tag --jsonl --workers 2', value: big.length / par.secs, unit: 'articles/s', how: `same 10,000-article file, 2 worker threads, one run, peak ${par.peakMb.toFixed(0)} MB RSS (each worker loads and warms up its own tagger)` });
  const parThree = cliRun(['--workers', '2'], triple);
  rows.push({ name: 'tagging: tag --jsonl --workers 2 steady rate', value: (2 * big.length) / (parThree.secs - par.secs), unit: 'articles/s', how: '(30,000 − 10,000 articles) / (time of 30,000 − time of 10,000) on 2 worker threads, one run each: what the workers keep up once started and warmed up' });
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

/**
 * Names as news uses them: countries, capitals and the curated places, organisations, institutions
 * and people, not the long tail of cities.
 */
export function newsNames(g: Gazetteer): string[] {
  const capitals = new Set(['moscow', 'kyiv', 'washington-dc', 'london', 'paris', 'beijing', 'berlin', 'brussels', 'tokyo', 'tbilisi', 'minsk', 'warsaw', 'ankara']);
  return g.entries.filter((e) => e && (e.entry.kind !== 'city' || capitals.has(e.entry.id))).map((e) => e.entry.name);
}
