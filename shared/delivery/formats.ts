// Webhook bodies (DESIGN.md §5): `json` is the outbox line itself; `slack` and `teams` are those
// services' incoming-webhook messages. Feed text is untrusted: it is escaped so that it shows as
// text and never becomes a mention, a link or markup in the channel.
import type { AlertMessage, WebhookFormat } from '../model';
import { truncate, utcMinute } from '../alerts/text';

/** Slack's limit for a section block's text is 3,000 characters; Teams cards have no hard one, but long cards are unreadable. */
const BODY_MAX = 2800;

/** The request body for an alert in a webhook's format. */
export function webhookBody(format: WebhookFormat, msg: AlertMessage): string {
  if (format === 'slack') return JSON.stringify(slackMessage(msg));
  if (format === 'teams') return JSON.stringify(teamsMessage(msg));
  return JSON.stringify(msg);
}

/** Slack mrkdwn escaping: only &, < and > are special (they make links and @-mentions). */
export function slackEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Slack incoming-webhook message: `text` (notifications and old clients) and blocks. */
export function slackMessage(msg: AlertMessage) {
  const title = slackEscape(msg.article.title);
  const link = safeUrl(msg.article.url);
  const headline = link ? `<${link}|${title}>` : title;
  const facts = [`*${msg.severity}*`, `rule \`${slackEscape(msg.ruleId)}\``, msg.article.feedName ? slackEscape(msg.article.feedName) : undefined, utcMinute(msg.article.publishedAt)].filter(Boolean);
  return {
    text: slackEscape(msg.email.subject),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncate(`*${headline}*`, BODY_MAX) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: facts.join(' · ') }] },
      { type: 'section', text: { type: 'mrkdwn', text: truncate(`\`\`\`${slackEscape(msg.email.body).replace(/```/g, "'''")}\`\`\``, BODY_MAX) } },
    ],
  };
}

/**
 * Markdown that Teams' Adaptive Card TextBlocks would interpret (emphasis, links, lists, headings)
 * is backslash-escaped, so a title such as "[click](http://…)" shows as typed.
 */
export function teamsEscape(s: string): string {
  return s.replace(/([\\`*_[\]()#>!~|-])/g, '\\$1');
}

/**
 * A Microsoft Teams message with one Adaptive Card, the format both Teams' Workflows webhooks and
 * the older incoming-webhook connectors accept.
 */
export function teamsMessage(msg: AlertMessage) {
  const link = safeUrl(msg.article.url);
  const facts = [
    { title: 'Severity', value: msg.severity },
    { title: 'Rule', value: teamsEscape(msg.ruleId) },
    ...(msg.article.feedName ? [{ title: 'Source', value: teamsEscape(msg.article.feedName) }] : []),
    { title: 'Published', value: utcMinute(msg.article.publishedAt) },
  ];
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: teamsEscape(msg.email.subject), weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'FactSet', facts },
            { type: 'TextBlock', text: teamsEscape(truncate(msg.email.body, BODY_MAX)), wrap: true, fontType: 'Monospace', isSubtle: true },
          ],
          actions: link ? [{ type: 'Action.OpenUrl', title: 'Open the article', url: link }] : [],
        },
      },
    ],
  };
}

/** An http(s) URL as a link target, or undefined: anything else (javascript:, Slack's `|` and `>`) is not made a link. */
function safeUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return u.href.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C');
  } catch {
    return undefined;
  }
}
