// `serve` against a DynamoDB endpoint (NEWS_MONITOR_DYNAMODB_ENDPOINT, the way it reaches a real
// table) holding an article whose title and summary are stored with markup in them, as a feed
// reader other than ours might store them: Chromium shows the characters and runs nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { startLocalDynamo, type LocalDynamo } from '../../cli/local-dynamo';
import { localDynamoClient } from '../../shared/clients/dynamo';
import type { TaggedArticle } from '../../shared/model';
import { ArticleStore } from '../../shared/store';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TITLE = '<img src=x onerror=alert(1)> NATO <script>window.__xss=1</script>';
const SUMMARY = 'NATO said: <svg onload="window.__xss=2"></svg><a href="javascript:window.__xss=3">x</a>';

describe('serve on a DynamoDB endpoint, with markup stored in a title', () => {
  let dynamo: LocalDynamo;
  let server: ChildProcess;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    const store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'ui-endpoint' });
    await store.ensureTable();
    const nato = (field: 'title' | 'text', text: string) => ({ text: 'NATO', start: text.indexOf('NATO'), end: text.indexOf('NATO') + 4, ...(field === 'title' ? { field } : {}) });
    const at = new Date().toISOString();
    const article: TaggedArticle = {
      id: 'markup1', url: 'javascript:alert(5)', title: TITLE, summary: SUMMARY, publishedAt: at, fetchedAt: at, feedName: '<i>feed</i>', feedUrl: 'https://x.example/rss', storyKey: 'markup',
      actors: [{ id: 'nato', name: 'NATO', kind: 'organization', score: 3, salient: true, mentions: [nato('title', TITLE), nato('text', SUMMARY)] }],
      regions: [],
    };
    await store.putArticles([article]);
    server = spawn(process.execPath, [path.join(ROOT, 'cli/bin.mjs'), 'serve', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NEWS_MONITOR_DYNAMODB_ENDPOINT: dynamo.endpoint, NEWS_MONITOR_TABLE: 'ui-endpoint', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    base = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (d: Buffer) => {
        out += d;
        const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) resolve(m[1]!);
      });
      server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    await dynamo?.close();
  });

  it('shows the characters of the markup, marks the mention, and runs nothing', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const p of ['/', '/articles?actor=NATO', '/articles/markup1']) {
      await page.goto(base + p, { waitUntil: 'networkidle' });
      expect(await page.locator('main').innerText(), p).toContain('<img src=x onerror=alert(1)> NATO <script>window.__xss=1</script>');
      expect(await page.locator('main img, main svg, main script, a[href^="javascript:"]').count(), p).toBe(0);
    }
    expect(await page.locator('.marked-text').innerText()).toBe(SUMMARY);
    expect(await page.$$eval('mark[data-tag="nato"]', (ms) => ms.map((m) => m.textContent))).toEqual(['NATO', 'NATO']);
    expect(await page.locator('main').innerText()).toContain('<i>feed</i>');
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
