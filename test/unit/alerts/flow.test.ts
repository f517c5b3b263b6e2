import { describe, expect, it } from 'vitest';
import { alertOnArticle, compileRules, type AlertStore, type Publisher } from '../../../shared/alerts';
import type { AlertMessage, RuleConfig } from '../../../shared/model';
import { article, testLookup } from './fixtures';

/** An in-memory stand-in with the store's claim and counter semantics. */
function memoryStore(): AlertStore & { claims: Map<string, unknown>; released: string[] } {
  const claims = new Map<string, unknown>();
  const counts = new Map<string, number>();
  const released: string[] = [];
  return {
    claims,
    released,
    async claimAlert(a) {
      const k = `${a.ruleId}|${a.storyKey}`;
      if (claims.has(k)) return false;
      claims.set(k, a);
      return true;
    },
    async countAlert(ruleId, hour) {
      const k = `${ruleId}|${hour}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
      return counts.get(k)!;
    },
    async releaseAlert(ruleId, storyKey) {
      claims.delete(`${ruleId}|${storyKey}`);
      released.push(`${ruleId}|${storyKey}`);
    },
  };
}

function recorder(): Publisher & { sent: AlertMessage[] } {
  const sent: AlertMessage[] = [];
  return { sent, publish: async (m) => void sent.push(m) };
}

function rules(...configs: Partial<RuleConfig>[]) {
  return compileRules(
    configs.map((c, i) => ({ id: `r${i}`, name: `Rule ${i}`, query: 'actor:RU', severity: 'warning' as const, ...c })),
    { lookup: testLookup },
  ).rules;
}

const now = new Date('2026-11-27T14:30:00Z');

describe('alertOnArticle', () => {
  it('sends one alert per matching rule and none for rules that do not match', async () => {
    const store = memoryStore();
    const pub = recorder();
    const r = await alertOnArticle(article(), { rules: rules({ id: 'ru', query: 'actor:RU AND attack' }, { id: 'cn', query: 'actor:CN' }), store, publisher: pub, now });
    expect(r).toEqual({ sent: 1, suppressed: 0 });
    expect(pub.sent.map((m) => m.ruleId)).toEqual(['ru']);
  });

  it('sends the same story once, whichever feed carries it and however often it is seen', async () => {
    const store = memoryStore();
    const pub = recorder();
    const deps = { rules: rules({ id: 'ru' }), store, publisher: pub, now };
    const fromA = article({ id: 'a', feedName: 'Wire A' });
    const fromB = article({ id: 'b', feedName: 'Wire B', url: 'https://wire-b.example/x' });
    expect(await alertOnArticle(fromA, deps)).toEqual({ sent: 1, suppressed: 0 });
    expect(await alertOnArticle(fromB, deps)).toEqual({ sent: 0, suppressed: 1 });
    expect(await alertOnArticle(fromA, deps)).toEqual({ sent: 0, suppressed: 1 });
    expect(pub.sent).toHaveLength(1);
    expect(store.claims.get('ru|russian forces attack positions near donetsk')).toMatchObject({ articleId: 'a', severity: 'warning', delivery: 'instant', createdAt: now.toISOString() });
  });

  it('folds the overflow past the hourly cap into one "and more" message', async () => {
    const store = memoryStore();
    const pub = recorder();
    const deps = { rules: rules({ id: 'cap', maxPerHour: 2 }), store, publisher: pub, now };
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await alertOnArticle(article({ id: `a${i}`, storyKey: `story ${i}` }), deps));
    expect(results.map((r) => `${r.sent}/${r.suppressed}`)).toEqual(['1/0', '1/0', '1/0', '0/1', '0/1', '0/1']);
    expect(pub.sent).toHaveLength(3);
    expect(pub.sent[2]!.email.subject).toBe('[warning] Rule 0: and more (over 2 this hour)');
    expect(pub.sent[2]!.email.body).toContain('until 15:00 UTC are not sent one by one: they are listed in the next digest');
    expect(pub.sent[2]!.sms.length).toBeLessThanOrEqual(160);
    expect(pub.sent[2]!.sms).toMatch(/^\[WARNING\] cap: over 2\/h, rest in digest\. .* https:\/\/wire-a\.example\/story$/);
    // Every over-cap alert is still claimed (stored), so the digest can list it.
    expect(store.claims.size).toBe(6);
  });

  it('starts counting afresh in the next hour', async () => {
    const store = memoryStore();
    const pub = recorder();
    const r = rules({ id: 'cap', maxPerHour: 1 });
    await alertOnArticle(article({ storyKey: 's1' }), { rules: r, store, publisher: pub, now });
    await alertOnArticle(article({ storyKey: 's2' }), { rules: r, store, publisher: pub, now });
    const next = await alertOnArticle(article({ storyKey: 's3' }), { rules: r, store, publisher: pub, now: new Date('2026-11-27T15:01:00Z') });
    expect(next).toEqual({ sent: 1, suppressed: 0 });
    expect(pub.sent[2]!.email.subject).not.toContain('and more');
  });

  it('gives the claim back and fails when publishing fails, so a retry can send it', async () => {
    const store = memoryStore();
    const failing: Publisher = { publish: async () => Promise.reject(new Error('throttled')) };
    const deps = { rules: rules({ id: 'ru' }), store, publisher: failing, now };
    await expect(alertOnArticle(article(), deps)).rejects.toThrow('throttled');
    expect(store.released).toEqual(['ru|russian forces attack positions near donetsk']);
    const pub = recorder();
    expect(await alertOnArticle(article(), { ...deps, publisher: pub })).toEqual({ sent: 1, suppressed: 0 });
  });

  it('uses the article id as the story when the article has no story key', async () => {
    const store = memoryStore();
    await alertOnArticle(article({ storyKey: '' }), { rules: rules({ id: 'ru' }), store, publisher: recorder(), now });
    expect([...store.claims.keys()]).toEqual(['ru|a1']);
  });
});
