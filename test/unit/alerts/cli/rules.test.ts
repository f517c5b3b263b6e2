import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../../cli/main';

let out = '';
let err = '';
let dir: string;
beforeEach(() => {
  out = '';
  err = '';
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-rules-cli-'));
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function config(rules: { id: string; query: string }[]): string {
  const file = path.join(dir, 'config.json');
  fs.writeFileSync(file, JSON.stringify({ feeds: [{ url: 'https://example.org/rss.xml', name: 'Example' }], rules: rules.map((r) => ({ ...r, name: r.id, severity: 'warning' })) }));
  return file;
}

describe('news-monitor rules check', () => {
  it('accepts a valid config and lists its rules', async () => {
    expect(await main(['rules', 'check', '--config', config([{ id: 'ru-ua', query: 'actor:RU AND region:UA' }])])).toBe(0);
    expect(out).toContain('OK — 1 feed, 1 rule, 0 subscriptions');
    expect(out).toContain('ru-ua [warning] actor:RU AND region:UA');
  });

  it('exits 1 naming every bad rule and the column, without a stack trace', async () => {
    const file = config([
      { id: 'open', query: 'actor:RU AND (invasion' },
      { id: 'narnia', query: 'attack AND actor:Narnia' },
    ]);
    expect(await main(['rules', 'check', '--config', file])).toBe(1);
    expect(err).toContain('rule "open", column 14: missing closing parenthesis');
    expect(err).toContain('rule "narnia", column 12: unknown actor "Narnia" (did you mean');
    expect(err).not.toMatch(/^\s+at /m);
  });
});

describe('news-monitor rules test', () => {
  it('names the column of a bad query in one line before opening any store', async () => {
    expect(await main(['rules', 'test', 'actor:RU AND AND attack', '--data-dir', dir, '--config', config([])])).toBe(1);
    expect(err).toBe('news-monitor: query, column 14: expected a term after AND, found AND\n');
    expect(fs.existsSync(path.join(dir, 'db'))).toBe(false);
  });

  it('refuses a --since it cannot read', async () => {
    expect(await main(['rules', 'test', 'attack', '--since', 'last week', '--data-dir', dir, '--config', config([])])).toBe(1);
    expect(err).toMatch(/^news-monitor: invalid since "last week": use an ISO date/);
  });
});

describe('news-monitor subscribe --config', () => {
  it('refuses rule ids the config does not have, naming the ones it has', async () => {
    const file = config([{ id: 'ru-ua', query: 'actor:RU' }]);
    expect(await main(['subscribe', '--protocol', 'email', '--endpoint', 'a@b.org', '--rule', 'nope', '--config', file, '--topic-arn', 'arn:aws:sns:eu-west-1:123456789012:t'])).toBe(1);
    expect(err).toBe(`news-monitor: no rule "nope" in ${file} (rules: ru-ua)\n`);
  });
});
