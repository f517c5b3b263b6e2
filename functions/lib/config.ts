import type { CompiledRule } from '../../shared/alerts/rules';
import type { Config } from '../../shared/model';

/** The bundle was built without a config (a bundling mistake, not a user error). */
export class BundledConfigError extends Error {
  override name = 'BundledConfigError';
}

/**
 * The config compiled into this bundle by esbuild's `define` of `process.env.NEWS_MONITOR_CONFIG`.
 * It is the output of shared/config loadConfig at synth time (validated, defaults filled in), so it
 * is not validated again here: that would put the zod schema (~440 KB minified) into every bundle
 * and on every cold start. The expression is written out literally because `define` replaces only
 * that exact expression. Locally and in tests the same variable is read from the environment.
 */
export function bundledConfig(): Config {
  const text = process.env.NEWS_MONITOR_CONFIG;
  if (!text) throw new BundledConfigError('NEWS_MONITOR_CONFIG is not set: the bundle was built without a config');
  const config = JSON.parse(text) as Config;
  if (!Array.isArray(config.feeds) || !Array.isArray(config.rules)) throw new BundledConfigError('NEWS_MONITOR_CONFIG is not a validated config (feeds or rules missing)');
  return config;
}

/**
 * The rules compiled at synth (infra/constructs/bundling.ts configDefine: parsed, tag names resolved
 * to ids), compiled into the bundle as `process.env.NEWS_MONITOR_RULES`. The alert and digest
 * functions take them as they are, so the gazetteer and the rule parser stay out of their bundles.
 */
export function bundledRules(): CompiledRule[] {
  const text = process.env.NEWS_MONITOR_RULES;
  if (!text) throw new BundledConfigError('NEWS_MONITOR_RULES is not set: the bundle was built without compiled rules');
  const rules = JSON.parse(text) as CompiledRule[];
  if (!Array.isArray(rules) || rules.some((r) => typeof r?.id !== 'string' || !r.ast)) throw new BundledConfigError('NEWS_MONITOR_RULES is not a list of compiled rules');
  return rules;
}
