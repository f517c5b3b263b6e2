import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

/** A dynalite server on loopback, persisted under `dir` (in memory when `dir` is undefined). */
export interface LocalDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/** Starts dynalite on a free loopback port; data persists under `dir`. */
export async function startLocalDynamo(dir?: string): Promise<LocalDynamo> {
  if (dir) fs.mkdirSync(dir, { recursive: true });
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
