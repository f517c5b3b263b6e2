#!/usr/bin/env node
// Entry point of the `news-monitor` command. The CLI is TypeScript; a fresh clone needs no build
// step: on first use (and whenever a source file changes) esbuild bundles cli/entry.ts into
// cli/.bundle/ (split in chunks, so a command loads only the code and packages it uses), which
// later runs load in a few milliseconds. Without esbuild,
// or where this folder is read-only, tsx loads the TypeScript directly (slower to start).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const outdir = path.join(here, '.bundle');
const bundle = path.join(outdir, 'entry.mjs');
const meta = path.join(outdir, 'inputs.json');

/** True when the bundle exists and no file it was built from has changed since. */
function fresh() {
  try {
    const inputs = JSON.parse(fs.readFileSync(meta, 'utf8'));
    for (const [file, mtimeMs] of Object.entries(inputs)) if (fs.statSync(path.join(root, file)).mtimeMs !== mtimeMs) return false;
    return fs.existsSync(bundle);
  } catch {
    return false;
  }
}

async function build() {
  const esbuild = await import('esbuild');
  // Built beside, then swapped in with one rename, so that runs started at the same time never
  // load a half-written bundle.
  const tmp = `${outdir}.${process.pid}.tmp`;
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
  fs.writeFileSync(path.join(tmp, 'inputs.json'), JSON.stringify(inputs));
  const old = `${outdir}.${process.pid}.old`;
  if (fs.existsSync(outdir)) fs.renameSync(outdir, old);
  fs.renameSync(tmp, outdir);
  fs.rmSync(old, { recursive: true, force: true });
}

let entry;
if (process.env.NEWS_MONITOR_NO_BUNDLE !== '1') {
  try {
    if (!fresh()) await build();
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
