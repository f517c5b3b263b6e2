// An alert claim: the conditional put that lets (rule, story) alert once, kept as the alert's record.
import type { AlertMessage, Delivery, Severity } from '../model';
import { compact, n, str, type Item } from './attr';
import { StoreError } from './errors';
import { ATTR, ITEM_TYPE, keys, monthOf } from './keys';

/** An alert as stored: what was claimed and the message that was (or will be, for digests) sent. */
export interface StoredAlert {
  ruleId: string;
  storyKey: string;
  articleId: string;
  createdAt: string;
  severity: Severity;
  delivery: Delivery;
  message: AlertMessage;
  /** True when the alert was folded into an "and N more" message by the hourly cap. */
  folded?: boolean;
  /**
   * Durable alerting (docs/STORE.md, "Alerts"): `pending` from the claim until the message is
   * published, then `sent`. Claims written before this field existed count as sent.
   */
  state?: 'pending' | 'sent';
  /** Who claimed it (the article whose alert it is): the same owner may take a pending claim over at once. */
  owner?: string;
  /** Epoch ms until which a pending claim belongs to its owner; after it, anyone may take it over. */
  leaseUntil?: number;
}

/** The claim item for an alert; `createdAt` must already be a normalised ISO instant. */
export function alertItem(a: StoredAlert, ttl: number): Item {
  const k = keys.alertClaim(a.ruleId, a.storyKey);
  return compact({
    [ATTR.pk]: { S: k.pk },
    [ATTR.sk]: { S: k.sk },
    [ATTR.type]: { S: ITEM_TYPE.alert },
    [ATTR.gsi1pk]: { S: keys.alertsByMonth(monthOf(a.createdAt)) },
    [ATTR.gsi1sk]: { S: keys.alertTimeSortKey(a.createdAt, a.ruleId, a.storyKey) },
    [ATTR.gsi2pk]: { S: keys.alertsByRule(a.ruleId) },
    [ATTR.gsi2sk]: { S: keys.alertRuleSortKey(a.createdAt, a.storyKey) },
    [ATTR.ttl]: n(ttl),
    ruleId: { S: a.ruleId },
    storyKey: { S: a.storyKey },
    articleId: { S: a.articleId },
    createdAt: { S: a.createdAt },
    severity: { S: a.severity },
    delivery: { S: a.delivery },
    message: { S: JSON.stringify(a.message) },
    folded: a.folded ? { BOOL: true } : undefined,
    state: a.state ? { S: a.state } : undefined,
    owner: a.owner ? { S: a.owner } : undefined,
    lease: a.leaseUntil !== undefined ? n(a.leaseUntil) : undefined,
  });
}

/** Decodes a claim item. */
export function alertFromItem(item: Item): StoredAlert {
  let message: AlertMessage;
  try {
    message = JSON.parse(str(item, 'message')) as AlertMessage;
  } catch (err) {
    throw new StoreError(`alert ${str(item, 'ruleId')}/${str(item, 'storyKey')}: the stored message is not valid JSON`, { cause: err });
  }
  const a: StoredAlert = {
    ruleId: str(item, 'ruleId'),
    storyKey: str(item, 'storyKey'),
    articleId: str(item, 'articleId'),
    createdAt: str(item, 'createdAt'),
    severity: str(item, 'severity') as Severity,
    delivery: str(item, 'delivery') as Delivery,
    message,
  };
  if (item.folded?.BOOL) a.folded = true;
  if (item.state?.S === 'pending' || item.state?.S === 'sent') a.state = item.state.S;
  if (item.owner?.S) a.owner = item.owner.S;
  if (item.lease?.N) a.leaseUntil = Number(item.lease.N);
  return a;
}
