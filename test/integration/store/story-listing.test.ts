// The story listing against a real dynalite: a story's profile item is listed (byTime
// STORIES#<month>) at its last article, moved only when that is a listing step newer, and the
// listing's time bounds hold on the exact last-seen time.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../../cli/local-dynamo';
import { localDynamoClient } from '../../../shared/clients/dynamo';
import type { Tag, TaggedArticle } from '../../../shared/model';
import { storiesFor } from '../../../shared/pipeline';
import { queryStories } from '../../../shared/query';
import { ArticleStore } from '../../../shared/store';

const NOW = new Date('2026-11-28T00:00:00Z');
const tag = (id: string): Tag => ({ id, name: id, kind: 'country', score: 3, salient: true, mentions: [{ text: id, start: 0, end: id.length, field: 'title' }] });
let n = 0;
const article = (title: string, publishedAt: string, regions: Tag[] = []): TaggedArticle => {
  n++;
  return { id: `sl-${n}`, url: `https://outlet${n}.example/news/${n}`, title, summary: '', publishedAt, fetchedAt: publishedAt, feedName: `outlet${n}`, feedUrl: `https://outlet${n}.example/rss`, storyKey: '', actors: [], regions };
};
const HEADLINES = ['Mt. Gox bitcoin exchange files for bankruptcy protection', 'Bitcoin exchange Mt. Gox seeks bankruptcy protection in Tokyo', 'Mt. Gox files for bankruptcy after losing bitcoins'];

describe('the story listing', () => {
  let dynamo: LocalDynamo;
  let store: ArticleStore;

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    store = new ArticleStore({ client: localDynamoClient(dynamo.endpoint), tableName: 'story-listing', now: () => NOW });
    await store.ensureTable();
    storiesFor(store);
  });

  afterAll(async () => dynamo?.close());

  /** Where the story's profile item is listed (its byTime sort key), read from the table. */
  async function listedAt(storyId: string): Promise<string | undefined> {
    const out = await store.client.send(new GetItemCommand({ TableName: 'story-listing', Key: { pk: { S: `STORY#${storyId}` }, sk: { S: 'STORY' } } }));
    return out.Item?.gsi1sk?.S?.split('#')[0];
  }

  it('keeps a story in place while articles join within the step, and moves it when one is an hour newer', async () => {
    // Articles of one story every 10 minutes: the place stays at the first until one is an hour later.
    const times = ['10:00', '10:10', '10:20', '10:50', '11:00', '11:30', '12:10'].map((t) => `2026-11-27T${t}:00.000Z`);
    const places: (string | undefined)[] = [];
    let story = '';
    for (const [i, at] of times.entries()) {
      const a = article(HEADLINES[i % 3]!, at, [tag('JP')]);
      await store.putArticles([a]);
      story ||= (await store.getArticle(a.id))!.story!;
      expect((await store.getArticle(a.id))!.story).toBe(story);
      places.push(await listedAt(story));
    }
    const at = (t: string) => `2026-11-27T${t}:00.000Z`;
    expect(places).toEqual([at('10:00'), at('10:00'), at('10:00'), at('10:00'), at('11:00'), at('11:00'), at('12:10')]);
    const page = await queryStories(store, {}, { now: NOW });
    expect(page.items[0]).toMatchObject({ id: story, lastSeen: at('12:10'), articles: 7 });
  });

  it('applies since and until to the exact time of the last article, not to the listed place', async () => {
    const a = article('Chiquita and Fyffes agree banana merger', '2026-11-26T08:00:00.000Z', [tag('IE')]);
    const b = article('Chiquita and Fyffes agree banana merger', '2026-11-26T08:40:00.000Z', [tag('IE')]);
    await store.putArticles([a]);
    await store.putArticles([b]);
    const story = (await store.getArticle(b.id))!.story!;
    expect(await listedAt(story)).toBe('2026-11-26T08:00:00.000Z');
    const ids = async (since?: string, until?: string) => (await queryStories(store, { since, until }, { now: NOW })).items.map((s) => s.id);
    expect(await ids('2026-11-26T08:30:00Z', '2026-11-26T09:00:00Z')).toEqual([story]);
    expect(await ids('2026-11-26T08:41:00Z', '2026-11-26T09:00:00Z')).toEqual([]);
    expect(await ids(undefined, '2026-11-26T08:30:00Z')).toEqual([]);
  });
});
