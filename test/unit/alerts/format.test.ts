import { describe, expect, it } from 'vitest';
import { compileRules, formatAlert, formatSms, matchRule, SMS_MAX } from '../../../shared/alerts';
import { article, testLookup } from './fixtures';

const [rule] = compileRules([{ id: 'ru-ua', name: 'Russia–Ukraine escalation', query: 'actor:RU AND region:UA AND (invasion OR attack)', severity: 'critical' }], { lookup: testLookup }).rules;

function alertFor(over = {}) {
  const a = article(over);
  return formatAlert(rule!, a, matchRule(rule!, a)!);
}

describe('formatAlert', () => {
  it('fills the outbox shape: rule, severity, article, tag ids, email and sms', () => {
    const m = alertFor();
    expect(m).toMatchObject({
      ruleId: 'ru-ua',
      severity: 'critical',
      delivery: 'instant',
      article: { id: 'a1', url: 'https://wire-a.example/story', title: 'Russian forces attack positions near Donetsk', publishedAt: '2026-11-27T14:03:00.000Z', feedName: 'Wire A' },
      actors: ['RU'],
      regions: ['donetsk-oblast', 'donbas', 'UA'],
    });
  });

  it('writes an email body with title, source, time, link, names and why it matched', () => {
    const body = alertFor().email.body;
    for (const part of [
      'Russian forces attack positions near Donetsk',
      'Source:    Wire A',
      'Published: 2026-11-27 14:03 UTC',
      'Link:      https://wire-a.example/story',
      'Actors:    Russia',
      'Regions:   Donetsk Oblast, Donbas, Ukraine',
      'Rule:    actor:RU AND region:UA AND (invasion OR attack)',
      'Words:   "invasion", "attack"',
      'Tags:    Russia (RU, actor), Ukraine (UA, region, via donbas)',
    ]) {
      expect(body).toContain(part);
    }
    expect(body).not.toMatch(/<[a-z]/i);
  });

  it('keeps the subject within 100 characters however long the title', () => {
    const m = alertFor({ title: `Attack ${'very '.repeat(40)}long title` });
    expect(m.email.subject.length).toBeLessThanOrEqual(100);
    expect(m.email.subject).toMatch(/^\[critical\] Russia–Ukraine escalation: Attack very/);
    expect(m.email.subject.endsWith('…')).toBe(true);
  });

  it('keeps the SMS within 160 characters with the whole link, cutting the title instead', () => {
    const url = 'https://wire-a.example/2026/11/27/world/europe/russian-forces-attack-positions-near-donetsk-officials-say';
    const m = alertFor({ title: `Attack ${'word '.repeat(50)}`, url });
    expect(m.sms.length).toBeLessThanOrEqual(SMS_MAX);
    expect(m.sms.startsWith('[CRITICAL] ru-ua: Attack word')).toBe(true);
    expect(m.sms.endsWith(` ${url}`)).toBe(true);
  });

  it('says where the link is when the link alone is too long for an SMS', () => {
    const url = `https://wire-a.example/${'x'.repeat(200)}`;
    const m = alertFor({ url });
    expect(m.sms.length).toBeLessThanOrEqual(SMS_MAX);
    expect(m.sms).toContain('(link too long for SMS: see the email)');
    expect(m.sms).not.toContain('xxxx');
  });

  it('keeps a Latin-script SMS in plain characters, so it is billed as one GSM-7 message', () => {
    const m = alertFor({ title: `Attack near Donetsk — “a new phase” ${'in the war '.repeat(20)}` });
    expect(m.sms).toMatch(/^[\x20-\x7e]+$/);
    expect(m.sms).toContain('Attack near Donetsk - "a new phase" in the war');
    expect(m.sms).toMatch(/\.\.\. https:\/\/wire-a\.example\/story$/);
  });

  it('flattens line breaks in titles', () => {
    expect(alertFor({ title: 'Attack\n\tnear   Donetsk' }).article.title).toBe('Attack near Donetsk');
  });
});

describe('formatSms', () => {
  it('counts characters beyond the Basic Multilingual Plane as SMS length does', () => {
    const sms = formatSms('[INFO] r: ', '🚀'.repeat(100), 'https://x.example/a');
    expect(sms.length).toBeLessThanOrEqual(SMS_MAX);
    expect(sms.endsWith(' https://x.example/a')).toBe(true);
  });

  it('says so when the feed gave no link', () => {
    expect(formatSms('[INFO] r: ', 'Title', '')).toBe('[INFO] r: Title (no link in the feed)');
  });
});
