// The alert flow for one new article: match → claim (rule, story) once → hourly cap → publish.
import type { AlertMessage, TaggedArticle } from '../model';
import type { ArticleStore } from '../store';
import { formatAlert, formatSms, SUBJECT_MAX } from './format';
import { truncate } from './text';
import type { Publisher } from './publisher';
import { alertsPerStory, matchRule, type CompiledRule, type RuleMatch } from './rules';

/**
 * The store calls the flow needs. `releaseAlert` gives a claim back after a failed publish so that
 * the retry can send the alert instead of finding it already claimed; `markAlertSent` closes a
 * pending claim; `getStory` gives the number of sources carrying the story when the alert goes out.
 */
export type AlertStore = Pick<ArticleStore, 'claimAlert' | 'countAlert' | 'releaseAlert'> & Partial<Pick<ArticleStore, 'markAlertSent' | 'getStory'>>;

export interface AlertDeps {
  rules: CompiledRule[];
  store: AlertStore;
  publisher: Publisher;
  now?: Date;
  /**
   * How long a pending claim belongs to the article that made it (real time, default 5 minutes:
   * longer than a Lambda's timeout). Past it, another article of the story takes the claim over.
   */
  leaseMs?: number;
}

/** Default lease of a pending claim. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * Sends the alerts a new article deserves. For each matching rule, a conditional write claims
 * (rule, story) so the same story from another feed sends nothing more. The claim is durable: it
 * stays pending until the message is published and then becomes sent, so the same article tried
 * again (a retried Lambda, a run resuming what a killed run left) takes its pending claim over and
 * publishes; a sent claim never alerts again. Past the rule's hourly cap, the first extra alert says
 * that the rest of the hour goes to the digest, and later ones are held (they are stored, and the
 * digest lists them). `suppressed` counts the duplicates and the held alerts.
 */
export async function alertOnArticle(article: TaggedArticle, deps: AlertDeps): Promise<{ sent: number; suppressed: number }> {
  const now = deps.now ?? new Date();
  const createdAt = now.toISOString();
  const hour = createdAt.slice(0, 13);
  const matches = deps.rules.flatMap((rule) => {
    // Spike and watch rules alert on surges, counted by shared/trends, not story by story.
    if (!alertsPerStory(rule)) return [];
    const match = matchRule(rule, article);
    return match ? [{ rule, match }] : [];
  });
  if (!matches.length) return { sent: 0, suppressed: 0 };
  // How many sources carry the story now: a nicety of the message, so a failed read sends without it.
  const story = article.story && deps.store.getStory ? await deps.store.getStory(article.story).catch(() => undefined) : undefined;
  const context = story ? { story: story.id, sources: Math.max(1, story.sources.length), articles: Math.max(1, story.articles) } : undefined;
  // The claim is per (rule, story): the story as it is now (one merged into another claims as the
  // survivor, so a merged story alerts once more at most); articles stored before stories existed
  // fall back to their title key.
  const storyKey = story?.id || article.story || article.storyKey || article.id;
  let sent = 0;
  let suppressed = 0;
  for (const { rule, match } of matches) {
    const message = formatAlert(rule, article, match, { story: context });
    const claim = { ruleId: rule.id, storyKey, articleId: article.id, createdAt, severity: rule.severity, delivery: 'instant' as const, message };
    const durable = deps.store.markAlertSent ? { state: 'pending' as const, owner: article.id, leaseUntil: Date.now() + (deps.leaseMs ?? CLAIM_LEASE_MS) } : {};
    if (!(await deps.store.claimAlert({ ...claim, ...durable }))) {
      suppressed++;
      continue;
    }
    const n = await deps.store.countAlert(rule.id, hour);
    if (n > rule.maxPerHour + 1) {
      await deps.store.markAlertSent?.(rule.id, storyKey, { folded: true });
      suppressed++;
      continue;
    }
    const out = n <= rule.maxPerHour ? message : foldNotice(rule, article, match, hour);
    try {
      await deps.publisher.publish(out);
    } catch (err) {
      // The publish error is the one to report; if the release fails too, the claim stays pending
      // and the retry of this article (or, after the lease, another article of the story) sends it.
      await deps.store.releaseAlert(rule.id, storyKey).catch(() => undefined);
      throw err;
    }
    // A crash before this line leaves the claim pending: the retry publishes again (at least once).
    // The fold notice stands for the alert it replaced, which the digest lists as held back.
    await deps.store.markAlertSent?.(rule.id, storyKey, { folded: n > rule.maxPerHour });
    sent++;
  }
  return { sent, suppressed };
}

/** The one message that replaces the rest of an hour's alerts once a rule reaches its cap. */
export function foldNotice(rule: CompiledRule, article: TaggedArticle, match: RuleMatch, hour: string): AlertMessage {
  const end = new Date(Date.parse(`${hour}:00:00Z`) + 3_600_000).toISOString().slice(11, 16);
  const note =
    `This rule has sent its ${rule.maxPerHour} alerts for the hour. This one and any further matches ` +
    `until ${end} UTC are not sent one by one: they are listed in the next digest.`;
  const base = formatAlert(rule, article, match, { note });
  return {
    ...base,
    email: { subject: truncate(`[${rule.severity}] ${rule.name}: and more (over ${rule.maxPerHour} this hour)`, SUBJECT_MAX), body: base.email.body },
    sms: formatSms(`[${rule.severity.toUpperCase()}] ${rule.id}: over ${rule.maxPerHour}/h, rest in digest. `, base.article.title, article.url),
  };
}
