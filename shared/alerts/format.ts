// Turns a match into the message subscribers read: an email (subject ≤ 100 characters, a body that
// says what, where, when and why) and an SMS (≤ 160 characters, always with the whole link).
import type { AlertMessage, Tag, TaggedArticle } from '../model';
import type { CompiledRule, RuleMatch } from './rules';
import { oneLine, plainPunctuation, truncate, utcMinute } from './text';

export const SUBJECT_MAX = 100;
export const SMS_MAX = 160;
/** Tag ids carried as message attributes: enough for any filter policy, far below SNS's size limits. */
const MAX_ATTRIBUTE_IDS = 50;
const SUMMARY_MAX = 600;

type RuleInfo = Pick<CompiledRule, 'id' | 'name' | 'query' | 'severity'>;

/** The story an alert is about, as it stands when the alert is sent. */
export interface StoryContext {
  story: string;
  /** Distinct sources carrying it now. */
  sources: number;
  articles: number;
}

/** The alert message for an article that matched a rule. */
export function formatAlert(rule: RuleInfo, article: TaggedArticle, match: RuleMatch, opts: { note?: string; story?: StoryContext } = {}): AlertMessage {
  const title = oneLine(article.title) || '(untitled article)';
  const sc = opts.story;
  const lines = [
    `${rule.name} (rule ${rule.id}, ${rule.severity})`,
    ...(opts.note ? ['', opts.note] : []),
    '',
    title,
    `Source:    ${article.feedName}`,
    `Published: ${utcMinute(article.publishedAt)}${article.dateMissing ? ' (the feed gave no date: time fetched)' : ''}`,
    `Link:      ${article.url || '(the feed gave no link)'}`,
    ...(sc ? [`Story:     carried by ${sc.sources} source${sc.sources === 1 ? '' : 's'} so far (${sc.articles} article${sc.articles === 1 ? '' : 's'}); news-monitor show ${article.id}`] : []),
    '',
    `Actors:    ${names(article.actors) || '(none found)'}`,
    `Regions:   ${names(article.regions) || '(none found)'}`,
    '',
    'Why it matched:',
    `  Rule:    ${rule.query || '(weighted terms only)'}`,
    ...(match.fired?.length ? [`  Held:    ${match.fired.join('; ')}`] : []),
    ...(match.score ? [`  Score:   ${scoreLine(match.score)}`] : []),
    ...(match.words.length ? [`  Words:   ${match.words.map((w) => `"${w}"`).join(', ')}`] : []),
    ...(match.tags.length ? [`  Tags:    ${match.tags.map((id) => describeTag(id, article)).join(', ')}`] : []),
    ...(match.feeds.length ? [`  Feed:    ${match.feeds.join(', ')}`] : []),
  ];
  const summary = oneLine(article.summary ?? '');
  if (summary) lines.push('', truncate(summary, SUMMARY_MAX));
  lines.push('', '-- ', `news-monitor alert ${rule.id}/${article.id}`);
  return {
    kind: 'story',
    ruleId: rule.id,
    ...(article.story ? { story: article.story } : {}),
    ...(sc ? { sources: sc.sources } : {}),
    severity: rule.severity,
    delivery: 'instant',
    article: { id: article.id, url: article.url, title, publishedAt: article.publishedAt, feedName: article.feedName },
    actors: ids(article.actors),
    regions: ids(article.regions),
    email: { subject: truncate(`[${rule.severity}] ${rule.name}: ${title}`, SUBJECT_MAX), body: lines.join('\n') },
    sms: formatSms(`[${rule.severity.toUpperCase()}] ${rule.id}: `, title, article.url),
  };
}

/**
 * An SMS of at most 160 characters: the prefix, as much of the title as fits, and the whole link
 * (a cut link is useless). A link too long to fit is left out and the text says where to find it.
 * Typographic punctuation becomes ASCII so that a Latin-script alert stays one GSM-7 message.
 */
export function formatSms(prefix: string, rawTitle: string, url: string, max = SMS_MAX): string {
  const head = truncate(plainPunctuation(prefix), Math.floor(max / 2), '...');
  const title = plainPunctuation(rawTitle);
  const tail = !url ? ' (no link in the feed)' : head.length + url.length + 1 + 12 <= max ? ` ${url}` : ' (link too long for SMS: see the email)';
  // Lengths in UTF-16 units (what phones and SNS bill by are at least as strict); the title gives way.
  for (let room = max - head.length - tail.length; room >= 0; room--) {
    const sms = `${head}${truncate(title, room, '...')}${tail}`;
    if (sms.length <= max) return sms;
  }
  return `${head}${tail}`.slice(0, max);
}

/** Tag names for a message body: tags found in the text first (by score), then the roll-ups. */
export function names(tags: Tag[] | undefined, max = 8): string {
  const all = tags ?? [];
  const list = [...all.filter((t) => t.mentions.length > 0), ...all.filter((t) => t.mentions.length === 0)].map((t) => t.name);
  const unique = [...new Set(list)];
  return unique.length > max ? `${unique.slice(0, max).join(', ')} and ${unique.length - max} more` : unique.join(', ');
}

/** A weighted-terms score as "5 ≥ 3 (ceasefire +2, talks +1, football -5)". */
export function scoreLine(score: NonNullable<RuleMatch['score']>): string {
  const parts = score.terms.map((t) => `${t.term.replace(/^-/, '')} ${t.weight > 0 ? '+' : ''}${t.weight}`);
  return `${score.total} ≥ ${score.threshold}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

function ids(tags: Tag[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.id))].slice(0, MAX_ATTRIBUTE_IDS);
}

function describeTag(id: string, a: TaggedArticle): string {
  const actor = (a.actors ?? []).find((t) => t.id === id);
  const region = (a.regions ?? []).find((t) => t.id === id);
  const tag = actor ?? region;
  if (!tag) return id;
  const sides = [actor && 'actor', region && 'region'].filter(Boolean).join(' and ');
  const via = tag.mentions.length === 0 && tag.via?.length ? `, via ${tag.via.join(', ')}` : '';
  return `${tag.name} (${id}, ${sides}${via})`;
}
