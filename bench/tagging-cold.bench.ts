// Cold start of the ingest function (issue 12 budget: import + first tag ≤ 600 ms): the ingest bundle
// built with the CDK's esbuild settings, the gazetteer data file copied beside it as the CDK's
// afterBundling hook does, then in a fresh Node process: import the bundle, tag one article.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { configDefine, esbuildOptions, GAZETTEER_DATA } from '../infra/constructs/bundling';
import { projectRoot } from '../infra/constructs/news-function';
import { loadConfig } from '../shared/config';
import { median, type BenchRow } from './harness';

const RUNS = 7;
const ENV = {
  TABLE_NAME: 'news-monitor-bench',
  TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:alerts',
  QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/feeds',
  AWS_REGION: 'eu-west-1',
  POWERTOOLS_SERVICE_NAME: 'news-monitor',
  POWERTOOLS_METRICS_NAMESPACE: 'NewsMonitor',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
const PROBE = `const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const c0 = cpu(); const t0 = performance.now(); const m = await import(process.argv[1]); const t1 = performance.now();
const r = m.tagText({ title: 'Shelling hits Pokrovsk', text: 'KYIV, Dec 2 (Reuters) - Russian forces shelled Pokrovsk and Kostiantynivka in Donetsk Oblast overnight, Ukraine said. NATO condemned the attack.' });
const t2 = performance.now(); const c2 = cpu();
if (!r.regions.some((t) => t.id === 'pokrovsk')) throw new Error('first tag missed Pokrovsk');
console.log(JSON.stringify({ importMs: t1 - t0, tagMs: t2 - t1, cpuMs: c2 - c0, rssMb: process.resourceUsage().maxRSS / 1024 }));`;

/** Import and first-tag time of the ingest bundle in fresh processes. */
export async function bench(): Promise<BenchRow[]> {
  const dir = path.join(projectRoot, 'node_modules/.cache/news-monitor-cold-start');
  const outfile = path.join(dir, 'index.mjs');
  const configJson = JSON.stringify(loadConfig(path.join(projectRoot, 'examples/config.example.json')));
  await esbuild.build({ ...esbuildOptions(), absWorkingDir: projectRoot, entryPoints: [path.join(projectRoot, 'bench/cold-start-entry.ts')], outfile, define: configDefine(configJson), logLevel: 'silent' });
  fs.copyFileSync(path.join(projectRoot, GAZETTEER_DATA), path.join(dir, path.basename(GAZETTEER_DATA)));
  const once = () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', PROBE, pathToFileURL(outfile).href], { encoding: 'utf8', env: { PATH: process.env.PATH, ...ENV, NODE_OPTIONS: '' } }).trim().split('\n').pop()!) as { importMs: number; tagMs: number; cpuMs: number; rssMb: number };
  once(); // warm the file-system cache, as a Lambda's local copy is
  const runs = Array.from({ length: RUNS }, once);
  const how = `fresh node process, ingest bundle (CDK esbuild settings) with the data file beside it, median of ${RUNS} after one warm-up; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`;
  return [
    { name: 'cold start ingest: import', value: median(runs.map((r) => r.importMs)), unit: 'ms p50', how },
    { name: 'cold start ingest: first tag (data file read, matcher compiled)', value: median(runs.map((r) => r.tagMs)), unit: 'ms p50', how: '〃' },
    { name: 'cold start ingest: import + first tag', value: median(runs.map((r) => r.importMs + r.tagMs)), unit: 'ms p50', how: 'target ≤ 600 ms' },
    { name: 'cold start ingest: import + first tag, CPU time', value: median(runs.map((r) => r.cpuMs)), unit: 'ms p50', how: 'process.cpuUsage() (user + system, all threads: the garbage collector runs beside the main thread); on a busy machine the wall clock also counts waiting for a core' },
    { name: 'cold start ingest: peak memory', value: median(runs.map((r) => r.rssMb)), unit: 'MB RSS', how: 'process.resourceUsage().maxRSS after the first tag' },
  ];
}
