// The cost model's trend-counter writes per article must match what the trend pass really writes:
// one story-scopes update per article, plus one counter update per (scope, day) per batch.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { compileRules } from '../../../shared/alerts';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import { loadConfig } from '../../../shared/config';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/cost';
import type { TaggedArticle } from '../../../shared/model';
import { runPass } from '../../../shared/pipeline';
import { ArticleStore } from '../../../shared/store';
import { trendStoreOf } from '../../../shared/store/counters';
import { trendPass } from '../../../shared/trends';

describe('the cost model against the trend counter writes', () => {
  let dynamo: LocalDynamo;
  let articles: TaggedArticle[] = [];
  let writes = { onePass: 0, batchesOfOne: 0 };

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    const client = localDynamoClient(dynamo.endpoint);
    let trendUpdates = 0;
    // Count the UpdateItem calls on trend items (each is under 1 KB: one write unit).
    client.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { Key?: { pk?: { S?: string } }; UpdateExpression?: string };
        if (input.UpdateExpression && /^TREND/.test(input.Key?.pk?.S ?? '')) trendUpdates++;
        return next(args);
      },
      { step: 'initialize' },
    );
    const config = loadConfig(path.resolve(__dirname, '../../../examples/demo.config.json'));
    const store = new ArticleStore({ client, tableName: 'trend-footprint' });
    await store.ensureTable();
    const publisher = { publish: async () => undefined };
    const summary = await runPass(config, { store, publisher });
    writes.onePass = trendUpdates / summary.articles.new;
    // The same articles again, one per batch (the worst case of a stream batch), into a fresh table.
    const page = await store.listArticles({ limit: 100 });
    articles = page.items;
    const other = new ArticleStore({ client, tableName: 'trend-footprint-2' });
    await other.ensureTable();
    const { rules } = compileRules(config.rules);
    trendUpdates = 0;
    for (const a of articles) await trendPass([a], { rules, trends: trendStoreOf(other), store: other, publisher, now: new Date() });
    writes.batchesOfOne = trendUpdates / articles.length;
  }, 60_000);

  afterAll(async () => dynamo?.close());

  it('assumes trend writes per article between a pass (counted feed by feed) and batches of one article', () => {
    expect(articles.length).toBeGreaterThan(10);
    console.log(`trend counter write units per article: ${writes.onePass.toFixed(1)} (one pass, feed by feed), ${writes.batchesOfOne.toFixed(1)} (batches of one)`);
    expect(writes.onePass).toBeGreaterThanOrEqual(1);
    expect(DEFAULT_ASSUMPTIONS.trendWriteUnitsPerArticle).toBeGreaterThanOrEqual(Math.floor(writes.onePass));
    expect(DEFAULT_ASSUMPTIONS.trendWriteUnitsPerArticle).toBeLessThanOrEqual(Math.ceil(writes.batchesOfOne));
  });
});
