import { describe, expect, it } from 'vitest';
import { buildDigest, compileRules, digestPeriodMs, formatAlert, matchRule, sendDigests, type Publisher } from '../../../shared/alerts';
import type { AlertMessage } from '../../../shared/model';
import type { StoredAlert } from '../../../shared/store';
import { article, testLookup } from './fixtures';

const [rule] = compileRules([{ id: 'ru-ua', name: 'Russia–Ukraine escalation', query: 'actor:RU', severity: 'critical', maxPerHour: 2 }], { lookup: testLookup }).rules;

function stored(i: number, createdAt: string, over: Partial<StoredAlert> = {}): StoredAlert {
  const a = article({ id: `a${i}`, title: `Story ${i}`, url: `https://wire-a.example/${i}`, storyKey: `story ${i}` });
  return { ruleId: 'ru-ua', storyKey: a.storyKey, articleId: a.id, createdAt, severity: 'critical', delivery: 'instant', message: formatAlert(rule!, a, matchRule(rule!, a)!), ...over };
}

describe('buildDigest', () => {
  it('lists the period\'s alerts oldest first in one digest message', () => {
    const alerts = [stored(2, '2026-11-27T16:00:00.000Z'), stored(1, '2026-11-27T09:00:00.000Z')];
    const d = buildDigest('ru-ua', alerts, { rule: rule!, since: '2026-11-27T07:00:00.000Z', until: '2026-11-28T07:00:00.000Z' })!;
    expect(d.delivery).toBe('digest');
    expect(d.ruleId).toBe('ru-ua');
    expect(d.email.subject).toBe('[digest] Russia–Ukraine escalation: 2 alerts');
    expect(d.email.body).toContain('2 alerts from 2026-11-27 07:00 UTC to 2026-11-28 07:00 UTC.');
    expect(d.email.body.indexOf('1. Story 1')).toBeGreaterThan(0);
    expect(d.email.body.indexOf('2. Story 2')).toBeGreaterThan(d.email.body.indexOf('1. Story 1'));
    expect(d.email.body).toContain('https://wire-a.example/2');
    expect(d.article.id).toBe('a2');
    expect(d.sms.length).toBeLessThanOrEqual(160);
    expect(d.sms).toBe('[DIGEST] ru-ua: 2 alerts. Latest: Story 2 https://wire-a.example/2');
  });

  it('marks the alerts the hourly cap held back', () => {
    const hour = (m: number) => `2026-11-27T10:${String(m).padStart(2, '0')}:00.000Z`;
    const d = buildDigest('ru-ua', [stored(1, hour(1)), stored(2, hour(2)), stored(3, hour(3)), stored(4, hour(4)), stored(5, '2026-11-27T11:00:00.000Z')], { rule: rule! })!;
    expect(d.email.body).toContain('5 alerts to 2026-11-27 11:00 UTC; 2 of them held back by the hourly cap (not sent one by one).');
    expect(d.email.body).toContain('3. Story 3  [held back]');
    expect(d.email.body).not.toContain('5. Story 5  [held back]');
  });

  it('returns nothing when the rule had no alerts', () => {
    expect(buildDigest('ru-ua', [stored(1, '2026-11-27T10:00:00.000Z', { ruleId: 'other' })])).toBeUndefined();
  });
});

describe('sendDigests', () => {
  it('publishes one digest per rule with alerts, reading every page', async () => {
    const all = Array.from({ length: 5 }, (_, i) => stored(i, `2026-11-27T1${i}:00:00.000Z`));
    const store = {
      listAlerts: async (q: { ruleId?: string; cursor?: string }) => {
        if (q.ruleId !== 'ru-ua') return { items: [], cursor: null };
        return q.cursor ? { items: all.slice(3), cursor: null } : { items: all.slice(0, 3), cursor: 'next' };
      },
    };
    const sent: AlertMessage[] = [];
    const publisher: Publisher = { publish: async (m) => void sent.push(m) };
    const quiet = { id: 'quiet', name: 'Quiet', severity: 'info' as const, maxPerHour: 20 };
    const r = await sendDigests({ rules: [rule!, quiet], store, publisher, since: '2026-11-27T00:00:00.000Z' });
    expect(r).toEqual({ digests: 1, alerts: 5, rules: [{ ruleId: 'ru-ua', alerts: 5 }] });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.email.subject).toContain('5 alerts');
  });
});

describe('digestPeriodMs', () => {
  const H = 3_600_000;
  it.each([
    ['cron(0 7 * * ? *)', 24 * H],
    ['cron(0 * * * ? *)', H],
    ['cron(0 8 ? * MON *)', 7 * 24 * H],
    ['rate(6 hours)', 6 * H],
    ['rate(1 day)', 24 * H],
    ['rate(30 minutes)', H / 2],
    ['at(2026-12-01T00:00:00)', 24 * H],
  ])('%s covers %d ms', (expr, ms) => expect(digestPeriodMs(expr)).toBe(ms));
});
