import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../../shared/config';

const feed = { url: 'https://example.org/rss.xml', name: 'Example' };

function problemsOf(raw: unknown): string[] {
  try {
    parseConfig(raw, 'cfg.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('config was accepted');
}

describe('parseConfig', () => {
  it('fills the defaults a user expects', () => {
    const c = parseConfig({ feeds: [feed] });
    expect(c).toMatchObject({ rules: [], subscriptions: [], allowPrivateNetworks: false, retentionDays: 365, intervalMinutes: 15 });
  });

  it('names the field of a bad feed URL', () => {
    expect(problemsOf({ feeds: [feed, { url: 'ftp://x', name: 'F' }] })).toEqual(['feeds[1].url: must be an http://, https:// or file: URL']);
  });

  it('reports unknown fields instead of ignoring a typo', () => {
    expect(problemsOf({ feeds: [feed], retentionDay: 30 })).toEqual(['config: unknown field "retentionDay"']);
  });

  it('names a missing required field', () => {
    expect(problemsOf({ feeds: [{ url: feed.url }] })).toEqual(['feeds[0].name: is required']);
  });

  it('rejects a rule whose query does not parse, naming the rule', () => {
    const problems = problemsOf({ feeds: [feed], rules: [{ id: 'ru-ua', name: 'x', query: 'actor:RU AND (invasion', severity: 'critical' }] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/rule "ru-ua", column \d+/);
  });

  it('rejects duplicate rule ids and subscriptions to rules that do not exist', () => {
    const rule = { id: 'r1', name: 'R', query: 'NATO', severity: 'info' };
    const problems = problemsOf({
      feeds: [feed],
      rules: [rule, rule],
      subscriptions: [{ protocol: 'email', endpoint: 'a@example.org', rules: ['nope'] }],
    });
    expect(problems).toContain('rules[1].id: duplicate rule id "r1" (also rules[0])');
    expect(problems).toContain('subscriptions[0].rules: no rule with id "nope"');
  });

  it('rejects a phone number that is not E.164 and an email that is not one', () => {
    const problems = problemsOf({
      feeds: [feed],
      subscriptions: [
        { protocol: 'sms', endpoint: '0412 345 678' },
        { protocol: 'email', endpoint: 'not-an-address' },
      ],
    });
    expect(problems.join('\n')).toMatch(/subscriptions\[0\]\.endpoint: .*E\.164/);
    expect(problems.join('\n')).toMatch(/subscriptions\[1\]\.endpoint: .*not an email address/);
  });
});

describe('loadConfig', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-config-'));

  it('accepts webhook subscriptions in the three formats, with a secret variable and a timeout', () => {
    const subs = [
      { protocol: 'webhook', endpoint: 'https://hooks.slack.com/services/T/B/X', format: 'slack' },
      { protocol: 'webhook', endpoint: 'https://outlook.example/webhook', format: 'teams', minSeverity: 'critical' },
      { protocol: 'webhook', endpoint: 'https://siem.example.org/in', format: 'json', secretEnv: 'NM_HOOK_SECRET', timeoutSeconds: 5, delivery: 'digest' },
    ];
    expect(parseConfig({ feeds: [feed], subscriptions: subs }).subscriptions).toEqual(subs);
  });

  it('names what is wrong with a webhook subscription', () => {
    const hook = { protocol: 'webhook', endpoint: 'https://h.example/x', format: 'json' };
    expect(problemsOf({ feeds: [feed], subscriptions: [{ ...hook, format: 'xml' }] })).toEqual(['subscriptions[0].format: must be "slack", "teams" or "json"']);
    expect(problemsOf({ feeds: [feed], subscriptions: [{ ...hook, endpoint: 'ftp://h.example/x' }] })).toEqual(['subscriptions[0].endpoint: must be an https:// URL']);
    expect(problemsOf({ feeds: [feed], subscriptions: [{ ...hook, secretEnv: 'MY-SECRET' }] })).toEqual(['subscriptions[0].secretEnv: must be an environment variable name (letters, digits, "_")']);
    expect(problemsOf({ feeds: [feed], subscriptions: [{ ...hook, endpoint: 'http://h.example/x' }] })).toEqual(['subscriptions[0].endpoint: must be an https:// URL (plain http:// only with "allowPrivateNetworks": true, for local receivers)']);
    expect(problemsOf({ feeds: [feed], subscriptions: [{ ...hook, protocol: 'pager' }] })).toEqual(['subscriptions[0].protocol: protocol must be "email", "sms" or "webhook"']);
    expect(parseConfig({ feeds: [feed], allowPrivateNetworks: true, subscriptions: [{ ...hook, endpoint: 'http://127.0.0.1:8080/x' }] }).subscriptions).toHaveLength(1);
  });

  it('resolves ./relative feed paths against the config file', () => {
    const file = path.join(dir, 'c.json');
    fs.writeFileSync(file, JSON.stringify({ feeds: [{ url: './feeds/a.xml', name: 'A' }] }));
    expect(loadConfig(file).feeds[0]!.url).toBe(`file://${path.join(dir, 'feeds/a.xml')}`);
  });

  it('says the file is missing or not JSON in one line', () => {
    expect(() => loadConfig(path.join(dir, 'missing.json'))).toThrow(/missing\.json: file not found/);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{ "feeds": [ }');
    expect(() => loadConfig(bad)).toThrow(/bad\.json: not valid JSON/);
  });
});

describe('parseConfig: surge, watch, novelty and weighted-terms rules', () => {
  const r = (extra: object) => ({ feeds: [feed], rules: [{ id: 'r', name: 'R', ...extra }] });

  it('accepts the spike, watch, novel and terms forms of docs/RULES.md', () => {
    const c = parseConfig({
      feeds: [feed],
      rules: [
        { id: 'md', name: 'Moldova surge', query: 'region:MD', spike: { window: '6h', baseline: '14d', factor: 3, min: 5 } },
        { id: 'any', name: 'Any country', watch: { side: 'region', kinds: ['country'] }, spike: { window: '6h', baseline: '14d', factor: 5, min: 5 } },
        { id: 'new', name: 'New ground', query: 'actor:NATO', novel: { pair: ['actor', 'region'], quietDays: 30 } },
        { id: 'truce', name: 'Truce', terms: { ceasefire: 2, '-football': -5 }, threshold: 2 },
      ],
    });
    expect(c.rules.map((x) => x.id)).toEqual(['md', 'any', 'new', 'truce']);
  });

  it('names the field of a bad duration, factor or weight', () => {
    expect(problemsOf(r({ query: 'x', spike: { window: '6 hours', baseline: '14d', factor: 3, min: 5 } }))).toEqual(['rules[0].spike.window: must be a duration such as 30m, 6h or 14d']);
    expect(problemsOf(r({ query: 'x', spike: { window: '6h', baseline: '14d', factor: 0.5, min: 5 } }))[0]).toMatch(/^rules\[0\]\.spike\.factor: /);
    expect(problemsOf(r({ terms: { truce: 0 }, threshold: 1 }))).toEqual(['rules[0].terms.truce: a weight must not be 0']);
  });

  it('explains a watch without spike numbers and a baseline shorter than two windows', () => {
    expect(problemsOf(r({ watch: { side: 'region' } }))).toEqual(['rule "r": a watch rule needs "spike" numbers (window, baseline, factor, min)']);
    expect(problemsOf(r({ query: 'x', spike: { window: '6h', baseline: '8h', factor: 3, min: 5 } }))).toEqual(['rule "r": spike.baseline 8h must be at least twice the window 6h']);
    expect(problemsOf(r({ query: 'x', watch: { side: 'region' }, spike: { window: '6h', baseline: '14d', factor: 3, min: 5 } }))).toEqual(['rule "r": a watch rule follows every tag of its kinds: it takes no query or terms']);
  });
});
