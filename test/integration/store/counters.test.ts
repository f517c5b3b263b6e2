// The trend counters against a real dynalite: stories counted once per scope, hourly cells summed
// per (scope, day), the window + 14-day baseline of one rule read within 20 read units, spike
// states claimed once, novelty pairs remembered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import type { CompiledSpike } from '../../../shared/alerts';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import { ArticleStore } from '../../../shared/store';
import { hourOf, TrendStore, type CounterIncrement } from '../../../shared/store/counters';
import { spikeSpan } from '../../../shared/trends';

const H = 3_600_000;
const now = new Date('2026-11-27T12:00:00Z');
const SIX_HOURS_OVER_14_DAYS: CompiledSpike = { windowMs: 6 * H, baselineMs: 14 * 24 * H, factor: 3, min: 5 };

describe('TrendStore', () => {
  let dynamo: LocalDynamo;
  let trends: TrendStore;

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    const store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'counters-test' });
    await store.ensureTable();
    trends = new TrendStore({ client: store.client, tableName: store.tableName });
  });
  afterAll(async () => {
    await dynamo?.close();
  });

  it('counts a story once per scope, however many articles carry it, and a new scope later', async () => {
    expect(await trends.claimStoryScopes('story-1', ['r:MD', 'rule:md'], now)).toEqual(['r:MD', 'rule:md']);
    expect(await trends.claimStoryScopes('story-1', ['r:MD', 'rule:md'], now)).toEqual([]);
    expect(await trends.claimStoryScopes('story-1', ['r:MD', 'a:RU'], now)).toEqual(['a:RU']);
  });

  it('sums a batch into one write per scope and day and reads hourly cells back, zeros included', async () => {
    const inc = (scope: string, hour: string, stories: number, id?: string): CounterIncrement => ({ scope, hour, stories, articles: 1, ...(id ? { newest: { id, publishedAt: `${hour}:10:00.000Z` } } : {}) });
    const writes = await trends.addCounts(
      [inc('r:FR', '2026-11-27T09', 1, 'a1'), inc('r:FR', '2026-11-27T09', 0), inc('r:FR', '2026-11-27T10', 1, 'a3'), inc('r:FR', '2026-11-26T23', 1, 'a0'), inc('r:DE', '2026-11-27T09', 1, 'b1')],
      now,
    );
    expect(writes).toBe(3); // FR on the 27th, FR on the 26th, DE on the 27th
    await trends.addCounts([inc('r:FR', '2026-11-27T09', 1, 'a2')], now);
    const cells = await trends.readHours('r:FR', Date.parse('2026-11-26T22:00:00Z'), Date.parse('2026-11-27T11:00:00Z'));
    expect(cells).toHaveLength(13);
    expect(cells[0]).toEqual({ hour: '2026-11-26T22', stories: 0, articles: 0 });
    expect(cells[1]).toEqual({ hour: '2026-11-26T23', stories: 1, articles: 1, newest: 'a0' });
    expect(cells.find((c) => c.hour === '2026-11-27T09')).toEqual({ hour: '2026-11-27T09', stories: 2, articles: 3, newest: 'a2' });
    expect(cells.find((c) => c.hour === '2026-11-27T10')).toEqual({ hour: '2026-11-27T10', stories: 1, articles: 1, newest: 'a3' });
  });

  it('reads the window and the 14-day baseline of one rule within 20 read units, every hour full', async () => {
    const span = spikeSpan(SIX_HOURS_OVER_14_DAYS, now);
    const increments: CounterIncrement[] = [];
    for (let t = span.from; t < span.to; t += H) increments.push({ scope: 'rule:busy', hour: hourOf(t), stories: 120, articles: 4000, newest: { id: `article-id-of-22-chars-${t}`, publishedAt: new Date(t).toISOString() } });
    await trends.addCounts(increments, now);
    trends.consumedReadUnits = 0;
    const cells = await trends.readHours('rule:busy', span.from, span.to);
    expect(cells).toHaveLength(6 + 14 * 24);
    expect(cells.every((c) => c.stories === 120 && c.articles === 4000)).toBe(true);
    expect(trends.consumedReadUnits).toBeGreaterThan(0);
    expect(trends.consumedReadUnits).toBeLessThanOrEqual(20);
  });

  it('reads the window of many scopes by key, across midnight, zero for a scope never counted', async () => {
    const w = await trends.windowStories(['r:FR', 'r:DE', 'r:nowhere'], Date.parse('2026-11-26T23:00:00Z'), Date.parse('2026-11-27T10:00:00Z'));
    expect(Object.fromEntries(w)).toEqual({ 'r:FR': 3, 'r:DE': 1, 'r:nowhere': 0 }); // FR: 23h + 09h (two); 10h is outside
  });

  it('claims a surge once and re-arms it when released', async () => {
    const s = { ruleId: 'md-surge', scope: 'rule:md-surge', firedAt: now.toISOString(), stories: 9 };
    expect(await trends.claimSpike(s, now)).toBe(true);
    expect(await trends.claimSpike(s, now)).toBe(false);
    expect(await trends.spikeStates()).toEqual([s]);
    await trends.releaseSpike(s.ruleId, s.scope);
    expect(await trends.spikeStates()).toEqual([]);
    expect(await trends.claimSpike(s, now)).toBe(true);
  });

  it('remembers when a pair was last seen together, never moving back in time', async () => {
    expect(await trends.touchPair('wagner', 'ML', '2026-10-01T00:00:00.000Z', now)).toBeUndefined();
    expect(await trends.touchPair('wagner', 'ML', '2026-11-05T00:00:00.000Z', now)).toBe('2026-10-01T00:00:00.000Z');
    expect(await trends.touchPair('wagner', 'ML', '2026-11-01T00:00:00.000Z', now)).toBe('2026-11-01T00:00:00.000Z'); // older than the record: not new
    expect(await trends.touchPair('wagner', 'ML', '2026-11-06T00:00:00.000Z', now)).toBe('2026-11-05T00:00:00.000Z');
  });

  it('keeps the time counting began', async () => {
    const first = await trends.countingSince(new Date('2026-10-01T00:00:00Z'));
    expect(await trends.countingSince(now)).toBe(first);
  });
});
