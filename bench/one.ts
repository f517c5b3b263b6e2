// Runs one bench module in this process and prints its rows as JSON, with the process's peak RSS.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { BenchRow } from './harness';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/one.ts bench/<area>.bench.ts');
const mod = (await import(pathToFileURL(path.resolve(file)).href)) as { bench: () => Promise<BenchRow[]> };
const rows = await mod.bench();
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`\n@@ROWS ${JSON.stringify({ rows, peakMb })}\n`);
process.exit(0);
