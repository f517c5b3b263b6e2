// The shapes every stage of the pipeline passes on. Each stage's module (feeds/, tagging/, store/,
// alerts/) takes and returns these; nothing else crosses a module boundary.

/** What a tag names. `region` covers provinces, contested areas and cities' regions. */
export type TagKind = 'country' | 'organization' | 'person' | 'institution' | 'region' | 'city' | 'sea' | 'macro-region' | 'armed-group' | 'company';

/** Where a tag was found: exact offsets into the field it was found in (`text` unless `field` says `title`). */
export interface Mention {
  text: string;
  start: number;
  end: number;
  field?: 'title' | 'text';
}

/** One actor or region found in (or rolled up from) an article. The DESIGN.md Tag contract. */
export interface Tag {
  id: string;
  name: string;
  kind: TagKind;
  /** ISO 3166-1 alpha-2 of the country the tag is or lies in. */
  country?: string;
  wikidata?: string;
  /** A place's representative point (WGS84 degrees): a city's centre, a province's or country's centroid. */
  lat?: number;
  lon?: number;
  /** Salience: title, dateline and lead mentions count more. Lists are sorted by it. */
  score: number;
  /** True when the article is about the tag, false for a passing mention. */
  salient: boolean;
  mentions: Mention[];
  /** Ids of the tags this one rolls up to (Donetsk → donbas, UA, eastern-europe…). */
  parents?: string[];
  /** For a tag with no mentions of its own: the ids of the found tags it was rolled up from. */
  via?: string[];
}

export interface TagResult {
  actors: Tag[];
  regions: Tag[];
}

/** A feed as the config names it. */
export interface FeedConfig {
  url: string;
  name: string;
}

/** One feed item turned into an article (before tagging). */
export interface Article {
  /** Stable id: a hash of the canonical URL, else GUID, else title + feed. */
  id: string;
  /** Canonical URL (tracking parameters and fragment dropped). May be '' when the item has none. */
  url: string;
  title: string;
  /** Plain text, no HTML. */
  summary: string;
  /** ISO 8601. The fetch time when the item's date was missing or invalid (then `dateMissing`). */
  publishedAt: string;
  dateMissing?: boolean;
  fetchedAt: string;
  feedName: string;
  feedUrl: string;
  /** Normalised title (the first version's story key; alerts now claim by `story`, see TaggedArticle). */
  storyKey: string;
}

export interface TaggedArticle extends Article {
  actors: Tag[];
  regions: Tag[];
  /**
   * The story the article reports (shared/stories): set by the store in the same call that stores
   * the article (`putArticles`), before the main item is written, so every stored article, every
   * stream image and every alert carries it. Absent only on articles not stored yet.
   */
  story?: string;
  /**
   * True when this article founded its story, false when it joined one: counts of distinct stories
   * (trends, spikes) add one per article with `storyNew`. Set together with `story`.
   */
  storyNew?: boolean;
}

/** Per-feed state kept in the table between runs (conditional GET and health). */
export interface FeedState {
  url: string;
  name: string;
  etag?: string;
  lastModified?: string;
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  lastError?: string;
  consecutiveFailures: number;
  /** Do not poll before this time (backoff, Retry-After). */
  nextAttemptAt?: string;
  /** First failure of the current failing streak. */
  failingSince?: string;
  paused?: boolean;
  /**
   * SHA-256 (base64url) of the last body read successfully. A server that ignores conditional GET
   * (or changes its ETag on every request) but sends the same bytes is then "not modified" too.
   */
  contentHash?: string;
}

export type Severity = 'info' | 'warning' | 'critical';
export type Delivery = 'instant' | 'digest';

