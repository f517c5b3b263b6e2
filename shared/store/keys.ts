// The one module that knows the table's key formats. Nothing else builds "ARTICLE#" + id.
//
// Items (pk / sk; GSI keys where set):
//   article        ARTICLE#<id>                 / ARTICLE      byTime: ARTICLES#<yyyy-mm> / <publishedAt>#<id>
//   indexed marker ARTICLE#<id>                 / INDEXED      (written after the index items: "this article is complete")
//   tag listing    TAG#<a|r>:<tagId>#<yyyy-mm>  / <publishedAt>#<id>
//   feed state     FEEDS                        / FEED#<url>
//   alert claim    ALERT#<ruleId>#<storyKey>    / CLAIM        byRule: RULE#<ruleId> / <createdAt>#<storyKey>
//                                                             byTime: ALERTS#<yyyy-mm> / <createdAt>#<ruleId>#<storyKey>
//   alert counter  COUNT#<ruleId>#<hour>        / COUNT
//   month registry META                         / MONTHS       (string sets of the months that hold articles / alerts)
//   story          STORY#<storyId>              / STORY        byTime: STORIES#<yyyy-mm> / <listedAt>#<storyId>
//                                                             (the story's profile: title, span, counts, terms; stubs carry no byTime keys)
//   story member   STORY#<storyId>              / A#<instant>#<articleId>
//   story posting  TERM#<stem>                  / <instant>#<storyId>  (the story can be found under this word)
//   pending alerts PENDING                      / <storedAt>#<firstId> (local runs: new articles whose alerts are not done)
//   trend counter  TREND#<scope>                / <yyyy-mm-dd> (hourly cells s00…s23 stories, a00…a23 articles, n00…n23 newest story's article id)
//   story scopes   TRENDSEEN#<story>            / SEEN         (string set of the scopes the story was counted in)
//   spike state    SPIKES                       / <ruleId>#<scope> (a surge that fired and has not fallen back yet)
//   novelty pair   PAIR#<actorId>#<regionId>    / PAIR         (when the pair was last seen together)
//   word directory TERMDIR                      / <flushId> | COMPLETE (local runs: the words that have postings, so a word never posted costs no query)
//   write journal  JOURNAL#<name>               / <flushId>#<part> (local runs: writes buffered in memory, committed together; shared/store/write-behind.ts)
//   trends start   META                         / TRENDS       (when counting began)
import { createHash } from 'node:crypto';

/** Attribute names of the keys, the TTL and the item type. */
export const ATTR = {
  pk: 'pk',
  sk: 'sk',
  gsi1pk: 'gsi1pk',
  gsi1sk: 'gsi1sk',
  gsi2pk: 'gsi2pk',
  gsi2sk: 'gsi2sk',
  ttl: 'ttl',
  type: 'type',
} as const;

/** Global secondary index names. */
export const INDEX = { byTime: 'byTime', byRule: 'byRule' } as const;

/** The `type` attribute of each kind of item (the CDK stream filter matches `article`). */
export const ITEM_TYPE = {
  article: 'article',
  indexed: 'article-indexed',
  tagListing: 'tag-listing',
  feed: 'feed-state',
  alert: 'alert',
  counter: 'alert-counter',
  meta: 'meta',
  story: 'story',
  storyMember: 'story-member',
  storyPosting: 'story-posting',
  pending: 'pending-alerts',
  trend: 'trend-counter',
  trendSeen: 'trend-seen',
  spikeState: 'spike-state',
  pair: 'novelty-pair',
  journal: 'write-journal',
  termDirectory: 'term-directory',
} as const;

/** One global secondary index of the table. */
export interface IndexDesign {
  name: string;
  partitionKey: string;
  sortKey: string;
  /** KEYS_ONLY keeps the article index small (a page reads the main items by key); ALL where items are small. */
  projection: 'KEYS_ONLY' | 'ALL';
}

