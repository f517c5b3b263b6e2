// `news-monitor serve` as a command: the line it prints once it accepts requests, the warning for a
// non-loopback address, a clear error for a bad port, and a clean stop on SIGTERM.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(ROOT, 'cli/bin.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-serve-'));
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

/** Starts serve, waits for its line, returns it with stderr so far; then stops it with SIGTERM. */
async function serveOnce(args: string[]): Promise<{ line: string; stderr: string; status: number; code: number | null }> {
  const p = spawn(process.execPath, [BIN, 'serve', '--data-dir', dir, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  p.stderr.on('data', (d: Buffer) => (err += d));
  const line = await new Promise<string>((resolve, reject) => {
    p.stdout.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    p.once('exit', (c) => reject(new Error(`exited ${c}: ${err}`)));
  });
  const url = /(http:\/\/\S+)/.exec(line)![1]!.replace('0.0.0.0', '127.0.0.1');
  const status = (await fetch(url)).status;
  const code = await new Promise<number | null>((resolve) => {
    p.once('exit', resolve);
    p.kill('SIGTERM');
  });
  return { line, stderr: err, status, code };
}

describe('news-monitor serve', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints exactly "news-monitor: serving http://127.0.0.1:PORT/" on loopback, answers, and stops cleanly', async () => {
    const r = await serveOnce(['--port', '0']);
    expect(r.line).toMatch(/^news-monitor: serving http:\/\/127\.0\.0\.1:\d{2,5}\/$/);
    expect(r.stderr).not.toMatch(/warning/);
    expect(r.status).toBe(200);
    expect(r.code).toBe(0);
  });

  it('warns that there is no login when bound to another address', async () => {
    const r = await serveOnce(['--port', '0', '--host', '0.0.0.0']);
    expect(r.line).toMatch(/^news-monitor: serving http:\/\/0\.0\.0\.0:\d+\/$/);
    expect(r.stderr).toMatch(/^news-monitor: warning: serving on 0\.0\.0\.0, not loopback: the interface has no login/m);
  });

  it('refuses a bad port in one line', async () => {
    const err = await promisify(execFile)(process.execPath, [BIN, 'serve', '--port', 'http', '--data-dir', dir], { cwd: ROOT, env }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toBe('news-monitor: --port must be a whole number from 0 to 65535, got "http"\n');
  });
});
