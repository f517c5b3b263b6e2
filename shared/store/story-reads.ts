// Reading stories: newest first (by their latest article), optionally only those whose tags include
// given ones, from the story listing; and one story with its articles (docs/STORE.md, "Stories").
import { QueryCommand, type DynamoDBClient } from '../clients/sdk/dynamodb';
import type { TaggedArticle } from '../model';
import type { StoryProfile } from '../stories/profile';
import { articleFromItem } from './article-items';
import { batchGet, type RetryPolicy } from './batch';
import type { CursorPosition } from './cursor';
import { ATTR, INDEX, keys, sortKeyUpTo } from './keys';
import { idFromPosition, keyOf, type TagFilter } from './queries';
import { STORY_LISTING_STEP_MS, storyFromItem } from './story-items';
import { walk } from './walk';

/** What listStories reads. */
export interface StoryListing {
  /** Tags every listed story must carry (its union of salient tags). */
  tags?: TagFilter[];
  /** Inclusive bounds on the story's latest article, normalised ISO instants. */
  since?: string;
  until?: string;
  limit: number;
  start?: CursorPosition;
}

interface Deps {
  client: DynamoDBClient;
  tableName: string;
  retry: RetryPolicy;
}

/** How far before `since` the listing is read: a story is listed at most a step before its last article. */
export function listingFrom(since: string): string {
  return new Date(Date.parse(since) - STORY_LISTING_STEP_MS).toISOString();
}

/**
 * Stories newest first by their latest article, each once: one Query of the story listing (byTime
 * `STORIES#<month>`, a story's profile item is listed at its last article to within a listing step)
 * and one BatchGetItem of the profiles listed, then the exact time and tag filters on the profiles.
 * `months` are the months to walk, newest first.
 */
export async function listStories(deps: Deps, months: string[], q: StoryListing): Promise<{ items: StoryProfile[]; next: CursorPosition | null }> {
  const wanted = (q.tags ?? []).map((t) => keys.tagToken(t.side, t.id));
  const from = q.since ? listingFrom(q.since) : undefined;
  return walk<string, StoryProfile>({
    partitions: months,
    start: q.start,
    limit: q.limit,
    // Unfiltered: one more than needed tells whether another page exists. Filtered: read ahead.
    chunk: (need) => (wanted.length || q.since ? Math.min(500, Math.max(50, need * 4)) : need + 1),
    position: (p) => p,
    // A tag filter keeps few stories: profiles (≤ 1 KB) are loaded 100 a request rather than as many as are still needed.
    loadBatch: (need) => (wanted.length ? 100 : need),
    read: async (month, after, max) => {
      const names: Record<string, string> = { '#pk': ATTR.gsi1pk, ...(from || q.until ? { '#sk': ATTR.gsi1sk } : {}) };
      let cond = '#pk = :pk';
      const values: Record<string, { S: string }> = { ':pk': { S: keys.storiesByMonth(month) } };
      if (from && q.until) {
        cond += ' AND #sk BETWEEN :lo AND :hi';
        values[':lo'] = { S: from };
        values[':hi'] = { S: sortKeyUpTo(q.until) };
      } else if (from) {
        cond += ' AND #sk >= :lo';
        values[':lo'] = { S: from };
      } else if (q.until) {
        cond += ' AND #sk <= :hi';
        values[':hi'] = { S: sortKeyUpTo(q.until) };
      }
      const out = await deps.client.send(
        new QueryCommand({
          TableName: deps.tableName,
          IndexName: INDEX.byTime,
          KeyConditionExpression: cond,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: max,
          ExclusiveStartKey: after ? { ...keyOf(keys.story(idFromPosition(after))), [ATTR.gsi1pk]: { S: keys.storiesByMonth(month) }, [ATTR.gsi1sk]: { S: after } } : undefined,
        }),
      );
      return { entries: (out.Items ?? []).map((i) => i[ATTR.gsi1sk]?.S ?? ''), lastEvaluated: out.LastEvaluatedKey?.[ATTR.gsi1sk]?.S };
    },
    load: async (positions) => {
      const ids = positions.map(idFromPosition);
      const profiles = await getProfiles(deps, ids);
      return ids.map((id) => {
        const p = profiles.get(id);
        if (!p || p.mergedInto) return undefined;
        // The listing is read a step early; the bounds hold on the exact time of the last article.
        if ((q.since && p.lastSeen < q.since) || (q.until && p.lastSeen > q.until)) return undefined;
        return wanted.every((t) => p.tags.includes(t)) ? p : undefined;
      });
    },
  });
}

/** Story profiles by id (one BatchGetItem). */
export async function getProfiles(deps: Deps, ids: string[]): Promise<Map<string, StoryProfile>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const items = await batchGet(deps.client, deps.tableName, unique.map((id) => keyOf(keys.story(id))), deps.retry);
  return new Map(items.flatMap((i) => (i ? [[i.id?.S ?? '', storyFromItem(i)] as const] : [])));
}

/** A story's articles, newest first: those its profile lists and a Query of its member items, then their main items. */
export async function storyArticles(deps: Deps, storyId: string, limit: number, listed: string[] = []): Promise<TaggedArticle[]> {
  const out = await deps.client.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :a)',
      ExpressionAttributeNames: { '#pk': ATTR.pk, '#sk': ATTR.sk },
      ExpressionAttributeValues: { ':pk': { S: keys.storyPartition(storyId) }, ':a': { S: keys.storyMemberPrefix } },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  const ids = [...new Set([...(out.Items ?? []).map((i) => i.article?.S ?? '').filter(Boolean), ...listed])];
  const mains = await batchGet(deps.client, deps.tableName, ids.map((id) => keyOf(keys.article(id))), deps.retry);
  const articles = mains.filter((m): m is NonNullable<typeof m> => m !== undefined).map(articleFromItem);
  return articles.sort(newestFirst).slice(0, limit);
}

/** Newest first by listing instant, the id breaking ties (as the listings order them). */
export function newestFirst(x: TaggedArticle, y: TaggedArticle): number {
  const kx = `${x.publishedAt}#${x.id}`;
  const ky = `${y.publishedAt}#${y.id}`;
  return kx < ky ? 1 : kx > ky ? -1 : 0;
}

/**
 * Where each story went: a story folded into another by a merge (shared/stories/assign.ts) points to
 * the survivor; the map holds the final id of every given id that was folded (ids not folded are
 * left out). One BatchGetItem a hop, of the profiles' `into` only.
 */
export async function survivors(deps: Deps, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let todo = new Map([...new Set(ids.filter(Boolean))].map((id) => [id, [id]]));
  for (let hop = 0; hop < 4 && todo.size; hop++) {
    const items = await batchGet(deps.client, deps.tableName, [...todo.keys()].map((id) => keyOf(keys.story(id))), deps.retry, { attributes: ['id', 'into'] });
    const next = new Map<string, string[]>();
    for (const i of items) {
      const into = i?.into?.S;
      if (!i || !into) continue;
      const from = todo.get(i.id?.S ?? '') ?? [];
      for (const origin of from) out.set(origin, into);
      next.set(into, [...(next.get(into) ?? []), ...from]);
    }
    todo = next;
  }
  return out;
}

/** The articles with each `story` replaced by the story it was merged into, if it was (in place). */
export async function followMerges<T extends { story?: string } | undefined>(deps: Deps, articles: T[]): Promise<T[]> {
  const ids = articles.flatMap((a) => (a?.story ? [a.story] : []));
  if (!ids.length) return articles;
  const went = await survivors(deps, ids);
  for (const a of articles) if (a?.story && went.has(a.story)) a.story = went.get(a.story);
  return articles;
}
