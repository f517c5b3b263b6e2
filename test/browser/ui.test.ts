// The web interface in a real browser: the demo feeds plus a hostile one are read by `news-monitor
// run` into an embedded store, `news-monitor serve` serves it, and Debian's Chromium (through
// playwright-core) uses the pages as a person would. Screenshots of each page go to
// test-results/ui/ (not committed) for a person to look at.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'cli/bin.mjs');
const SHOTS = path.join(ROOT, 'test-results/ui');

interface StoredArticle {
  id: string;
  title: string;
  summary: string;
  actors: { id: string; mentions: { text: string; start: number; end: number; field?: string }[] }[];
  regions: { id: string; mentions: { text: string; start: number; end: number; field?: string }[] }[];
}

describe('news-monitor serve in Chromium', () => {
  let dir: string;
  let server: ChildProcess;
  let base: string;
  let browser: Browser;
  let page: Page;
  let patrol: StoredArticle;
  let hostile: StoredArticle;
  let literal: StoredArticle;
  const outside: string[] = [];
  const dialogs: string[] = [];
  const cspViolations: string[] = [];
  const cli = async (...args: string[]) => (await run(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, maxBuffer: 1 << 24 })).stdout;
  const find = async (words: string): Promise<StoredArticle> => {
    const out = JSON.parse((await cli('query', '--text', words, '--json', '--data-dir', path.join(dir, 'data'))).trim().split('\n').pop()!);
    return out.items[0];
  };
  const visit = async (p: string, shot?: string) => {
    const res = await page.goto(base + p, { waitUntil: 'networkidle' });
    expect(res?.status(), p).toBe(200);
    if (shot) await page.screenshot({ path: path.join(SHOTS, `${shot}.png`) });
    return page;
  };
  const listed = () => page.$$eval('ol.articles a.title', (as) => as.map((a) => a.textContent ?? ''));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-ui-'));
    fs.mkdirSync(path.join(dir, 'feeds'));
    for (const f of fs.readdirSync(path.join(ROOT, 'examples/feeds'))) fs.copyFileSync(path.join(ROOT, 'examples/feeds', f), path.join(dir, 'feeds', f));
    fs.copyFileSync(path.join(import.meta.dirname, 'fixtures/hostile-wire.xml'), path.join(dir, 'feeds/hostile-wire.xml'));
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/demo.config.json'), 'utf8'));
    config.feeds.push({ url: './feeds/hostile-wire.xml', name: 'Hostile Wire' });
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
    await cli('run', '--config', path.join(dir, 'config.json'), '--data-dir', path.join(dir, 'data'), '--outbox', path.join(dir, 'outbox.jsonl'));
    // Read before serving: the embedded store is open in one process at a time.
    patrol = await find('warships shadow');
    hostile = await find('Baltic exercises');
    literal = await find('OSCE letter');
    server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', path.join(dir, 'data'), '--config', path.join(dir, 'config.json')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    base = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      server.stdout!.on('data', (d: Buffer) => {
        out += d;
        const m = /^news-monitor: serving (http:\/\/127\.0\.0\.1:\d+)\/$/m.exec(out);
        if (m) resolve(m[1]!);
      });
      server.stderr!.on('data', (d: Buffer) => (err += d));
      server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
    });
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.hostname !== '127.0.0.1' && !['data:', 'about:'].includes(u.protocol)) outside.push(r.url());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the newest articles on the overview, each linking to its page', async () => {
    await visit('/', 'overview');
    const titles = await listed();
    expect(titles.length).toBeGreaterThanOrEqual(10);
    expect(titles).toContain('Russian warships shadow NATO patrol in the Black Sea');
  });

  it('changes the list when a filter is typed, and again when a facet is chosen', async () => {
    await visit('/articles');
    const all = await listed();
    await page.getByLabel('Actor').fill('NATO');
    await page.getByLabel('Actor').press('Enter');
    await page.waitForURL(/actor=NATO/);
    const nato = await listed();
    expect(nato).toContain('Russian warships shadow NATO patrol in the Black Sea');
    expect(nato).not.toContain('China holds live-fire drills in the Taiwan Strait');
    expect(nato.length).toBeLessThan(all.length);
    await page.screenshot({ path: path.join(SHOTS, 'articles-nato.png') });
    await page.locator('ul.facets a', { hasText: 'Black Sea' }).first().click();
    await page.waitForURL(/region=black-sea/);
    const both = await listed();
    expect(both).toContain('Russian warships shadow NATO patrol in the Black Sea');
    expect(both.length).toBeLessThan(nato.length);
    await visit('/articles?region=TW');
    expect(await listed()).toEqual(['China holds live-fire drills in the Taiwan Strait']);
  });

  it('marks every stored mention of the article at its offsets', async () => {
    const a = patrol;
    await visit(`/articles/${a.id}`, 'article');
    const marks = await page.$$eval('mark[data-tag]', (ms) => ms.map((m) => [m.getAttribute('data-tag'), m.textContent]));
    const want = [...a.actors, ...a.regions].flatMap((t) => t.mentions.map((m) => [t.id, m.text]));
    expect(want.length).toBeGreaterThanOrEqual(3);
    for (const w of want) expect(marks).toContainEqual(w);
    expect(marks).toContainEqual(['nato', 'NATO']);
    // The marked text reads exactly as the stored summary.
    expect(await page.locator('.marked-text').innerText()).toBe(a.summary);
  });

  it('shows a hostile feed item as text and runs none of it', async () => {
    const a = hostile;
    await visit(`/articles/${a.id}`, 'hostile');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('h1').innerText()).toBe('Kremlin threatens NATO over Baltic exercises');
    expect(await page.locator('.marked-text').innerText()).toContain('The Kremlin threatened NATO');
    for (const sel of ['main img', 'main svg[onload]', 'iframe', 'a[href^="javascript:"]', 'script:not([src])']) expect(await page.locator(sel).count(), sel).toBe(0);
    // Markup escaped twice in the feed is still taken out by the feed reader (shared/feeds); the
    // page escaping of such characters is tested in endpoint.test.ts with a title stored as they are.
    await visit(`/articles/${literal.id}`, 'hostile-escaped-twice');
    expect(await page.locator('h1').innerText()).toBe('Kremlin letter to the OSCE');
    expect(await page.locator('main img').count()).toBe(0);
    await visit('/articles?actor=NATO');
    await visit('/rules?test=' + encodeURIComponent('actor:NATO'));
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('tests a rule typed in the box and shows why each article matched', async () => {
    await visit('/rules');
    await page.getByLabel('Rule id or query to test').fill('actor:RU AND region:"Black Sea"');
    await page.getByRole('button', { name: 'Test on stored articles' }).click();
    await page.waitForURL(/test=/);
    await page.screenshot({ path: path.join(SHOTS, 'rules.png') });
    expect(await listed()).toContain('Russian warships shadow NATO patrol in the Black Sea');
    expect(await page.locator('.why').first().innerText()).toMatch(/^Why: tags .*Russia \(RU\).*Black Sea \(black-sea\)/);
  });

  it('serves a rule query as RSS that rss-parser reads', async () => {
    const res = await page.request.get(`${base}/rss?q=${encodeURIComponent('actor:NATO AND region:"Black Sea"')}`);
    expect(res.status()).toBe(200);
    const feed = await new Parser().parseString(await res.text());
    const titles = feed.items.map((i) => i.title);
    expect(titles).toContain('Russian warships shadow NATO patrol in the Black Sea');
    expect(titles).not.toContain('China holds live-fire drills in the Taiwan Strait');
  });

  it('shows feed health and the alerts that were sent', async () => {
    await visit('/feeds', 'feeds');
    expect(await page.locator('table.feeds tbody tr').count()).toBe(4);
    expect(await page.locator('main').innerText()).toContain('Hostile Wire');
    await visit('/alerts', 'alerts');
    expect(await page.locator('ul.alerts li').count()).toBeGreaterThanOrEqual(3);
  });

  it('draws the trends chart with uPlot from the stored articles', async () => {
    await visit('/trends?actor=RU&region=Black%20Sea&since=2026-11-20&until=2026-11-30', 'trends');
    await page.locator('.chart.drawn canvas').first().waitFor();
    const size = await page.locator('.chart canvas').first().boundingBox();
    expect(size!.width).toBeGreaterThan(300);
    expect(await page.locator('.u-legend').innerText()).toMatch(/actor RU[\s\S]*region Black Sea/);
    // The table beside it holds the same numbers: the day of the patrol story counts it on both lines.
    const row = await page.locator('table.trend tr', { hasText: '2026-11-27' }).innerText();
    expect(row).toMatch(/2026-11-27\s+\d+ \(\d+\)\s+\d+ \(\d+\)/);
    expect(Number(/2026-11-27\s+\d+ \(\d+\)\s+(\d+)/.exec(row)![1])).toBeGreaterThanOrEqual(1);
  });

  it('draws the map: countries shaded by stories, with their names and counts', async () => {
    await visit('/map?since=2026-11-20', 'map');
    const shaded = await page.$$eval('svg.map path[data-stories]', (ps) => ps.map((p) => [p.getAttribute('data-code'), Number(p.getAttribute('data-stories'))]));
    expect(shaded).toContainEqual(['UA', expect.any(Number)]);
    expect(shaded.find(([c]) => c === 'UA')![1]).toBeGreaterThanOrEqual(3);
    expect(shaded.map(([c]) => c)).toContain('TW');
    expect(shaded.map(([c]) => c)).not.toContain('BR');
    const box = await page.locator('svg.map').boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    expect(await page.locator('svg.map path.country').count()).toBeGreaterThan(150);
    await page.locator('table a', { hasText: 'Ukraine' }).first().click();
    await page.waitForURL(/region=UA/);
    expect(await listed()).toContain('Russia masses troops near Donetsk as Kyiv warns of new offensive');
  });

  it('lists stories with their sources', async () => {
    await visit('/stories', 'stories');
    const first = page.locator('ol.stories > li').first();
    expect(await first.locator('h2').innerText()).toBeTruthy();
    expect(await first.locator('.sources').innerText()).toMatch(/^\d+ articles? from \d+ sources? · /);
    // Every stored article is in one story: the stories' article counts add up to the articles.
    const counts = await page.$$eval('ol.stories .sources', (els) => els.map((e) => Number(/^(\d+) article/.exec(e.textContent ?? '')?.[1])));
    expect(counts.length).toBeGreaterThanOrEqual(5);
    await visit('/articles?limit=100');
    const total = (await listed()).length;
    expect(counts.reduce((x, y) => x + y, 0)).toBe(total);
    await visit('/stories');
    // A story's page names its sources and lists its articles.
    const title = await first.locator('h2').innerText();
    await first.locator('h2 a').click();
    await page.waitForURL(/\/stories\/[\w-]+$/);
    await page.screenshot({ path: path.join(SHOTS, 'story.png') });
    expect(await page.locator('h1').innerText()).toBe(title);
    expect(await page.locator('ul.sources li').count()).toBeGreaterThanOrEqual(1);
    expect(await listed()).toContain(title);
  });

  it('labels every form control, keeps headings in order and can be used by keyboard', async () => {
    for (const p of ['/', '/articles', '/rules', '/alerts', '/feeds', '/stories', '/trends', '/map']) {
      await visit(p);
      const controls = await page.$$eval('input, select, textarea', (els) => els.map((e) => ({ id: e.id, aria: e.getAttribute('aria-label'), html: e.outerHTML })));
      const unlabelled: string[] = [];
      for (const c of controls) if (!c.aria && !(c.id && (await page.locator(`label[for="${c.id}"]`).count()) === 1)) unlabelled.push(c.html);
      expect(unlabelled, p).toEqual([]);
      const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
      expect(levels[0], p).toBe(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `${p} heading ${i}`).toBeLessThanOrEqual(1);
    }
    await visit('/');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe('main');
    // Shortcuts: j and k walk the list, Enter opens the article, / goes to the search field.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const first = (await listed())[0]!;
    expect(await page.locator(':focus').textContent()).toBe(first);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/articles\/[\w-]+$/);
    expect(await page.locator('h1').innerText()).toBe(first);
    await visit('/articles');
    await page.keyboard.press('/');
    expect(await page.locator(':focus').getAttribute('id')).toBe('f-actor');
    await page.keyboard.type('NATO');
    await page.keyboard.press('Enter');
    await page.waitForURL(/actor=NATO/);
  });

  it('asks nothing of the internet and breaks no Content-Security-Policy rule', () => {
    expect(outside).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
