import { describe, expect, it } from 'vitest';
import { acceptsMessage, filterPolicyFor, isE164, isEmail } from '../../../shared/alerts';

describe('filterPolicyFor', () => {
  it('selects instant alerts of every rule and severity by default', () => {
    expect(filterPolicyFor({ protocol: 'email', endpoint: 'ops@example.org' })).toEqual({ delivery: ['instant'] });
  });

  it('lists the rules, the severities at or above the minimum, and the delivery', () => {
    expect(filterPolicyFor({ protocol: 'sms', endpoint: '+14155550123', rules: ['ru-ua', 'black-sea', 'ru-ua'], minSeverity: 'warning', delivery: 'digest' })).toEqual({
      ruleId: ['ru-ua', 'black-sea'],
      severity: ['warning', 'critical'],
      delivery: ['digest'],
    });
    expect(filterPolicyFor({ protocol: 'sms', endpoint: '+14155550123', minSeverity: 'critical' }).severity).toEqual(['critical']);
  });

  it('leaves severity out when the minimum is info, and rules out when the list is empty', () => {
    expect(filterPolicyFor({ protocol: 'email', endpoint: 'a@b.org', rules: [], minSeverity: 'info' })).toEqual({ delivery: ['instant'] });
  });
});

describe('isE164', () => {
  it.each(['+14155550123', '+447911123456', '+380441234567'])('accepts %s', (n) => expect(isE164(n)).toBe(true));
  it.each(['14155550123', '+0441234567', '+1 415 555 0123', '+1415555012345678', '+1234', '', '+44-7911-123456'])('rejects "%s"', (n) => expect(isE164(n)).toBe(false));
});

describe('isEmail', () => {
  it.each(['ops@example.org', 'first.last+alerts@sub.example.co.uk', "o'neil@example.ie", 'x@xn--80ak6aa92e.com'])('accepts %s', (e) => expect(isEmail(e)).toBe(true));
  it.each(['ops@example', 'ops.example.org', '@example.org', 'ops@@example.org', 'a b@example.org', 'ops@-example.org', 'ops@example.org.', '.ops@example.org', `${'a'.repeat(65)}@example.org`])(
    'rejects "%s"',
    (e) => expect(isEmail(e)).toBe(false),
  );
});

describe('acceptsMessage', () => {
  const msg = (ruleId: string, severity: 'info' | 'warning' | 'critical', delivery: 'instant' | 'digest' = 'instant') => ({ ruleId, severity, delivery });
  it('lets through what the subscription filter policy lets through: rules, minimum severity, delivery', () => {
    const sub = { protocol: 'webhook' as const, endpoint: 'https://h.example/x', rules: ['ru-ua'], minSeverity: 'warning' as const };
    expect(acceptsMessage(sub, msg('ru-ua', 'critical'))).toBe(true);
    expect(acceptsMessage(sub, msg('ru-ua', 'info'))).toBe(false);
    expect(acceptsMessage(sub, msg('black-sea', 'critical'))).toBe(false);
    expect(acceptsMessage(sub, msg('ru-ua', 'critical', 'digest'))).toBe(false);
  });

  it('takes every rule and severity of instant alerts by default, and only digests for a digest subscription', () => {
    expect(acceptsMessage({ protocol: 'webhook', endpoint: 'https://h.example/x' }, msg('any', 'info'))).toBe(true);
    const digest = { protocol: 'webhook' as const, endpoint: 'https://h.example/x', delivery: 'digest' as const };
    expect(acceptsMessage(digest, msg('any', 'info'))).toBe(false);
    expect(acceptsMessage(digest, msg('any', 'info', 'digest'))).toBe(true);
  });
});
