import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(__dirname, '../../../cli/bin.mjs');
const run = (args: string[], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

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
