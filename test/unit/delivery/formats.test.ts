import { describe, expect, it } from 'vitest';
import { slackMessage, teamsMessage, webhookBody } from '../../../shared/delivery';
import { alertMessage } from './fixtures';

describe('webhookBody', () => {
  it('sends the outbox line itself as the json body', () => {
    const msg = alertMessage();
    expect(JSON.parse(webhookBody('json', msg))).toEqual(msg);
  });

  it('makes a Slack message whose text and blocks show feed text as text', () => {
    const body = slackMessage(alertMessage());
    const all = JSON.stringify(body);
    expect(body.text).toContain('Strike on Odesa');
    expect(all).not.toContain('<@here>');
    expect(all).toContain('&lt;@here&gt;');
    // The article link is one Slack link whose target cannot be split by a "|" in the URL.
    expect(body.blocks[0]!.text!.text).toMatch(/^\*<https:\/\/news\.example\.org\/a\?x=1%7C2\|Strike &lt;@here&gt; &amp; \[click\]/);
  });

  it('leaves a javascript: link out of Slack and Teams messages', () => {
    const msg = alertMessage({ article: { ...alertMessage().article, url: 'javascript:alert(1)' } });
    expect(JSON.stringify(slackMessage(msg))).not.toContain('javascript:');
    expect(teamsMessage(msg).attachments[0]!.content.actions).toEqual([]);
  });

  it('makes a Teams message with one Adaptive Card, markdown in feed text escaped', () => {
    const card = teamsMessage(alertMessage()).attachments[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.type).toBe('AdaptiveCard');
    expect(card.content.actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'Open the article', url: 'https://news.example.org/a?x=1%7C2' });
    const facts = Object.fromEntries((card.content.body[1] as { facts: { title: string; value: string }[] }).facts.map((f) => [f.title, f.value]));
    expect(facts).toMatchObject({ Severity: 'critical', Rule: 'ru\\-ua', Source: 'Example World' });
    expect(JSON.stringify(card.content.body)).not.toContain('[click](');
  });
});
