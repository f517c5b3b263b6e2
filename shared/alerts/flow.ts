// The alert flow for one new article: match → claim (rule, story) once → hourly cap → publish.
import type { AlertMessage, TaggedArticle } from '../model';
import type { ArticleStore } from '../store';
import { formatAlert, formatSms, SUBJECT_MAX } from './format';
import { truncate } from './text';
import type { Publisher } from './publisher';
import { alertsPerStory, matchRule, type CompiledRule, type RuleMatch } from './rules';

/**
 * The store calls the flow needs. `releaseAlert` gives a claim back after a failed publish so that
 * the retry can send the alert instead of finding it already claimed.
 */
export type AlertStore = Pick<ArticleStore, 'claimAlert' | 'countAlert' | 'releaseAlert'>;

export interface AlertDeps {
  rules: CompiledRule[];
  store: AlertStore;
  publisher: Publisher;
  now?: Date;
}

/**
 * Sends the alerts a new article deserves. For each matching rule, a conditional write claims
 * (rule, story) so the same story from another feed, a re-run or a retried Lambda sends nothing
 * more. Past the rule's hourly cap, the first extra alert says that the rest of the hour goes to the
 * digest, and later ones are held (they are stored, and the digest lists them). `suppressed` counts
 * the duplicates and the held alerts.
 */
export async function alertOnArticle(article: TaggedArticle, deps: AlertDeps): Promise<{ sent: number; suppressed: number }> {
  const now = deps.now ?? new Date();
  const createdAt = now.toISOString();
  const hour = createdAt.slice(0, 13);
  const storyKey = article.storyKey || article.id;
  let sent = 0;
  let suppressed = 0;
  for (const rule of deps.rules) {
    // Spike and watch rules alert on surges, counted by shared/trends, not story by story.
    if (!alertsPerStory(rule)) continue;
    const match = matchRule(rule, article);
    if (!match) continue;
    const message = formatAlert(rule, article, match);
    const first = await deps.store.claimAlert({ ruleId: rule.id, storyKey, articleId: article.id, createdAt, severity: rule.severity, delivery: 'instant', message });
    if (!first) {
      suppressed++;
      continue;
    }
    const n = await deps.store.countAlert(rule.id, hour);
    if (n > rule.maxPerHour + 1) {
      suppressed++;
      continue;
    }
    const out = n <= rule.maxPerHour ? message : foldNotice(rule, article, match, hour);
    try {
      await deps.publisher.publish(out);
    } catch (err) {
      // The publish error is the one to report; if the release fails too, the claim stays and the
      // alert is lost for this story, which the failed-publish alarm and the digest still show.
      await deps.store.releaseAlert(rule.id, storyKey).catch(() => undefined);
      throw err;
    }
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
