import path from 'node:path';
import zlib from 'node:zlib';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { startLocalDynamo } from '../cli/local-dynamo';
import { localDynamoClient } from '../shared/clients/dynamo';
import { loadConfig } from '../shared/config';
import { runPass } from '../shared/pipeline';
import { ArticleStore } from '../shared/store';
import { itemSizeBytes } from '../shared/cost/footprint';
(async () => {
  const dynamo = await startLocalDynamo();
  const client = localDynamoClient(dynamo.endpoint);
  const store = new ArticleStore({ client, tableName: 'sizes' });
  await store.ensureTable();
  const config = loadConfig(path.resolve('examples/demo.config.json'));
  await runPass({ ...config, rules: [] }, { store, publisher: { publish: async () => undefined } });
  const items = (await client.send(new ScanCommand({ TableName: 'sizes' }))).Items ?? [];
  for (const i of items.filter((x) => x.type?.S === 'article')) {
    const tags = "";
    const j = "";
    const per: Record<string, number> = {};
    for (const [k, v] of Object.entries(i)) per[k] = itemSizeBytes({ [k]: v });
    console.log(itemSizeBytes(i), 'tags', tags.length, 'deflate', zlib.deflateRawSync(j).length, 'brotli', zlib.brotliCompressSync(j).length, 'summary', per.summary, 'title', per.title, 'url', per.url, 'feedUrl', per.feedUrl, 'storyKey', per.storyKey, 'tagz', per.tagz, 'rest', itemSizeBytes(i) - per.tagz - per.summary);
  }


  await dynamo.close();
})();
