// The trend pass over new articles (a local pass, or one stream batch in the cloud): count them,
// then judge the spike, watch and novelty rules on what changed. A local pass counts feed by feed
// (before an article's alert record is closed, so a killed pass loses no count) and judges once.
import type { Publisher } from '../alerts/publisher';
import type { CompiledRule } from '../alerts/rules';
import type { AlertMessage, TaggedArticle } from '../model';
import type { ArticleStore } from '../store';
import type { TrendStore } from '../store/counters';
import { countArticles, type CountResult } from './count';
import { evaluateNovelty } from './novelty';
import { storyOf } from './scopes';
import { evaluateSpikes } from './spikes';

/** What the trend pass needs; `now` is the pass's clock (`run --now` replays a past period). */
export interface TrendPassDeps {
  rules: readonly CompiledRule[];
  trends: TrendStore;
  store: Pick<ArticleStore, 'getArticle' | 'claimAlert'>;
  publisher: Publisher;
  now: Date;
}

/** The outcome of one trend pass. */
export interface TrendPassResult {
  /** Spike, watch and novelty alerts sent. */
  sent: number;
  /** Counter items written (one per scope and day touched). */
  counterWrites: number;
  /** (rule, scope) pairs judged for a surge. */
  judged: number;
}

/** Counts a batch and sends the surge and novelty alerts it causes. */
export async function trendPass(articles: readonly TaggedArticle[], deps: TrendPassDeps): Promise<TrendPassResult> {
  return judgeTrends(await countArticles(articles, deps.rules, deps.trends, deps.now), deps);
}

/** Adds one batch's count to a running total (a pass counted feed by feed). */
export function addCount(total: CountResult, more: CountResult): CountResult {
  for (const [k, v] of more.touched) total.touched.set(k, v);
  for (const [k, v] of more.novelCandidates) total.novelCandidates.set(k, [...(total.novelCandidates.get(k) ?? []), ...v]);
  total.counterWrites += more.counterWrites;
  return total;
}

/** An empty count, to add batches to. */
export function emptyCount(): CountResult {
  return { touched: new Map(), novelCandidates: new Map(), counterWrites: 0 };
}

/**
 * Judges the spike, watch and novelty rules on what a count changed. Each alert is also claimed as
 * an alert record (so digests and GET /alerts list it); a spike's own state item is what makes it
 * once per surge.
 */
export async function judgeTrends(counted: CountResult, deps: TrendPassDeps): Promise<TrendPassResult> {
  const createdAt = deps.now.toISOString();
  const record = (storyKey: string, m: AlertMessage) =>
    deps.store.claimAlert({ ruleId: m.ruleId, storyKey, articleId: m.article.id || storyKey, createdAt, severity: m.severity, delivery: 'instant', message: m });
  const spikes = await evaluateSpikes(deps.rules, counted.touched, {
    trends: deps.trends,
    getArticle: (id) => deps.store.getArticle(id),
    publish: async (m) => {
      await record(`spike:${m.tags?.[0] ?? m.ruleId}:${createdAt}`, m);
      await deps.publisher.publish(m);
    },
    now: deps.now,
  });
  const novel = await evaluateNovelty(deps.rules, counted.novelCandidates, {
    trends: deps.trends,
    claim: (_ruleId, a, m) => record(storyOf(a), m),
    publish: (m) => deps.publisher.publish(m),
    now: deps.now,
  });
  return { sent: spikes.sent + novel.sent, counterWrites: counted.counterWrites, judged: spikes.judged };
}
