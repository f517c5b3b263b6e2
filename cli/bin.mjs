#!/usr/bin/env node
// Entry point of the `news-monitor` command. The CLI is TypeScript; a fresh clone needs no build
// step: on first use (and whenever a source file changes) esbuild bundles cli/entry.ts into
// cli/.bundle/ (split in chunks, so a command loads only the code and packages it uses), which
// later runs load in a few milliseconds. Without esbuild,
// or where this folder is read-only, tsx loads the TypeScript directly (slower to start).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

// The tagger's hot functions are many and large, and a 10,000-article `tag --jsonl` spends a third
// of its time before the engine has optimised them: on two cores, optimising them takes about 0.7 s
// of CPU on the second core while the first runs unoptimised code. A third of the default inlining
// budget (920 bytes of bytecode a function) cuts that compile work: 7–12% less CPU and 3–7% less wall
// time on 10,000 and 30,000 articles (docs/BENCHMARKS.md, 4 December 2026). Set before any bundle
// code is compiled; worker threads share the process's flags.
v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
// The bundle leaves the gazetteer's data file and the story word table out (shared/tagging/gazetteer.ts,
// shared/stories/terms.ts): they are read from the tree.
process.env.NEWS_MONITOR_GAZETTEER ??= path.join(root, 'shared/tagging/data/gazetteer.generated.txt');
process.env.NEWS_MONITOR_WORD_WEIGHTS ??= path.join(root, 'shared/stories/data/word-weights.generated.json');
// Each build lives in a folder of its own, named by its inputs, and `current` names the one to use.
// A build never changes or removes a folder a running command may still load chunks from (commands
// import their chunks lazily), so commands started side by side, one of them rebuilding, never fail.
const cache = path.join(here, '.bundle');
const pointer = path.join(cache, 'current');
/** Builds other than the current one are removed once this old: no command runs that long from one. */
const STALE_MS = 60 * 60 * 1000;

/** The current build's entry file, when it exists and no file it was built from has changed since. */
function freshBundle() {
  try {
    const dir = path.join(cache, fs.readFileSync(pointer, 'utf8').trim());
    const inputs = JSON.parse(fs.readFileSync(path.join(dir, 'inputs.json'), 'utf8'));
    for (const [file, mtimeMs] of Object.entries(inputs)) if (fs.statSync(path.join(root, file)).mtimeMs !== mtimeMs) return undefined;
    const bundle = path.join(dir, 'entry.mjs');
    return fs.existsSync(bundle) ? bundle : undefined;
  } catch {
    return undefined;
  }
}

/** Builds the bundle into a new folder, points `current` at it, and returns its entry file. */
async function build() {
  const esbuild = await import('esbuild');
  const tmp = path.join(cache, `build-${process.pid}-${Date.now()}`);
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { entry: 'cli/entry.ts' },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    sourcemap: true,
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) inputs[file] = fs.statSync(path.join(root, file)).mtimeMs;
  const json = JSON.stringify(inputs);
  fs.writeFileSync(path.join(tmp, 'inputs.json'), json);
  const key = createHash('sha256').update(json).digest('hex').slice(0, 16);
  const dir = path.join(cache, key);
  try {
    fs.renameSync(tmp, dir);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another command built the same inputs first
  }
  // Written beside, then renamed: a reader sees the old pointer or the new one, never half of one.
  const next = `${pointer}.${process.pid}`;
  fs.writeFileSync(next, key);
  fs.renameSync(next, pointer);
  for (const name of fs.readdirSync(cache)) {
    const other = path.join(cache, name);
    if (name !== key && name !== 'current' && Date.now() - fs.statSync(other).mtimeMs > STALE_MS) fs.rmSync(other, { recursive: true, force: true });
  }
  return path.join(dir, 'entry.mjs');
}

let entry;
if (process.env.NEWS_MONITOR_NO_BUNDLE !== '1') {
  try {
    const bundle = freshBundle() ?? (await build());
    entry = await import(pathToFileURL(bundle).href);
    // Worker threads (tag --jsonl) load the same bundle.
    process.env.NEWS_MONITOR_CLI_ENTRY = pathToFileURL(bundle).href;
  } catch {
    entry = undefined; // fall back to tsx below
  }
}
if (!entry) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = await import('./entry.ts');
  process.env.NEWS_MONITOR_CLI_ENTRY = new URL('./entry.ts', import.meta.url).href;
}
process.exitCode = await entry.main(process.argv.slice(2));
