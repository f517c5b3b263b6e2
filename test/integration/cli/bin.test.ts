import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(__dirname, '../../../cli/bin.mjs');
const run = (args: string[], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });

describe('the news-monitor bin', () => {
  it('answers the same from its cached bundle as from the TypeScript sources', () => {
    const args = ['cost', '--feeds', '10', '--items-per-day', '100', '--json'];
    const bundled = JSON.parse(run(args));
    const direct = JSON.parse(run(args, { NEWS_MONITOR_NO_BUNDLE: '1' }));
    expect(bundled.totalUsd).toBeGreaterThan(0);
    expect(bundled).toEqual(direct);
  });

  it('tags a file through the bundle', () => {
    const out = JSON.parse(run(['tag', path.resolve(__dirname, '../../../examples/feeds/world-brief.xml')]));
    expect(out.actors.map((t: { id: string }) => t.id)).toContain('RU');
  });

  it('runs the demo through the bundle, with the embedded store in its own process, and queries it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-bin-demo-'));
    try {
      const config = path.resolve(__dirname, '../../../examples/demo.config.json');
      run(['run', '--config', config, '--data-dir', dir]);
      const found = JSON.parse(run(['query', '--actor', 'NATO', '--json', '--data-dir', dir])) as { items: { title: string }[] };
      expect(found.items.length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tags JSON lines on worker threads that load the bundle, with the same output as one thread', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-bin-'));
    const file = path.join(dir, 'in.jsonl');
    // 2.5 MB: three batches of 1 MB, so that both workers get some.
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: i, text: `KYIV, March ${(i % 27) + 1} - Talks on Georgia and Abkhazia. ${'Officials of the government met in Geneva. '.repeat(140)}` }));
    fs.writeFileSync(file, lines.join('\n'));
    try {
      const one = run(['tag', '--jsonl', file]);
      const two = run(['tag', '--jsonl', '--workers', '2', file]);
      expect(fs.statSync(file).size).toBeGreaterThan(2 << 20);
      expect(one.split('\n').filter(Boolean)).toHaveLength(400);
      expect(two).toBe(one);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tags a line the same whatever lines came before it in the process (case forms beyond ASCII inside a capitalised word)', () => {
    // "Bułgarii" (Polish locative of Bulgaria): its ł lies inside a capitalised word. The forms with
    // such letters are compiled the first time a text holds one; a fresh process tagging this line
    // first must find Bulgaria as one that tagged another accented line before does.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-bin-forms-'));
    try {
      const line = JSON.stringify({ id: 'pl', text: 'Protesty w Bułgarii trwają.' });
      const alone = path.join(dir, 'alone.jsonl');
      const after = path.join(dir, 'after.jsonl');
      fs.writeFileSync(alone, `${line}\n`);
      fs.writeFileSync(after, `${JSON.stringify({ id: 'x', text: 'Un café à Paris.' })}\n${line}\n`);
      const ids = (out: string) => (JSON.parse(out.trim().split('\n').pop()!) as { actors: { id: string }[]; regions: { id: string }[] }).actors.map((t) => t.id);
      const first = ids(run(['tag', '--jsonl', alone]));
      expect(first).toContain('BG');
      expect(ids(run(['tag', '--jsonl', after]))).toEqual(first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints one line and exits 1 on a wrong flag value, without a stack trace', () => {
    let stderr = '';
    let status = 0;
    try {
      execFileSync(process.execPath, [BIN, 'cost', '--feeds', 'many', '--items-per-day', '1'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      stderr = String((err as { stderr: string }).stderr);
      status = (err as { status: number }).status;
    }
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual(['news-monitor: --feeds must be a number ≥ 1, got "many"']);
  });
});
