// The app's own static files, and nothing else: a fixed list of names, each read once from the
// package (shared/web/static/, uplot's dist/). No directory is ever listed or walked, and no path
// from the request reaches the file system.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One servable file: its bytes, type and a validator. */
export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

const require = createRequire(import.meta.url);

// name in /assets/<name> → where it comes from
const SOURCES: Record<string, { file: () => string; type: string }> = {
  'app.css': { file: () => own('app.css'), type: 'text/css; charset=utf-8' },
  'chart.js': { file: () => own('chart.js'), type: 'text/javascript; charset=utf-8' },
  'keys.js': { file: () => own('keys.js'), type: 'text/javascript; charset=utf-8' },
  'uplot.js': { file: () => require.resolve('uplot/dist/uPlot.iife.min.js'), type: 'text/javascript; charset=utf-8' },
  'uplot.css': { file: () => require.resolve('uplot/dist/uPlot.min.css'), type: 'text/css; charset=utf-8' },
};

const cache = new Map<string, Asset>();

/** The asset called `name`, or undefined for any other name. */
export function asset(name: string): Asset | undefined {
  if (!Object.hasOwn(SOURCES, name)) return undefined;
  let a = cache.get(name);
  if (!a) {
    const body = fs.readFileSync(SOURCES[name]!.file());
    a = { body, type: SOURCES[name]!.type, etag: `"${hash(body)}"` };
    cache.set(name, a);
  }
  return a;
}

function hash(b: Buffer): string {
  return createHash('sha256').update(b).digest('base64url').slice(0, 16);
}

/**
 * shared/web/static/<name>: beside this module when it runs as TypeScript, or a few folders up
 * when it runs from the CLI's bundle (cli/.bundle/<build>/).
 */
function own(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    for (const f of [path.join(dir, 'static', name), path.join(dir, 'shared', 'web', 'static', name)]) if (fs.existsSync(f)) return f;
    dir = path.dirname(dir);
  }
  throw new Error(`shared/web/static/${name} not found above ${fileURLToPath(import.meta.url)}`);
}
