import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledConfig, bundledRules } from '../../../../functions/lib/config';
import { configDefine } from '../../../../infra/constructs/bundling';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('bundledConfig', () => {
  it('returns the config compiled into the bundle as it is', () => {
    const config = { feeds: [{ url: 'https://a.example.org/rss', name: 'A' }], rules: [], subscriptions: [], retentionDays: 30 };
    vi.stubEnv('NEWS_MONITOR_CONFIG', JSON.stringify(config));
    expect(bundledConfig()).toEqual(config);
  });

  it('says the bundle lacks a config when the variable is empty', () => {
    vi.stubEnv('NEWS_MONITOR_CONFIG', '');
    expect(() => bundledConfig()).toThrow('NEWS_MONITOR_CONFIG is not set: the bundle was built without a config');
  });

  it('refuses JSON that is not a validated config', () => {
    vi.stubEnv('NEWS_MONITOR_CONFIG', JSON.stringify({ feeds: 'x' }));
    expect(() => bundledConfig()).toThrow('NEWS_MONITOR_CONFIG is not a validated config (feeds or rules missing)');
  });
});

describe('bundledRules', () => {
  it('returns the rules compiled at synth, tag names already resolved to ids', () => {
    const define = configDefine(JSON.stringify({ feeds: [], rules: [{ id: 'ru', name: 'Russia at sea', query: 'actor:Russia AND region:"Black Sea"', severity: 'warning' }], subscriptions: [] }));
    vi.stubEnv('NEWS_MONITOR_RULES', JSON.parse(define['process.env.NEWS_MONITOR_RULES']!) as string);
    const [rule] = bundledRules();
    expect(rule).toMatchObject({ id: 'ru', severity: 'warning', ast: { type: 'and', children: [{ type: 'tag', id: 'RU' }, { type: 'tag', id: 'black-sea' }] } });
  });

  it('says the bundle lacks compiled rules when the variable is empty', () => {
    vi.stubEnv('NEWS_MONITOR_RULES', '');
    expect(() => bundledRules()).toThrow('NEWS_MONITOR_RULES is not set: the bundle was built without compiled rules');
  });

  it('refuses JSON that is not a list of compiled rules', () => {
    vi.stubEnv('NEWS_MONITOR_RULES', JSON.stringify([{ id: 'x', query: 'actor:RU' }]));
    expect(() => bundledRules()).toThrow('NEWS_MONITOR_RULES is not a list of compiled rules');
  });
});
