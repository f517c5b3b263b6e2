// The Query inputs behind each listing: pure functions of the request, so the key conditions and
// filters can be read (and tested) in one place.
import type { AttributeValue, QueryCommandInput } from '@aws-sdk/client-dynamodb';
import type { Delivery, TagKind, TaggedArticle } from '../model';
import type { CursorPosition } from './cursor';
import { ATTR, INDEX, keys, POSITION_PATTERN, sortKeyUpTo, type TagSide } from './keys';

/** A tag an article must carry, on the actor or the region side. */
export interface TagFilter {
  side: TagSide;
  id: string;
  /** The tag's kind when known: only a country is listed on the region side for both (article-items.ts), so another actor reads its own listing alone. */
  kind?: TagKind;
}

/** What listArticles reads: one listing (a tag's, or every article's), narrowed by time and further tags. */
export interface ArticleListing {
  /** The listing walked; absent = every article (byTime index). */
  via?: TagFilter;
  /** Tags every returned article must also carry (checked by DynamoDB on the listing items; needs `via`). */
  alsoTagged?: TagFilter[];
  /** Tags that must be salient on the article (`via` included when it is salient too); needs `via`. */
  salient?: TagFilter[];
  /** Inclusive bounds, normalised ISO instants. */
  since?: string;
  until?: string;
  limit: number;
  start?: CursorPosition;
  /** A last check on the loaded article (the query module's word filter). */
  accept?: (a: TaggedArticle) => boolean;
  maxReads?: number;
}

/** Narrowing of an alert listing. */
export interface AlertFilter {
  since?: string;
  until?: string;
  delivery?: Delivery;
}

/** The Query that reads one month of an article listing, newest first, after `after`. */
export function listingQuery(table: string, q: ArticleListing, month: string, after: string | undefined, max: number): QueryCommandInput {
  const byTime = !q.via;
  const [pkName, skName] = byTime ? [ATTR.gsi1pk, ATTR.gsi1sk] : [ATTR.pk, ATTR.sk];
  const pk = byTime ? keys.articlesByMonth(month) : keys.tagListing(q.via!.side, q.via!.id, month);
  const names: Record<string, string> = { '#pk': pkName };
  const values: Record<string, AttributeValue> = { ':pk': { S: pk } };
  let cond = '#pk = :pk';
  if (q.since || q.until) names['#sk'] = skName;
  if (q.since && q.until) {
    cond += ' AND #sk BETWEEN :lo AND :hi';
    values[':lo'] = { S: q.since };
    values[':hi'] = { S: sortKeyUpTo(q.until) };
  } else if (q.since) {
    cond += ' AND #sk >= :lo';
    values[':lo'] = { S: q.since };
  } else if (q.until) {
    cond += ' AND #sk <= :hi';
    values[':hi'] = { S: sortKeyUpTo(q.until) };
  }
  const filters: string[] = [];
  (q.alsoTagged ?? []).forEach((t, i) => {
    filters.push(`contains(#tags, :t${i})`);
    values[`:t${i}`] = { S: keys.tagToken(t.side, t.id) };
    names['#tags'] = 'tags';
  });
  (q.salient ?? []).forEach((t, i) => {
    filters.push(`contains(#sal, :s${i})`);
    values[`:s${i}`] = { S: keys.tagToken(t.side, t.id) };
    names['#sal'] = 'sal';
  });
  // A cursor holds only the sort key; the rest of the start key follows from it.
  const startKey: Record<string, AttributeValue> | undefined = after === undefined ? undefined : byTime ? { ...keyOf(keys.article(idFromPosition(after))), [ATTR.gsi1pk]: { S: pk }, [ATTR.gsi1sk]: { S: after } } : { [ATTR.pk]: { S: pk }, [ATTR.sk]: { S: after } };
  return {
    TableName: table,
    IndexName: byTime ? INDEX.byTime : undefined,
    KeyConditionExpression: cond,
    FilterExpression: filters.length ? filters.join(' AND ') : undefined,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
    Limit: max,
    ExclusiveStartKey: startKey,
  };
}

/** The Query that reads alerts of one rule (byRule) or of one month of every rule (byTime), newest first. */
export function alertQuery(table: string, ruleId: string | undefined, month: string, f: AlertFilter, after: string | undefined, max: number): QueryCommandInput {
  const [index, pkName, skName, pk] = ruleId ? [INDEX.byRule, ATTR.gsi2pk, ATTR.gsi2sk, keys.alertsByRule(ruleId)] : [INDEX.byTime, ATTR.gsi1pk, ATTR.gsi1sk, keys.alertsByMonth(month)];
  const values: Record<string, AttributeValue> = { ':pk': { S: pk }, ':lo': { S: f.since ?? '0' }, ':hi': { S: sortKeyUpTo(f.until ?? '9999') } };
  const names: Record<string, string> = { '#pk': pkName, '#sk': skName };
  let filter: string | undefined;
  // byRule projects everything, so DynamoDB filters delivery; byTime is keys only (checked after the read).
  if (ruleId && f.delivery) {
    filter = '#delivery = :delivery';
    names['#delivery'] = 'delivery';
    values[':delivery'] = { S: f.delivery };
  }
  const startKey = after === undefined ? undefined : { ...keyOf(ruleId ? keys.claimFromRulePosition(ruleId, after) : keys.claimFromTimePosition(after)), [pkName]: { S: pk }, [skName]: { S: after } };
  return {
    TableName: table,
    IndexName: index,
    KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :lo AND :hi',
    FilterExpression: filter,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
    Limit: max,
    ExclusiveStartKey: startKey,
  };
}

/** Whether a cursor's sort key is one listArticles could have issued for that month. */
export function isArticlePosition(month: string, after: string): boolean {
  return POSITION_PATTERN.test(after) && after.slice(0, 7) === month;
}

/** The article id at the end of a listing position. */
export function idFromPosition(position: string): string {
  return position.slice(position.indexOf('#') + 1);
}

/** A table key as attribute values. */
export function keyOf(k: { pk: string; sk: string }): Record<string, AttributeValue> {
  return { [ATTR.pk]: { S: k.pk }, [ATTR.sk]: { S: k.sk } };
}
