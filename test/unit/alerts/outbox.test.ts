import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { compileRules, formatAlert, matchRule, OutboxPublisher } from '../../../shared/alerts';
import { article, testLookup } from './fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const [rule] = compileRules([{ id: 'ru-ua', name: 'RU-UA', query: 'actor:RU', severity: 'critical' }], { lookup: testLookup }).rules;

describe('OutboxPublisher', () => {
  it('appends one JSON line per alert in a new folder and prints one readable line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
    dirs.push(dir);
    const file = path.join(dir, 'nested', 'outbox.jsonl');
    const terminal = new PassThrough();
    let printed = '';
    terminal.on('data', (c) => (printed += String(c)));
    const out = new OutboxPublisher({ file, terminal });
    const a = article();
    const b = article({ id: 'a2', title: 'Second', url: 'https://wire-b.example/2' });
    await Promise.all([out.publish(formatAlert(rule!, a, matchRule(rule!, a)!)), out.publish(formatAlert(rule!, b, matchRule(rule!, b)!))]);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.article.id)).toEqual(['a1', 'a2']);
    expect(Object.keys(lines[0]).sort()).toEqual(['actors', 'article', 'delivery', 'email', 'kind', 'regions', 'ruleId', 'severity', 'sms']);
    expect(printed.trim().split('\n')).toEqual([
      'ALERT [critical] ru-ua: Russian forces attack positions near Donetsk — https://wire-a.example/story',
      'ALERT [critical] ru-ua: Second — https://wire-b.example/2',
    ]);
  });
});
