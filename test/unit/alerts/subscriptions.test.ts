import { describe, expect, it } from 'vitest';
import { filterPolicyFor, isE164, isEmail } from '../../../shared/alerts';

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
