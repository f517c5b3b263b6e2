import path from 'node:path';
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import { loadConfig } from '../../../shared/config';
import { runPass } from '../../../shared/pipeline';
import { ArticleStore, tableDesign } from '../../../shared/store';
import { DEFAULT_ASSUMPTIONS, writeFootprint } from '../../../shared/cost';
import type { AlertMessage } from '../../../shared/model';

// The cost model's per-article figures must match what the store really writes.
describe('the cost model against the items the store writes', () => {
  let dynamo: LocalDynamo;
  let items: Record<string, AttributeValue>[] = [];
  let articles = 0;

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    const client = localDynamoClient(dynamo.endpoint);
    const store = new ArticleStore({ client, tableName: 'footprint' });
    await store.ensureTable();
    const config = loadConfig(path.resolve(__dirname, '../../../examples/demo.config.json'));
    const sent: AlertMessage[] = [];
    const summary = await runPass({ ...config, rules: [] }, { store, publisher: { publish: async (m) => void sent.push(m) } });
    articles = summary.articles.new;
    for (let start: Record<string, AttributeValue> | undefined, first = true; first || start; first = false) {
      const page = await client.send(new ScanCommand({ TableName: 'footprint', ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    }
    // Everything a new article writes: its own items and its share of the story items (profile, member, postings).
    items = items.filter((i) => /^article|^tag-listing|^story/.test(i[tableDesign.typeAttribute]?.S ?? ''));
  });

  afterAll(async () => dynamo?.close());

  it('assumes within a factor of two the items, write units and kilobytes an article costs', () => {
    const gsiKeys = tableDesign.indexes.map((i) => i.partitionKey);
    const f = writeFootprint(items, gsiKeys);
    const perArticle = { items: f.items / articles, writeUnits: f.writeUnits / articles, kb: f.kb / articles };
    expect(articles).toBeGreaterThan(10);
    expect(DEFAULT_ASSUMPTIONS.itemsPerArticle / perArticle.items).toBeGreaterThan(0.5);
    expect(DEFAULT_ASSUMPTIONS.itemsPerArticle / perArticle.items).toBeLessThan(2);
    expect(DEFAULT_ASSUMPTIONS.writeUnitsPerArticle / perArticle.writeUnits).toBeGreaterThan(0.5);
    expect(DEFAULT_ASSUMPTIONS.writeUnitsPerArticle / perArticle.writeUnits).toBeLessThan(2);
    expect(DEFAULT_ASSUMPTIONS.articleStoredKb / perArticle.kb).toBeGreaterThan(0.5);
    expect(DEFAULT_ASSUMPTIONS.articleStoredKb / perArticle.kb).toBeLessThan(2);
    console.log(`per article: ${perArticle.items.toFixed(1)} items, ${perArticle.writeUnits.toFixed(1)} WRU, ${perArticle.kb.toFixed(1)} KB`);
    // Issue 13's budget: within +25% of the 16 write units an article cost before stories.
    expect(perArticle.writeUnits).toBeLessThanOrEqual(20);
  });
});
