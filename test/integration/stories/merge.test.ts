// A story folded into another (shared/stories/assign.ts merges two stories an article shows to be
// one) against a real dynalite: reads give the folded story's articles the survivor's id, and the
// survivor lists its own articles and the folded one's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import type { TaggedArticle } from '../../../shared/model';
import { storiesFor } from '../../../shared/pipeline';
import { storyDetail } from '../../../shared/query';
import { mergeProfiles } from '../../../shared/stories/profile';
import { ArticleStore } from '../../../shared/store';

let n = 0;
const article = (title: string, publishedAt: string): TaggedArticle => {
  n++;
  return { id: `mg-${n}`, url: `https://o${n}.example/news/${n}`, title, summary: '', publishedAt, fetchedAt: publishedAt, feedName: `o${n}`, feedUrl: `https://o${n}.example/rss`, storyKey: '', actors: [], regions: [] };
};
const KEEP = [article('Mt. Gox bitcoin exchange files for bankruptcy', '2026-11-27T01:00:00.000Z'), article('Mt. Gox bankruptcy filing in Tokyo', '2026-11-27T02:00:00.000Z')];
const FOLD = [article('Chiquita and Fyffes agree banana merger', '2026-11-27T03:00:00.000Z')];

describe('merged stories against a real dynalite', () => {
  let dynamo: LocalDynamo;
  let store: ArticleStore;
  let keep: string;
  let fold: string;

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'merge-test', now: () => new Date('2026-11-28T00:00:00Z') });
    await store.ensureTable();
    storiesFor(store);
    await store.putArticles(KEEP);
    await store.putArticles(FOLD);
    [keep, fold] = [(await store.getArticle(KEEP[0]!.id))!.story!, (await store.getArticle(FOLD[0]!.id))!.story!];
    // Fold the second story into the first, as the clusterer does: a stub, then the survivor absorbs it.
    const index = store.storyIndex();
    const profiles = await index.getStories([keep, fold], true);
    const [k, f] = [profiles.get(keep)!, profiles.get(fold)!];
    expect(await index.putStory({ ...f, mergedInto: keep, intoVersion: k.version + 1, version: f.version + 1 }, f.version)).toBe(true);
    expect(await index.putStory({ ...mergeProfiles(k, f), version: k.version + 1 }, k.version)).toBe(true);
  });

  afterAll(async () => dynamo?.close());

  it('keeps the folded story as a stub with its words and the version its survivor reached', async () => {
    const stub = (await store.storyIndex().getStories([fold], true)).get(fold)!;
    expect(stub).toMatchObject({ mergedInto: keep, intoVersion: (await store.getStory(keep))!.version, articles: 1, members: [FOLD[0]!.id] });
  });

  it('was two stories before the merge', () => {
    expect(keep).not.toBe(fold);
  });

  it("gives the folded story's articles the survivor's id in every article read", async () => {
    expect((await store.getArticle(FOLD[0]!.id))!.story).toBe(keep);
    expect((await store.getArticles([...KEEP, ...FOLD].map((a) => a.id))).map((a) => a!.story)).toEqual([keep, keep, keep]);
    const page = await store.listArticles({ limit: 10 });
    expect(page.items.map((a) => a.story)).toEqual([keep, keep, keep]);
  });

  it("lists the survivor with its own articles and the folded story's", async () => {
    const detail = await storyDetail(store, keep);
    expect(detail).toMatchObject({ id: keep, articles: 3 });
    expect(detail!.items.map((a) => a.id)).toEqual([FOLD[0]!.id, KEEP[1]!.id, KEEP[0]!.id]);
    // The folded id leads to the survivor.
    expect((await storyDetail(store, fold))!.id).toBe(keep);
  });
});
