import path from 'node:path';
import { startLocalDynamo } from '../cli/local-dynamo';
import { localDynamoClient } from '../shared/clients/dynamo';
import { loadConfig } from '../shared/config';
import { runPass } from '../shared/pipeline';
import { ArticleStore } from '../shared/store';
(async () => {
  const dynamo = await startLocalDynamo();
  const client = localDynamoClient(dynamo.endpoint);
  const store = new ArticleStore({ client, tableName: 'sizes' });
  await store.ensureTable();
  const config = loadConfig(path.resolve('examples/demo.config.json'));
  await runPass({ ...config, rules: [] }, { store, publisher: { publish: async () => undefined } });
  const page = await store.listArticles({ limit: 100 });
  let both = 0, actorOnly = 0, tot = 0, rolled = 0;
  for (const a of page.items) {
    const r = new Set(a.regions.map((t) => t.id));
    for (const t of a.actors) { if (r.has(t.id)) both++; else if (t.kind === 'country') actorOnly++; }
    tot += a.actors.length + a.regions.length;
    rolled += [...a.actors, ...a.regions].filter((t) => !t.mentions.length).length;
    console.log(a.actors.map((t) => `${t.id}:${t.kind}${t.mentions.length ? '' : '^'}`).join(' '), '|', a.regions.map((t) => `${t.id}:${t.kind}${t.mentions.length ? '' : '^'}`).join(' '));
  }
  console.log({ n: page.items.length, both, actorOnly, tot, rolled });
  await dynamo.close();
})();
