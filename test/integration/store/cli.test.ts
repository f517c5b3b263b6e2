import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../cli/context';
import { main } from '../../../cli/main';
import { makeArticles } from './articles';

// The query and show commands end to end on an embedded store, through the real gazetteer.
describe('news-monitor query and show', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-query-cli-'));
  const articles = makeArticles(30);

  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      const code = await main([...argv, '--data-dir', dir]);
      return { code, out, err };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }
  const lastJson = (out: string) => JSON.parse(out.trim().split('\n').pop()!);

  beforeAll(async () => {
    // Always the embedded store, whatever the developer's shell points at.
    vi.stubEnv('NEWS_MONITOR_TABLE', '');
    vi.stubEnv('NEWS_MONITOR_DYNAMODB_ENDPOINT', '');
    const h = await openStore({ dataDir: dir, env: {} });
    for (const a of articles) await h.store.putArticle(a);
    await h.close();
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pages through everything with --limit and --cursor in the JSON contract shape', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await run('query', '--json', '--limit', '7', ...(cursor ? ['--cursor', cursor] : []));
      expect(r.code).toBe(0);
      const page = lastJson(r.out);
      expect(Object.keys(page)).toEqual(['items', 'cursor']);
      ids.push(...page.items.map((a: { id: string }) => a.id));
      cursor = page.cursor;
    } while (cursor);
    expect(ids).toEqual([...articles].sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1)).map((a) => a.id));
  });

  it('resolves names through the gazetteer', async () => {
    const r = await run('query', '--actor', 'NATO', '--region', 'Black Sea', '--json');
    expect(r.code).toBe(0);
    const items = lastJson(r.out).items as { actors: { id: string }[]; regions: { id: string }[] }[];
    expect(items.length).toBeGreaterThan(0);
    for (const a of items) {
      expect(a.actors.map((t) => t.id)).toContain('nato');
      expect(a.regions.map((t) => t.id)).toContain('black-sea');
    }
  });

  it('prints a readable table with the next-page cursor', async () => {
    const r = await run('query', '--limit', '3');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^PUBLISHED \(UTC\)\s+FEED\s+TITLE/);
    expect(r.out).toContain(articles[0]!.title.slice(0, 30));
    expect(r.out).toMatch(/3 articles; next page: --cursor \S+/);
  });

  it('fails in one line, without a stack trace, for a forged cursor, an unknown actor and a bad limit', async () => {
    for (const [argv, message] of [
      [['--cursor', 'eyJub3QiOiJhIGN1cnNvciJ9'], /^news-monitor: invalid cursor: /],
      [['--actor', 'Narnia'], /^news-monitor: unknown actor "Narnia"/],
      [['--limit', '500'], /^news-monitor: limit must be a whole number from 1 to 100, got "500"/],
      [['--since', 'last tuesday'], /^news-monitor: invalid since "last tuesday"/],
    ] as const) {
      const r = await run('query', ...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('shows one article with its tags, scores and evidence, and refuses an unknown id', async () => {
    const a = articles[2]!;
    const json = await run('show', a.id, '--json');
    expect(json.code).toBe(0);
    expect(lastJson(json.out)).toEqual(a);
    const text = await run('show', a.id);
    expect(text.out).toContain(a.title);
    expect(text.out).toMatch(/ACTORS\n\s+SCORE\s+SALIENT\s+ID/);
    expect(text.out).toContain('"Jens Stoltenberg" title 0–16');
    const missing = await run('show', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^news-monitor: no article with id "nope"/);
  });
});
