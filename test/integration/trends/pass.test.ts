// The trend pass on its own against a real dynalite, pass by pass with its clock: a surge alerts
// once however many passes it lasts and again only after it has fallen back; a novelty rule alerts
// when an actor and a region meet again after the quiet period, not while they keep meeting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { compileRules, type Publisher } from '../../../shared/alerts';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import type { AlertMessage, RuleConfig, TaggedArticle } from '../../../shared/model';
import { ArticleStore } from '../../../shared/store';
import { trendStoreOf } from '../../../shared/store/counters';
import { trendPass } from '../../../shared/trends';
import { article, tag } from '../../unit/alerts/fixtures';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.parse('2026-10-01T00:00:00Z');

describe('trendPass', () => {
  let dynamo: LocalDynamo;
  let n = 0;
  beforeAll(async () => {
    dynamo = await startLocalDynamo();
  });
  afterAll(async () => {
    await dynamo?.close();
  });

  async function harness(configs: RuleConfig[]) {
    const store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: `pass-${++n}` });
    await store.ensureTable();
    const { rules, errors } = compileRules(configs);
    expect(errors).toEqual([]);
    const sent: AlertMessage[] = [];
    const publisher: Publisher = { publish: async (m) => void sent.push(m) };
    const pass = async (at: number, articles: TaggedArticle[]) => {
      await store.putArticles(articles);
      return trendPass(articles, { rules, trends: trendStoreOf(store), store, publisher, now: new Date(at) });
    };
    return { sent, pass };
  }

  const ukraine = (id: string, at: number, extra: Partial<TaggedArticle> = {}): TaggedArticle =>
    article({ id, url: `http://w.example/${id}`, title: `Story ${id}`, storyKey: `story ${id}`, publishedAt: new Date(at).toISOString(), fetchedAt: new Date(at).toISOString(), ...extra });

  it('alerts once per surge, and again only after the count fell back under the threshold', async () => {
    const { sent, pass } = await harness([{ id: 'ua', name: 'Ukraine surge', query: 'region:UA', severity: 'critical', spike: { window: '6h', baseline: '14d', factor: 3, min: 3 } }]);
    for (let day = 0; day < 15; day++) await pass(T0 + day * D + 12 * H, [ukraine(`q${day}`, T0 + day * D + 11 * H)]);
    expect(sent).toEqual([]);
    const burst = T0 + 15 * D;
    await pass(burst + 2 * H, [ukraine('b1', burst + H), ukraine('b2', burst + H + 10 * 60_000), ukraine('b3', burst + 2 * H - 60_000)]);
    expect(sent.map((m) => m.stories)).toEqual([3]);
    // Still surging an hour later with one more: the same surge.
    await pass(burst + 3 * H, [ukraine('b4', burst + 2 * H + 30 * 60_000)]);
    expect(sent).toHaveLength(1);
    // The same story again from another feed adds no story.
    await pass(burst + 4 * H, [ukraine('b4-copy', burst + 3 * H, { storyKey: 'story b4' })]);
    expect(sent).toHaveLength(1);
    // Quiet: the window empties, the rule re-arms; a second burst alerts again.
    await pass(burst + 12 * H, []);
    const again = burst + D;
    await pass(again + H, [ukraine('c1', again), ukraine('c2', again + 60_000), ukraine('c3', again + 120_000)]);
    expect(sent.map((m) => m.kind)).toEqual(['spike', 'spike']);
    expect(sent[1]!.article.id).toBe('c3');
  });

  it('alerts when an actor and a country meet after the quiet days, and not while they keep meeting', async () => {
    const { sent, pass } = await harness([{ id: 'new-ground', name: 'New ground', severity: 'warning', novel: { pair: ['actor', 'region'], quietDays: 30 } }]);
    const meet = (id: string, at: number) =>
      ukraine(id, at, { title: `NATO team visits Ukraine ${id}`, actors: [tag('nato', 'NATO', 'organization')], regions: [tag('UA', 'Ukraine', 'country')] });
    await pass(T0, [meet('m0', T0)]); // counting begins: nothing is new before 30 days of history
    await pass(T0 + 10 * D, [meet('m1', T0 + 10 * D)]);
    expect(sent).toEqual([]);
    await pass(T0 + 45 * D, [meet('m2', T0 + 45 * D)]); // 35 days apart
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'novel', ruleId: 'new-ground', tags: ['nato', 'UA'], article: { id: 'm2' } });
    expect(sent[0]!.email.body).toContain('NATO and Ukraine together for the first time in 30 days (last together: 2026-10-11)');
    await pass(T0 + 46 * D, [meet('m3', T0 + 46 * D)]);
    expect(sent).toHaveLength(1);
  });
});
