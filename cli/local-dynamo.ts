import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import dynalite from 'dynalite';

/** A dynalite server on loopback, persisted under `dir` (in memory when `dir` is undefined). */
export interface LocalDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts dynalite on a free loopback port; data persists under `dir`. With `separateProcess` it
 * runs in a child process (the CLI's choice: a run then uses both cores); otherwise in this process
 * (tests: cheaper to start).
 */
export async function startLocalDynamo(dir?: string, opts: { separateProcess?: boolean } = {}): Promise<LocalDynamo> {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  return opts.separateProcess ? startChild(dir) : startInProcess(dir);
}

async function startInProcess(dir?: string): Promise<LocalDynamo> {
  const server = dynalite({ ...(dir ? { path: dir } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function startChild(dir?: string): Promise<LocalDynamo> {
  const script = serverScript();
  const child = fork(script, dir ? [dir] : [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    child.once('exit', (code) => reject(new Error(stderr.trim().split('\n').pop() || `dynalite exited with code ${code}`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * cli/dynalite-server.mjs: beside this module when it runs as TypeScript, or a few folders up when it
 * runs from a build of the CLI bundle (cli/.bundle/<build>/).
 */
function serverScript(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = path.dirname(dir)) {
    const f = path.join(dir, 'dynalite-server.mjs');
    if (fs.existsSync(f)) return f;
  }
  throw new Error(`cli/dynalite-server.mjs not found above ${fileURLToPath(import.meta.url)}`);
}
