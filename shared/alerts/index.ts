// Alerts: the rule language, matching, messages, publishers, the alert flow, subscriptions and
// digests. The rule language is documented in docs/RULES.md.
export { RuleError, AlertPublishError } from './errors';
export type { RuleNode, TagSide } from './ast';
export { parseQuery } from './parser';
export { gazetteerLookup, type TagLookup } from './resolve';
export { compileRules, compileRulesStrict, compileQuery } from './compile';
export { matchRule, alertsPerStory, requiredTag, DEFAULT_MAX_PER_HOUR, type CompiledRule, type CompiledSpike, type RuleMatch, type WeightedTerm } from './rules';
export { formatAlert, formatSms, scoreLine, SMS_MAX, SUBJECT_MAX } from './format';
export type { Publisher } from './publisher';
export { OutboxPublisher, terminalLine } from './outbox';
export { SnsPublisher, publishInput, messageAttributes } from './sns';
export { alertOnArticle, foldNotice, type AlertDeps, type AlertStore } from './flow';
export { acceptsMessage, filterPolicyFor, isE164, isEmail, severitiesFrom, SEVERITIES, subscriptionKey } from './subscriptions';
export { buildDigest, sendDigests, alertsOfRule, digestPeriodMs, digestWindow } from './digest';
export { alertOnStreamRecords, type StreamAlertResult } from './stream';
