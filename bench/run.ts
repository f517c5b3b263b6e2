// `npm run bench`: runs every bench/*.bench.ts in its own Node process (so each gets its own peak
// memory figure) and prints one table. Offline; each module keeps to about a minute.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchRow } from './harness';

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv.slice(2);
const modules = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();

const all: (BenchRow & { module: string })[] = [];
for (const m of modules) {
  const started = Date.now();
  process.stderr.write(`bench: ${m} …\n`);
  let out = '';
  try {
    out = execFileSync(process.execPath, ['--import', 'tsx', path.join(dir, 'one.ts'), path.join(dir, m)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 << 20,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
  } catch (err) {
    process.stderr.write(`bench: ${m} failed: ${(err as Error).message.split('\n')[0]}\n`);
    continue;
  }
  const line = out.split('\n').find((l) => l.startsWith('@@ROWS '));
  if (!line) continue;
  const { rows, peakMb } = JSON.parse(line.slice(7)) as { rows: BenchRow[]; peakMb: number };
  for (const r of rows) all.push({ ...r, module: m });
  all.push({ module: m, name: `${m.replace('.bench.ts', '')}: peak memory of the bench process`, value: peakMb, unit: 'MB RSS', how: `process.resourceUsage().maxRSS after the module ran (${((Date.now() - started) / 1000).toFixed(0)} s)` });
}

const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const header = ['measure', 'value', 'unit', 'how'];
const table = all.map((r, i) => [r.name, fmt(r.value), r.unit, i > 0 && all[i - 1]!.how === r.how ? '〃' : r.how]);
const widths = header.map((h, i) => Math.min(i === 3 ? 200 : 70, Math.max(h.length, ...table.map((row) => row[i]!.length))));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`news-monitor benchmarks — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table) console.log(line(row));
