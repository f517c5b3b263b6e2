// Local runs: a record of articles whose alerts are not done yet, written before their markers (so
// before they count as stored) and deleted once their alerts are sent. A run killed in between
// leaves the record; the next run finishes it first (shared/pipeline/run.ts).
import { n, type Item } from './attr';
import { StoreError } from './errors';
import { ttlAfter } from './instant';
import { ATTR, ITEM_TYPE, keys } from './keys';

/** Pending records are finished by the next run; one left for two weeks is dropped. */
const PENDING_TTL_DAYS = 14;

/** The record for these article ids. */
export function pendingItem(ids: string[], storedAt: Date): Item {
  return {
    [ATTR.pk]: { S: keys.pendingPartition },
    [ATTR.sk]: { S: keys.pendingSortKey(storedAt.toISOString(), ids[0] ?? '') },
    [ATTR.type]: { S: ITEM_TYPE.pending },
    [ATTR.ttl]: n(ttlAfter(storedAt, PENDING_TTL_DAYS)),
    ids: { S: JSON.stringify(ids) },
  };
}

/** The article ids of a record. */
export function pendingIds(item: Item): string[] {
  try {
    const ids: unknown = JSON.parse(item.ids?.S ?? '[]');
    if (Array.isArray(ids)) return ids.filter((x): x is string => typeof x === 'string');
  } catch (err) {
    throw new StoreError(`pending alert record ${item[ATTR.sk]?.S}: not valid JSON`, { cause: err });
  }
  return [];
}
