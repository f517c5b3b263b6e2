// A paired comparison of the tagger's steady speed: this tree against another commit, in one process.
// Runs on a 2-core VM move 10–15% within an hour, so two builds timed one after the other say little;
// here both taggers are bundled (esbuild), loaded into one process and given the same articles in
// alternating passes, so each pair of passes meets the same moment of the machine. The process is
// run in pairs, each build loaded first once (the build loaded second reads about 4% faster), and the
// answer is the geometric mean of the median ratios. One process may also compile a tagger
// differently from the next (the engine optimises on another thread, as the timing falls), so two
// pairs of processes run by default and the spread of their ratios is printed: a difference smaller
// than that spread is noise. Prints µs an article and this tree / base. Steady only: start-up and
// the engine's warm-up are what `npm run bench -- tagging` adds.
//
//   npx tsx scripts/tagger-ab.ts <base commit> [articles.jsonl] [--passes 16] [--runs 2]
//
// Without a file, the bench's generated corpus (bench/tagging.bench.ts, 3,000 articles of 5 KB).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { corpus, newsNames } from '../bench/tagging.bench';
import { gazetteer } from '../shared/tagging/gazetteer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const passesAt = args.indexOf('--passes');
const passes = passesAt >= 0 ? Number(args.splice(passesAt, 2)[1]) : 16;
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 2;
const [base, file] = args;
if (!base || !Number.isInteger(passes) || passes < 2 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npx tsx scripts/tagger-ab.ts <base commit> [articles.jsonl] [--passes N] [--runs N]');
  process.exit(2);
}

/** The process that times both taggers: passes alternate, and which goes first alternates too. */
const RUNNER = `
import fs from 'node:fs';
const [dir, input, first, passes] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(dir + '/data.json', 'utf8'));
const load = async (name) => {
  process.env.NEWS_MONITOR_GAZETTEER = data[name]; // each tree's own data file
  const m = await import(dir + '/' + name + '.mjs');
  m.tagTextJson({ text: 'NATO', title: undefined, date: undefined }, new m.JsonBytes(1 << 10)); // loads its own data file now
  return m;
};
const order = first === 'base' ? ['base', 'head'] : ['head', 'base'];
const mods = {};
for (const name of order) mods[name] = await load(name);
const docs = fs.readFileSync(input, 'utf8').split('\\n').filter(Boolean).map((l) => JSON.parse(l));
const outs = { base: new mods.base.JsonBytes(1 << 22), head: new mods.head.JsonBytes(1 << 22) };
const run = (name) => {
  const m = mods[name], out = outs[name];
  const s = performance.now();
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    m.tagTextJson({ text: typeof d.text === 'string' ? d.text : '', title: typeof d.title === 'string' ? d.title : undefined, date: undefined }, out);
    if (i % 300 === 0) out.take();
  }
  return performance.now() - s;
};
for (let k = 0; k < 3; k++) { run('base'); run('head'); } // warm-up: the engine, the caches, every name seen
const t = { base: [], head: [] };
for (let k = 0; k < Number(passes); k++) for (const name of k % 2 ? ['head', 'base'] : ['base', 'head']) t[name].push(run(name));
const median = (x) => [...x].sort((a, b) => a - b)[x.length >> 1];
const ratio = median(t.head.map((h, k) => h / t.base[k]));
console.log(JSON.stringify({ base: (median(t.base) / docs.length) * 1000, head: (median(t.head) / docs.length) * 1000, ratio }));
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tagger-ab-'));
const baseTree = path.join(dir, 'base');
try {
  execFileSync('git', ['-C', root, 'worktree', 'add', '--detach', baseTree, base], { stdio: 'ignore' });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(baseTree, 'node_modules'));
  const input = file ? path.resolve(file) : path.join(dir, 'articles.jsonl');
  if (!file) fs.writeFileSync(input, corpus(3000, newsNames(gazetteer()), 7).map((d) => JSON.stringify(d)).join('\n'));
  // One bundle of each tree's tagger (tagTextJson and its byte writer), as the CLI bundles it.
  for (const [name, tree] of [['base', baseTree], ['head', root]] as const) {
    const entry = path.join(dir, `${name}-entry.ts`);
    fs.writeFileSync(entry, `export { tagTextJson } from ${JSON.stringify(path.join(tree, 'shared/tagging/index.ts'))};\nexport { JsonBytes } from ${JSON.stringify(path.join(tree, 'shared/tagging/json.ts'))};\n`);
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: path.join(dir, `${name}.mjs`), logLevel: 'silent', absWorkingDir: tree });
  }
  fs.writeFileSync(path.join(dir, 'data.json'), JSON.stringify({ base: path.join(baseTree, 'shared/tagging/data/gazetteer.generated.txt'), head: path.join(root, 'shared/tagging/data/gazetteer.generated.txt') }));
  fs.writeFileSync(path.join(dir, 'run.mjs'), RUNNER);
  const ratios: number[] = [];
  for (let run = 0; run < runs; run++) for (const first of ['base', 'head']) {
    // The inlining budget the CLI sets (cli/bin.mjs), so that the engine compiles the tagger as there.
    const p = spawnSync(process.execPath, ['--max-inlined-bytecode-size-cumulative=300', path.join(dir, 'run.mjs'), dir, input, first, String(passes)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (p.status !== 0) throw new Error(p.stderr.trim());
    const r = JSON.parse(p.stdout) as { base: number; head: number; ratio: number };
    console.log(`${first} loaded first: base ${r.base.toFixed(1)} µs an article, this tree ${r.head.toFixed(1)} µs, median ratio ${r.ratio.toFixed(3)}`);
    ratios.push(r.ratio);
  }
  const g = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
  // Each pair of processes (both load orders) gives one estimate; their spread is the noise.
  const pairs = Array.from({ length: runs }, (_, k) => Math.sqrt(ratios[2 * k]! * ratios[2 * k + 1]!));
  console.log(`this tree / ${base}: ${g.toFixed(3)} (${g < 1 ? `${((1 - g) * 100).toFixed(1)}% faster` : `${((g - 1) * 100).toFixed(1)}% slower`}); pairs of processes ${pairs.map((x) => x.toFixed(3)).join(', ')}`);
} finally {
  spawnSync('git', ['-C', root, 'worktree', 'remove', '--force', baseTree], { stdio: 'ignore' });
  fs.rmSync(dir, { recursive: true, force: true });
}
