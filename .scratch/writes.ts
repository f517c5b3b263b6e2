import path from 'node:path';
import { BatchGetItemCommand, GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { startLocalDynamo } from '../cli/local-dynamo';
import { localDynamoClient } from '../shared/clients/dynamo';
import { loadConfig } from '../shared/config';
import { runPass } from '../shared/pipeline';
import { ArticleStore, tableDesign } from '../shared/store';
import { itemSizeBytes } from '../shared/cost/footprint';

type Item = Record<string, AttributeValue>;
(async () => {
  const dynamo = await startLocalDynamo();
  const client = localDynamoClient(dynamo.endpoint);
  const raw = localDynamoClient(dynamo.endpoint);
  const T = 'wtable';
  const byType: Record<string, { n: number; wru: number; gsi: number }> = {};
  const keyOfItem = (i: Item) => ({ pk: i.pk!, sk: i.sk! });
  const get = async (k: Item) => (await raw.send(new GetItemCommand({ TableName: T, Key: k, ConsistentRead: true }))).Item;
  const account = (oldI: Item | undefined, newI: Item | undefined) => {
    const t = (newI ?? oldI)?.type?.S ?? '?';
    const e = (byType[t] ??= { n: 0, wru: 0, gsi: 0 });
    e.n++;
    const sz = Math.max(oldI ? itemSizeBytes(oldI) : 0, newI ? itemSizeBytes(newI) : 0);
    e.wru += Math.max(1, Math.ceil(sz / 1024));
    for (const ix of tableDesign.indexes) {
      const o = oldI?.[ix.partitionKey]?.S !== undefined ? `${oldI[ix.partitionKey]!.S}|${oldI[ix.sortKey]?.S}` : undefined;
      const nn = newI?.[ix.partitionKey]?.S !== undefined ? `${newI[ix.partitionKey]!.S}|${newI[ix.sortKey]?.S}` : undefined;
      let g = 0;
      if (o && nn) g = o === nn ? (ix.projection === 'ALL' ? 1 : 0) : 2;
      else if (o || nn) g = 1;
      e.gsi += g;
    }
  };
  client.middlewareStack.add(
    (next, ctx) => async (args) => {
      const name = (ctx as { commandName?: string }).commandName ?? '';
      const input = args.input as any;
      let keysW: Item[] = [];
      if (name === 'PutItemCommand') keysW = [keyOfItem(input.Item)];
      else if (name === 'UpdateItemCommand' || name === 'DeleteItemCommand') keysW = [input.Key];
      else if (name === 'BatchWriteItemCommand') keysW = (input.RequestItems[T] ?? []).map((r: any) => (r.PutRequest ? keyOfItem(r.PutRequest.Item) : r.DeleteRequest.Key));
      if (!keysW.length) return next(args);
      const olds = await Promise.all(keysW.map(get));
      let out;
      try { out = await next(args); } catch (err) { // conditional failure: charged 1 WRU-ish
        const e = (byType['failed-conditional'] ??= { n: 0, wru: 0, gsi: 0 }); e.n++; e.wru++; throw err; }
      const news = await Promise.all(keysW.map(get));
      keysW.forEach((_, i) => account(olds[i], news[i]));
      return out;
    },
    { step: 'initialize', name: 'count' },
  );
  const store = new ArticleStore({ client, tableName: T, singleWriter: process.argv[2] === 'single' });
  await store.ensureTable();
  const config = loadConfig(path.resolve('examples/demo.config.json'));
  const summary = await runPass({ ...config, rules: process.argv[3] === 'rules' ? config.rules : [] }, { store, publisher: { publish: async () => undefined } });
  const n = summary.articles.new;
  let tot = 0, totG = 0;
  for (const [t, e] of Object.entries(byType).sort()) { tot += e.wru; totG += e.gsi; console.log(t.padEnd(20), 'writes/article', (e.n / n).toFixed(2), 'WRU', (e.wru / n).toFixed(2), 'GSI', (e.gsi / n).toFixed(2)); }
  console.log('articles', n, 'total WRU/article', ((tot + totG) / n).toFixed(2));
  await dynamo.close();
})();
