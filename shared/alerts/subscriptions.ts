// Subscriptions: validation of endpoints and the SNS filter policy that picks a subscriber's alerts.
import { createHash } from 'node:crypto';
import type { AlertMessage, Severity, SubscriptionConfig } from '../model';

/** Severities from least to most urgent. */
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'critical'];

/** The severities at or above `min`. */
export function severitiesFrom(min: Severity): Severity[] {
  return SEVERITIES.slice(SEVERITIES.indexOf(min));
}

/**
 * The SNS filter policy (scope MessageAttributes) for a subscription: its rules (all when none are
 * listed), the severities at or above its minimum, and its delivery (instant alerts by default).
 */
export function filterPolicyFor(sub: SubscriptionConfig): Record<string, string[]> {
  const policy: Record<string, string[]> = {};
  if (sub.rules?.length) policy.ruleId = [...new Set(sub.rules)];
  if (sub.minSeverity && sub.minSeverity !== 'info') policy.severity = severitiesFrom(sub.minSeverity);
  policy.delivery = [sub.delivery ?? 'instant'];
  return policy;
}

/** True for an E.164 phone number: '+', a country code not starting with 0, 8 to 15 digits in all. */
export function isE164(s: string): boolean {
  return /^\+[1-9]\d{7,14}$/.test(s);
}

// Deliberately practical rather than RFC 5322: one '@', no spaces, a dotted domain of valid labels.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** True for an email address SNS can deliver to (user@example.org). */
export function isEmail(s: string): boolean {
  if (s.length > 254) return false;
  const at = s.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  const local = s.slice(0, at);
  const labels = s.slice(at + 1).split('.');
  return LOCAL.test(local) && labels.length >= 2 && labels.every((l) => LABEL.test(l)) && /^[A-Za-z]{2,}$|^xn--/.test(labels[labels.length - 1]!);
}

/**
 * Whether a subscription's filter policy lets `msg` through: the same decision SNS makes in the
 * cloud, taken from the same policy, so local webhook delivery and SNS agree by construction.
 */
export function acceptsMessage(sub: SubscriptionConfig, msg: Pick<AlertMessage, 'ruleId' | 'severity' | 'delivery'>): boolean {
  const attrs: Record<string, string> = { ruleId: msg.ruleId, severity: msg.severity, delivery: msg.delivery };
  return Object.entries(filterPolicyFor(sub)).every(([k, allowed]) => attrs[k] !== undefined && allowed.includes(attrs[k]!));
}

/** A stable id for a subscription (12 hex characters): SNS allows one subscription per protocol and endpoint on a topic. */
export function subscriptionKey(sub: Pick<SubscriptionConfig, 'protocol' | 'endpoint'>): string {
  return createHash('sha256').update(`${sub.protocol}:${sub.endpoint.trim().toLowerCase()}`).digest('hex').slice(0, 12);
}