export interface RuleConfig {
  id: string;
  name: string;
  /** What to match (docs/RULES.md). Optional when `terms` or `watch` say it instead. */
  query?: string;
  severity: Severity;
  /** Alerts per hour before the overflow folds into one "and N more" message. */
  maxPerHour?: number;
  /** Weighted terms (EMM style): the rule matches when the weights of the terms found reach `threshold`. */
  terms?: Record<string, number>;
  threshold?: number;
  /** Alert on a surge of matching stories instead of on each story (DESIGN.md §5). */
  spike?: SpikeConfig;
  /** Alert on a surge of any tag of these kinds (with `spike`), one alert per surging tag. */
  watch?: WatchConfig;
  /** Alert when an actor and a region first appear together in a story after `quietDays` apart. */
  novel?: NovelConfig;
}

/** `"spike": {"window": "6h", "baseline": "14d", "factor": 3, "min": 5}` (durations 30m, 6h, 14d). */
export interface SpikeConfig {
  window: string;
  baseline: string;
  factor: number;
  min: number;
}

/** The tags a watch rule follows: one side, optionally only some kinds (countries, organisations…). */
export interface WatchConfig {
  side: 'actor' | 'region';
  kinds?: TagKind[];
}

/** `"novel": {"pair": ["actor", "region"], "quietDays": 30}`. */
export interface NovelConfig {
  pair: ['actor', 'region'];
  quietDays: number;
  /** Kinds of actor and region that form pairs (default: any actor, any country). */
  actorKinds?: TagKind[];
  regionKinds?: TagKind[];
}

/** Body formats of a webhook subscription (DESIGN.md §5): the outbox line, or a chat service's incoming-webhook message. */
export type WebhookFormat = 'json' | 'slack' | 'teams';

export interface SubscriptionConfig {
  protocol: 'email' | 'sms' | 'webhook';
  /** An email address, an E.164 number, or the webhook's https:// URL. */
  endpoint: string;
  /** Webhooks: the body format. */
  format?: WebhookFormat;
  /** Webhooks: the environment variable (locally) or SSM SecureString parameter (cloud) holding the HMAC secret. */
  secretEnv?: string;
  /** Webhooks: seconds one request may take before it counts as failed. @default 10 */
  timeoutSeconds?: number;
  /** Rule ids; empty or absent = all rules. */
  rules?: string[];
  minSeverity?: Severity;
  delivery?: Delivery;
}

/** The validated config file (DESIGN.md). */
export interface Config {
  feeds: FeedConfig[];
  rules: RuleConfig[];
  subscriptions: SubscriptionConfig[];
  allowPrivateNetworks: boolean;
  retentionDays: number;
  /** Minutes between scheduled passes. */
  intervalMinutes: number;
  /** Cron or rate expression for digests (EventBridge Scheduler syntax). */
  digestSchedule: string;
  /** A feed failing this long is paused and reported. */
  pauseFailingFeedAfterHours: number;
  opsEmail?: string;
}

/** One alert, as the outbox writes it (DESIGN.md) and SNS carries it. */
export interface AlertMessage {
  /** `story` for a rule's match of one story; `spike` for a surge; `novel` for a first-time pair (DESIGN.md §5). */
  kind?: 'story' | 'spike' | 'novel';
  /** Spike alerts: distinct stories in the window, the baseline mean per window, the window itself. */
  stories?: number;
  expected?: number;
  window?: { from: string; to: string };
  /** Watch and novelty alerts: the tag (or tags) the alert is about. */
  tags?: string[];
  ruleId: string;
  /** The story id the alert is about (the claim is per rule and story). */
  story?: string;
  /** Distinct sources carrying the story when the alert was sent. */
  sources?: number;
  severity: Severity;
  delivery: Delivery;
  article: { id: string; url: string; title: string; publishedAt: string; feedName?: string };
  actors: string[];
  regions: string[];
  email: { subject: string; body: string };
  sms: string;
}

/** The `run --json` summary (DESIGN.md). */
export interface RunSummary {
  feeds: { total: number; ok: number; notModified: number; failed: number; skipped: number };
  articles: { new: number; duplicate: number };
  alerts: { sent: number; suppressed: number };
  errors: { feed: string; message: string }[];
  durationMs: number;
  /** Webhook deliveries of the pass (present when the config has webhook subscriptions). */
  webhooks?: { delivered: number; pending: number; dropped: number };
}