/** The table's shape: the CDK table and ensureTable() are both built from this, so they cannot drift. */
export const tableDesign: {
  partitionKey: string;
  sortKey: string;
  ttlAttribute: string;
  /** Attribute that names the kind of item; the stream filter matches `type = "article"`. */
  typeAttribute: string;
  indexes: IndexDesign[];
} = {
  partitionKey: ATTR.pk,
  sortKey: ATTR.sk,
  ttlAttribute: ATTR.ttl,
  typeAttribute: ATTR.type,
  indexes: [
    // Articles by month (newest overall), stories by month of their last article, alerts of every rule by month.
    { name: INDEX.byTime, partitionKey: ATTR.gsi1pk, sortKey: ATTR.gsi1sk, projection: 'KEYS_ONLY' },
    // Alerts of one rule by time (alert items only: a sparse index, so ALL costs little).
    { name: INDEX.byRule, partitionKey: ATTR.gsi2pk, sortKey: ATTR.gsi2sk, projection: 'ALL' },
  ],
};

/** Which tag list of an article a listing follows. */
export type TagSide = 'actor' | 'region';

/** A table key. */
export interface Key {
  pk: string;
  sk: string;
}

// Key parts are joined with '#': a part that contains '#' or '%' is percent-encoded so that parts
// never run into each other, and a very long part is cut and suffixed with its hash (DynamoDB
// allows 2048 bytes of partition key and 1024 of sort key).
function part(s: string, maxBytes = 400): string {
  const safe = s.replace(/[%#]/g, (c) => encodeURIComponent(c));
  if (Buffer.byteLength(safe) <= maxBytes) return safe;
  const hash = createHash('sha256').update(s).digest('base64url').slice(0, 22);
  return `${safe.slice(0, 64).replace(/%[0-9A-F]?$/, '')}~${hash}`;
}

/** The UTC month (yyyy-mm) of a normalised ISO instant: the time bucket of every listing. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** A listing sort key: newest first by instant, the id breaks ties. */
export function timeSortKey(iso: string, id: string): string {
  return `${iso}#${id}`;
}

/** The id at the end of a listing sort key made by timeSortKey. */
export function idFromTimeSortKey(position: string): string {
  return position.slice(position.indexOf('#') + 1);
}

/** Shape of a listing position (sort key) as timeSortKey builds it: validated when it comes back in a cursor. */
export const POSITION_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[^#]{1,400}$/;
/** Shape of an alert position (byRule or byTime sort key). */
export const ALERT_POSITION_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z(#[^#]{1,420}){1,2}$/;
/** Shape of a month bucket. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Upper bound for listing sort keys at or before `iso` ('~' sorts after every id character). */
export function sortKeyUpTo(iso: string): string {
  return `${iso}#~`;
}

/** Every key format of the table (the only place that builds them). */
export const keys = {
  /** The article's main item. */
  article: (id: string): Key => ({ pk: `ARTICLE#${part(id)}`, sk: 'ARTICLE' }),
  /** The small marker written once every index item of the article is in place. */
  indexed: (id: string): Key => ({ pk: `ARTICLE#${part(id)}`, sk: 'INDEXED' }),
  /** byTime partition of all articles published in a month. */
  articlesByMonth: (month: string): string => `ARTICLES#${month}`,
  /** Partition of the listing items of one tag (actor or region) in one month. */
  tagListing: (side: TagSide, tagId: string, month: string): string => `TAG#${side === 'actor' ? 'a' : 'r'}:${part(tagId, 200)}#${month}`,
  /** The value a listing item's `tags` set holds for a tag on one side (filters for AND queries). */
  tagToken: (side: TagSide, tagId: string): string => `${side === 'actor' ? 'a' : 'r'}:${tagId}`,
  /** A feed's state; all feeds share one partition (a few hundred small items, listed in one query). */
  feed: (url: string): Key => ({ pk: 'FEEDS', sk: `FEED#${part(url, 900)}` }),
  feedsPartition: 'FEEDS',
  /** The claim that (rule, story) has alerted: a conditional put makes it first-time-only. */
  alertClaim: (ruleId: string, storyKey: string): Key => ({ pk: `ALERT#${part(ruleId, 200)}#${part(storyKey)}`, sk: 'CLAIM' }),
  /** byRule partition and sort key of a claim. */
  alertsByRule: (ruleId: string): string => `RULE#${part(ruleId, 200)}`,
  alertRuleSortKey: (createdAt: string, storyKey: string): string => `${createdAt}#${part(storyKey)}`,
  /** byTime partition and sort key of a claim (alerts of every rule, by month). */
  alertsByMonth: (month: string): string => `ALERTS#${month}`,
  alertTimeSortKey: (createdAt: string, ruleId: string, storyKey: string): string => `${createdAt}#${part(ruleId, 200)}#${part(storyKey)}`,
  /** The claim key behind a byRule position. */
  claimFromRulePosition: (ruleId: string, position: string): Key => ({ pk: `ALERT#${part(ruleId, 200)}#${position.slice(position.indexOf('#') + 1)}`, sk: 'CLAIM' }),
  /** The claim key behind a byTime alert position. */
  claimFromTimePosition: (position: string): Key => ({ pk: `ALERT#${position.slice(position.indexOf('#') + 1)}`, sk: 'CLAIM' }),
  /** The per-rule, per-hour alert counter. */
  alertCounter: (ruleId: string, hour: string): Key => ({ pk: `COUNT#${part(ruleId, 200)}#${part(hour, 64)}`, sk: 'COUNT' }),
  /** byTime partition of the stories listed (by their last article, to within STORY_LISTING_STEP_MS) in a month. */
  storiesByMonth: (month: string): string => `STORIES#${month}`,
  /** A story's profile item. */
  story: (storyId: string): Key => ({ pk: `STORY#${part(storyId, 64)}`, sk: 'STORY' }),
  /** The partition of a story: its profile and one member item per article. */
  storyPartition: (storyId: string): string => `STORY#${part(storyId, 64)}`,
  /** A story's member item for one article, ordered by time. */
  storyMember: (storyId: string, iso: string, articleId: string): Key => ({ pk: `STORY#${part(storyId, 64)}`, sk: `A#${iso}#${part(articleId)}` }),
  storyMemberPrefix: 'A#',
  /** The partition of the postings of one word; sort key `<instant>#<storyId>`. */
  termPostings: (stem: string): string => `TERM#${part(stem, 200)}`,
  termPostingSortKey: (iso: string, storyId: string): string => `${iso}#${part(storyId, 64)}`,
  /** Local runs: the partition of the records of articles whose alerts a run has not finished. */
  pendingPartition: 'PENDING',
  pendingSortKey: (storedAt: string, firstId: string): string => `${storedAt}#${part(firstId)}`,
  /** Partition of one counted scope's day items (`r:UA`, `a:nato`, `rule:md-surge`). */
  trendCounter: (scope: string): string => `TREND#${part(scope, 300)}`,
  /** The scopes a story has already been counted in, so a story counts once per scope. */
  trendSeen: (story: string): Key => ({ pk: `TRENDSEEN#${part(story)}`, sk: 'SEEN' }),
  /** All spike states: one partition, listed by one query per pass. */
  spikesPartition: 'SPIKES',
  spikeState: (ruleId: string, scope: string): Key => ({ pk: 'SPIKES', sk: `${part(ruleId, 200)}#${part(scope, 300)}` }),
  /** When trend counting began (novelty needs that much history before a first sighting is news). */
  trendsSince: (): Key => ({ pk: 'META', sk: 'TRENDS' }),
  /** When an actor and a region were last seen together in a story. */
  pair: (actorId: string, regionId: string): Key => ({ pk: `PAIR#${part(actorId, 200)}#${part(regionId, 200)}`, sk: 'PAIR' }),
  /** Local runs: the partition that lists the words postings were written under (story-cache.ts). */
  termDirectoryPartition: 'TERMDIR',
  /** Local runs: the item saying the word directory lists every posting's word since the table was new. */
  termDirectoryComplete: (): Key => ({ pk: 'TERMDIR', sk: 'COMPLETE' }),
  /** Local runs: the partition of one write-behind journal (`stories`, `trends`). */
  journalPartition: (name: string): string => `JOURNAL#${part(name, 64)}`,
  /** One part of a journal flush: `<flushId>#<part index>`. */
  journalSortKey: (flushId: string, index: number): string => `${part(flushId, 64)}#${String(index).padStart(4, '0')}`,
  /** The registry of months that hold articles (attribute `articles`) and alerts (attribute `alerts`). */
  months: (): Key => ({ pk: 'META', sk: 'MONTHS' }),
};
