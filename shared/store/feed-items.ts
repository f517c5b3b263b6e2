// A feed's state as one small item in the shared FEEDS partition (no TTL: it lives as long as the feed).
import type { FeedState } from '../model';
import { compact, n, num, optStr, s, str, type Item } from './attr';
import { ATTR, ITEM_TYPE, keys } from './keys';

/** The item that holds a feed's state. */
export function feedStateItem(f: FeedState): Item {
  const k = keys.feed(f.url);
  return compact({
    [ATTR.pk]: { S: k.pk },
    [ATTR.sk]: { S: k.sk },
    [ATTR.type]: { S: ITEM_TYPE.feed },
    url: { S: f.url },
    name: s(f.name),
    etag: s(f.etag),
    lastModified: s(f.lastModified),
    lastSuccessAt: s(f.lastSuccessAt),
    lastAttemptAt: s(f.lastAttemptAt),
    lastError: s(f.lastError),
    consecutiveFailures: n(f.consecutiveFailures ?? 0),
    nextAttemptAt: s(f.nextAttemptAt),
    failingSince: s(f.failingSince),
    contentHash: s(f.contentHash),
    paused: f.paused ? { BOOL: true } : undefined,
  });
}

/** Decodes a feed state item. */
export function feedStateFromItem(item: Item): FeedState {
  const f: FeedState = { url: str(item, 'url'), name: str(item, 'name'), consecutiveFailures: num(item, 'consecutiveFailures') ?? 0 };
  for (const k of ['etag', 'lastModified', 'lastSuccessAt', 'lastAttemptAt', 'lastError', 'nextAttemptAt', 'failingSince', 'contentHash'] as const) {
    const v = optStr(item, k);
    if (v !== undefined) f[k] = v;
  }
  if (item.paused?.BOOL) f.paused = true;
  return f;
}
