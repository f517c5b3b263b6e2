import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledConfig } from '../../../../functions/lib/config';

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
