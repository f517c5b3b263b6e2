// Trend pass cost: counting a batch of new articles into the hourly counters, and judging 50 spike
// rules plus a watch rule over 200 tags in one pass, on an in-memory dynalite with 15 days of
// counters already filled. Each timed pass judges every scope (every one got a new story).
import { startLocalDynamo } from '../cli/local-dynamo';
import { compileRules, type TagLookup } from '../shared/alerts';
import { localDynamoClient } from '../shared/clients/dynamo';
import type { RuleConfig, TaggedArticle } from '../shared/model';
import { ArticleStore } from '../shared/store';
import { hourOf, trendStoreOf, type CounterIncrement } from '../shared/store/counters';
import { countArticles, evaluateSpikes, ruleScope, spikeSpan, tagScope, type TouchedScope } from '../shared/trends';
import { median, percentile, type BenchRow } from './harness';

const H = 3_600_000;
const TAGS = 200;
const RULES = 50;
const NOW = new Date('2026-11-27T12:00:00Z');

/** Synthetic countries c0…c199: the bench needs 200 distinct tags, not the gazetteer. */
const lookup: TagLookup = {
  resolve: (v) => (/^c\d+$/.test(v) ? { id: v, name: `Country ${v}`, kind: 'country' } : undefined),
  suggest: () => [],
};

function article(i: number, k: number): TaggedArticle {
  const id = `c${i}`;
  const tag = { id, name: `Country ${id}`, kind: 'country' as const, score: 1, salient: true, mentions: [{ text: id, start: 0, end: id.length }] };
  const at = new Date(NOW.getTime() - 30 * 60_000).toISOString();
  return { id: `a${k}-${i}`, url: `http://w.example/${k}/${i}`, title: `News about ${id} ${k}`, summary: '', publishedAt: at, fetchedAt: at, feedName: 'W', feedUrl: 'http://w.example/', storyKey: `story ${k} ${i}`, actors: [], regions: [tag] };
}

async function time(fn: () => Promise<void>, runs: number, warm: number): Promise<number[]> {
  for (let i = 0; i < warm; i++) await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ts.push(performance.now() - t);
  }
  return ts;
}

export async function bench(): Promise<BenchRow[]> {
  const dynamo = await startLocalDynamo();
  try {
    const store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'trends-bench' });
    await store.ensureTable();
    const trends = trendStoreOf(store);
    // Every fifth scope is busy (a story an hour: its window reaches min, so its baseline is read too,
    // and 3 × its baseline keeps it from surging); the others have a story a day. None alerts.
    const spike = { window: '6h', baseline: '14d', factor: 3, min: 5 };
    const configs: RuleConfig[] = [
      ...Array.from({ length: RULES }, (_, i) => ({ id: `r${i}`, name: `Rule ${i}`, query: `region:c${i}`, severity: 'info' as const, spike })),
      { id: 'watch', name: 'Any country', severity: 'info', watch: { side: 'region', kinds: ['country'] }, spike },
    ];
    const { rules, errors } = compileRules(configs, { lookup });
    if (errors.length) throw new Error(errors[0]!.message);
    // 15 days of history for every scope.
    const span = spikeSpan(rules[0]!.spike!, NOW);
    const history: CounterIncrement[] = [];
    for (let t = span.from; t < span.to; t += H) {
      const daily = new Date(t).getUTCHours() === 9;
      for (let i = 0; i < TAGS; i++) if (i % 5 === 0 || daily) history.push({ scope: tagScope('region', `c${i}`), hour: hourOf(t), stories: 1, articles: 2 });
      for (let i = 0; i < RULES; i++) if (i % 5 === 0 || daily) history.push({ scope: ruleScope(`r${i}`), hour: hourOf(t), stories: 1, articles: 2 });
    }
    await trends.addCounts(history, NOW);
    const touched = new Map<string, TouchedScope>();
    for (let i = 0; i < TAGS; i++) touched.set(tagScope('region', `c${i}`), { scope: tagScope('region', `c${i}`), side: 'region', tag: article(i, 0).regions[0]! });
    for (let i = 0; i < RULES; i++) touched.set(ruleScope(`r${i}`), { scope: ruleScope(`r${i}`) });
    const deps = { trends, getArticle: async () => undefined, publish: async () => undefined, now: NOW };
    let judged = 0;
    trends.consumedReadUnits = 0;
    let passes = 0;
    const judgeMs = await time(async () => {
      judged = (await evaluateSpikes(rules, touched, deps)).judged;
      passes++;
    }, 10, 2);
    // Query reads only (BatchGetItem's units are not totalled by the store): the busy scopes' baselines.
    const readUnits = trends.consumedReadUnits / passes;
    let k = 0;
    const batch = () => Array.from({ length: TAGS }, (_, i) => article(i, ++k));
    const countMs = await time(async () => void (await countArticles(batch(), rules, trends, NOW)), 10, 2);
    const how = `${RULES} spike rules (region:X) + 1 watch rule over ${TAGS} country tags, 15 days of hourly counters on an in-memory dynalite, a fifth of the scopes busy; every scope judged (${judged} a pass: their windows by BatchGetItem, the busy fifth's baselines by Query); 10 passes after 2 warm-up`;
    return [
      { name: `trends: spike evaluation per pass, ${RULES} rules + ${TAGS} watched tags`, value: median(judgeMs), unit: 'ms p50', how },
      { name: `trends: spike evaluation per pass (slowest)`, value: percentile(judgeMs, 95), unit: 'ms p95', how },
      { name: 'trends: baseline read units per spike pass', value: readUnits, unit: 'RRU (dynalite)', how: `${how}; plus ${Math.ceil((RULES + TAGS) * 2 / 100)} BatchGetItem calls of the windows (${(RULES + TAGS) * 2} day items)` },
      { name: `trends: count a batch of ${TAGS} new articles`, value: median(countMs), unit: 'ms p50', how: `${TAGS} articles, one tag each, ${RULES + 1} rules matched against each; one story-scopes update per article + one counter update per (scope, day); 10 batches after 2 warm-up` },
    ];
  } finally {
    await dynamo.close();
  }
}
