// Each Lambda bundle as the CDK builds it (same esbuild settings, same bundled config): its minified
// size without the source map, the time to import it in a fresh Node process (what a cold start
// pays before the first event), and that process's peak RSS. Targets: ≤ 300 KB, ≤ 150 ms.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { configDefine, esbuildOptions } from '../infra/constructs/bundling';
import { projectRoot } from '../infra/constructs/news-function';
import { loadConfig } from '../shared/config';
import { median, type BenchRow } from './harness';

const FUNCTIONS = ['dispatch', 'ingest', 'alert', 'digest', 'query'];
const RUNS = 7;
const SIZE_TARGET_KB = 300;
/** Environment the handlers check at load, as the CDK sets it. */
const LAMBDA_ENV = {
  TABLE_NAME: 'news-monitor-bench',
  TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:alerts',
  QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/feeds',
  AWS_REGION: 'eu-west-1',
  POWERTOOLS_SERVICE_NAME: 'news-monitor',
  POWERTOOLS_METRICS_NAMESPACE: 'NewsMonitor',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
// Imports the bundle and reports how long that took and the process's peak memory.
// CPU time is reported too: on a busy machine the wall clock also counts waiting for a core.
const PROBE = `const c0 = process.cpuUsage(); const t0 = performance.now(); await import(process.argv[1]);
const ms = performance.now() - t0; const c = process.cpuUsage(c0);
console.log(JSON.stringify({ ms, cpuMs: (c.user + c.system) / 1000, rssMb: process.resourceUsage().maxRSS / 1024 }));`;

/** Bundles one handler with the deployed settings; the output sits under node_modules so the runtime-provided @aws-sdk/* resolves. */
async function bundle(name: string, configJson: string): Promise<{ file: string; kb: number; heaviest: string }> {
  const outfile = path.join(projectRoot, 'node_modules/.cache/news-monitor-bundles', name, 'index.mjs');
  const result = await esbuild.build({
    ...esbuildOptions(),
    absWorkingDir: projectRoot,
    entryPoints: [path.join(projectRoot, 'functions', `${name}.ts`)],
    outfile,
    define: configDefine(configJson),
    sourcemap: 'external',
    sourcesContent: false,
    metafile: true,
    logLevel: 'silent',
  });
  const out = Object.entries(result.metafile.outputs).find(([f]) => f.endsWith('index.mjs'))![1];
  // Where the bytes come from, by package (or shared/ area): the owner to ask when a bundle is too big.
  const byOwner = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input) ?? /^(shared\/[^/]+|functions|cli)/.exec(input);
    const owner = m?.[1] ?? input;
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytesInOutput);
  }
  const heaviest = [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([o, b]) => `${o} ${(b / 1024).toFixed(0)} KB`).join(', ');
  return { file: outfile, kb: fs.statSync(outfile).size / 1024, heaviest };
}

function importOnce(file: string): { ms: number; cpuMs: number; rssMb: number } {
  const out = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', PROBE, pathToFileURL(file).href], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...LAMBDA_ENV, NODE_OPTIONS: '' },
  });
  return JSON.parse(out.trim().split('\n').pop()!) as { ms: number; cpuMs: number; rssMb: number };
}

/** Size, cold import time and import memory of every function bundle. */
export async function bench(): Promise<BenchRow[]> {
  const configFile = path.join(projectRoot, 'examples/config.example.json');
  const configJson = JSON.stringify(loadConfig(configFile));
  const rows: BenchRow[] = [];
  for (const name of FUNCTIONS) {
    if (!fs.existsSync(path.join(projectRoot, 'functions', `${name}.ts`))) {
      process.stderr.write(`bundles: functions/${name}.ts does not exist yet; skipped\n`);
      continue;
    }
    const b = await bundle(name, configJson);
    importOnce(b.file); // warm the file-system cache, as a Lambda's local copy is
    const runs = Array.from({ length: RUNS }, () => importOnce(b.file));
    const over = b.kb > SIZE_TARGET_KB ? ` OVER ${SIZE_TARGET_KB} KB TARGET` : '';
    rows.push({ name: `bundle ${name}: size (minified, no source map)`, value: b.kb, unit: 'KB', how: `esbuild with the CDK's settings, config ${path.basename(configFile)} bundled, @aws-sdk/* external; heaviest: ${b.heaviest}${over}` });
    rows.push({ name: `bundle ${name}: cold import`, value: median(runs.map((r) => r.ms)), unit: 'ms p50', how: `import() of the bundle in a fresh node --enable-source-maps process (Node ${process.version}), median of ${RUNS} after one warm-up; target ≤ 150 ms` });
    rows.push({ name: `bundle ${name}: cold import CPU time`, value: median(runs.map((r) => r.cpuMs)), unit: 'ms p50', how: `process.cpuUsage() across the same import (user + system), median of ${RUNS}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs` });
    rows.push({ name: `bundle ${name}: import peak memory`, value: median(runs.map((r) => r.rssMb)), unit: 'MB RSS', how: `process.resourceUsage().maxRSS right after the import, median of ${RUNS}` });
  }
  return rows;
}
