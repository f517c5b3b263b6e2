// `npm run eval`: tagging quality on the team's evaluation data in ../shared (never shipped with the
// product). Tags ../shared/eval/reuters-dev.jsonl through `news-monitor tag --jsonl` (the real CLI, as a
// user would run it), scores it with ../shared/eval/score-tags.mjs (all tags, salient tags, focus),
// checks the seed article with ../shared/tools/check-seed.mjs, tags the geoparsing dev set
// (../shared/eval/geo-dev.jsonl) and scores it with ../shared/eval/score-geo.mjs, scores story
// clustering with the stories contract check, and prints the figures.
// Skips with a message when ../shared is absent. `--keep DIR` keeps the predictions for study.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared');
const gold = path.join(shared, 'eval/reuters-dev.jsonl');
const scorer = path.join(shared, 'eval/score-tags.mjs');
const seedDir = path.join(shared, 'seed');
const bin = path.join(root, 'cli/bin.mjs');

if (!fs.existsSync(gold) || !fs.existsSync(scorer)) {
  console.log(`eval skipped: ${path.relative(root, gold)} is not there (the evaluation data lives in ../shared, beside the project)`);
  process.exit(0);
}

const keepAt = process.argv.indexOf('--keep');
const dir = keepAt > 0 && process.argv[keepAt + 1] ? path.resolve(process.argv[keepAt + 1]!) : fs.mkdtempSync(path.join(os.tmpdir(), 'nm-eval-'));
fs.mkdirSync(dir, { recursive: true });
const pred = path.join(dir, 'reuters-dev.pred.jsonl');
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

const started = process.hrtime.bigint();
const tag = spawnSync(process.execPath, [bin, 'tag', '--jsonl', gold], { env, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
const secs = Number(process.hrtime.bigint() - started) / 1e9;
if (tag.status !== 0) {
  console.error(`eval: news-monitor tag --jsonl failed (exit ${tag.status}): ${String(tag.stderr).split('\n')[0]}`);
  process.exit(1);
}
fs.writeFileSync(pred, tag.stdout);
const docs = String(tag.stdout).split('\n').filter(Boolean).length;
const mb = fs.statSync(gold).size / 1e6;

/** Runs the scorer and returns its last line (one JSON object). */
function score(...args: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, [scorer, gold, pred, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const lines = out.trim().split('\n');
  if (process.argv.includes('--verbose')) console.log(lines.slice(0, -1).join('\n'));
  return JSON.parse(lines[lines.length - 1]!) as Record<string, number>;
}
const all = score();
const salient = score('--salient');
const focus = score('--mode', 'focus');

const pct = (x: number | undefined) => (x === undefined ? 'n/a' : `${(100 * x).toFixed(1)}%`);
console.log(`Reuters-21578 dev split: ${docs} articles, ${mb.toFixed(1)} MB, tagged through the CLI in ${secs.toFixed(1)} s (${Math.round(docs / secs)} articles/s including start-up)`);
console.log(`  all tags      micro P ${pct(all.micro_p)}  R ${pct(all.micro_r)}  F1 ${pct(all.micro_f1)}   (target: R >= 85%)`);
console.log(`  salient tags  micro P ${pct(salient.micro_p)}  R ${pct(salient.micro_r)}  F1 ${pct(salient.micro_f1)}   (target: F1 >= 85%)`);
console.log(`  focus         accuracy ${pct(focus.focus_accuracy)}, gold in predicted set ${pct(focus.gold_in_set)}`);
console.log(`  top false positives (salient): ${JSON.stringify(salient.top_fp)}`);
console.log(`  top false negatives (salient): ${JSON.stringify(salient.top_fn)}`);

const checker = path.join(shared, 'tools/check-seed.mjs');
if (fs.existsSync(checker) && fs.existsSync(path.join(seedDir, 'article.txt'))) {
  const seedOut = path.join(dir, 'seed.json');
  fs.writeFileSync(seedOut, execFileSync(process.execPath, [bin, 'tag', path.join(seedDir, 'article.txt')], { env }));
  const r = spawnSync(process.execPath, [checker, path.join(seedDir, 'expected-tags.json'), seedOut, path.join(seedDir, 'article.txt')], { encoding: 'utf8' });
  console.log(`  seed article: ${r.stdout.trim().split('\n').join('; ')}`);
}
// Geoparsing dev set (issue 12): every toponym hand-annotated with its coordinates. Each document goes
// in as `text` with no title, so mention offsets index the gold text; ../shared/eval/score-geo.mjs scores.
const geoGold = path.join(shared, 'eval/geo-dev.jsonl');
const geoScorer = path.join(shared, 'eval/score-geo.mjs');
if (fs.existsSync(geoGold) && fs.existsSync(geoScorer)) {
  const geoIn = path.join(dir, 'geo-dev.in.jsonl');
  const geoPred = path.join(dir, 'geo-dev.pred.jsonl');
  const docs = fs.readFileSync(geoGold, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string });
  fs.writeFileSync(geoIn, docs.map((d) => JSON.stringify({ id: d.id, text: d.text })).join('\n') + '\n');
  const geoTag = spawnSync(process.execPath, [bin, 'tag', '--jsonl', geoIn], { env, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
  if (geoTag.status !== 0) {
    console.error(`eval: news-monitor tag --jsonl failed on the geo set (exit ${geoTag.status}): ${String(geoTag.stderr).split('\n')[0]}`);
    process.exit(1);
  }
  fs.writeFileSync(geoPred, geoTag.stdout);
  const out = execFileSync(process.execPath, [geoScorer, geoGold, geoPred, '--top', '20'], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n');
  if (process.argv.includes('--verbose')) console.log(out.slice(0, -1).join('\n'));
  const geo = (JSON.parse(out[out.length - 1]!) as { all: Record<string, number | null> & { geocoding: Record<string, number> | null } }).all;
  const f = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `${(100 * x).toFixed(1)}%`);
  console.log(`Geoparsing dev set: ${geo.docs} documents, ${geo.goldToponyms} toponyms`);
  console.log(`  toponym recall ${f(geo.toponymRecall)} (without continents and oceans ${f(geo.toponymRecallNonSupranational)})   (target: >= 88%)`);
  console.log(`  mention precision ${f(geo.mentionPrecision)}   (target: >= 90%)`);
  console.log(`  accuracy within 161 km ${f(geo.geocoding?.acc161)}, median error ${geo.geocoding?.medianKm ?? 'n/a'} km   (target: >= 85%)`);
  console.log(`  focus ${f(geo.focusAccuracy)}   (target: >= 95%)`);
  for (const line of out.filter((l) => /missed toponyms|false-positive mentions/.test(l))) console.log(`  ${line.replace(/^all: /, '')}`);
}
// Stories (issue 13): the team's contract check itself — ../shared/eval/stories-dev.jsonl served as 40
// loopback feeds grouped by publisher, read by `news-monitor run`, each article's story from `query
// --json`, scored by ../shared/eval/score-stories.mjs (alerts per gold story, missed stories, B-cubed F1).
const checks = path.join(shared, 'tools/contract-checks.sh');
if (fs.existsSync(checks) && fs.existsSync(path.join(shared, 'eval/stories-dev.jsonl'))) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', `source "${checks}" && check_stories`], { cwd: root, encoding: 'utf8', env, maxBuffer: 1 << 26 });
  const line = (r.stdout || r.stderr).trim().split('\n').pop() ?? '(no output)';
  console.log(`  stories (${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(0)} s): ${line}`);
}
if (keepAt > 0) console.log(`predictions kept in ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
