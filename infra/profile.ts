// Deployment profiles (`-c profile=lean`). `standard` watches everything: a dashboard, an alarm for
// every function's errors and throttles, application metrics, a customer-managed KMS key for topics
// and logs. `lean` keeps only what tells an operator that data is being lost, for about a quarter
// of the fixed cost (docs/DEPLOY.md, `news-monitor cost`).
export type Profile = 'standard' | 'lean';

/** Every profile, the default first. */
export const PROFILES: readonly Profile[] = ['standard', 'lean'];

/** True for a profile name. */
export function isProfile(s: unknown): s is Profile {
  return typeof s === 'string' && (PROFILES as readonly string[]).includes(s);
}
