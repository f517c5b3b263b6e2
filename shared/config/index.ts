import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Config } from '../model';
import { compileRules, isE164, isEmail } from '../alerts';
import { configSchema } from './schema';

/** A config that cannot be used. `problems` holds one line per problem, naming the field or rule. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly problems: string[],
    options?: ErrorOptions,
  ) {
    super(problems.map((p) => `${source}: ${p}`).join('\n'), options);
  }
}

/** Validates a parsed config object: schema, cross-references and every rule's query. */
export function parseConfig(raw: unknown, source = 'config'): Config {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(source, parsed.error.issues.map(describeIssue));
  const { $schema: _ignored, ...config } = parsed.data;
  const problems = [...crossCheck(config), ...compileRules(config.rules).errors.map((e) => e.message)];
  if (problems.length) throw new ConfigError(source, problems);
  return config;
}

/** Reads and validates a config file. */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [code === 'ENOENT' ? 'file not found' : `cannot read: ${(err as Error).message}`], { cause: err });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(file, [`not valid JSON: ${(err as Error).message}`], { cause: err });
  }
  return parseConfig(resolveRelativeFeeds(raw, path.dirname(path.resolve(file))), file);
}

/** Feed URLs written as "./x.xml" or "../x.xml" are files relative to the config file. */
function resolveRelativeFeeds(raw: unknown, dir: string): unknown {
  if (!raw || typeof raw !== 'object' || !Array.isArray((raw as { feeds?: unknown }).feeds)) return raw;
  const feeds = (raw as { feeds: unknown[] }).feeds.map((f) => {
    const url = (f as { url?: unknown })?.url;
    if (typeof url !== 'string' || !/^\.\.?\//.test(url)) return f;
    return { ...(f as object), url: pathToFileURL(path.resolve(dir, url)).href };
  });
  return { ...(raw as object), feeds };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? formatPath(issue.path) : 'config';
  if (issue.code === 'unrecognized_keys') return `${where}: unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${where}: is required`;
  return `${where}: ${issue.message}`;
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function crossCheck(config: Config): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  config.rules.forEach((r, i) => {
    if (seen.has(r.id)) problems.push(`rules[${i}].id: duplicate rule id "${r.id}" (also rules[${seen.get(r.id)}])`);
    seen.set(r.id, i);
  });
  const urls = new Map<string, number>();
  config.feeds.forEach((f, i) => {
    if (urls.has(f.url)) problems.push(`feeds[${i}].url: duplicate feed ${f.url} (also feeds[${urls.get(f.url)}])`);
    urls.set(f.url, i);
  });
  config.subscriptions.forEach((s, i) => {
    if (s.protocol === 'email' && !isEmail(s.endpoint)) problems.push(`subscriptions[${i}].endpoint: "${s.endpoint}" is not an email address`);
    if (s.protocol === 'sms' && !isE164(s.endpoint)) problems.push(`subscriptions[${i}].endpoint: "${s.endpoint}" is not an E.164 phone number (such as +14155550123)`);
    if (s.protocol === 'webhook' && s.endpoint.startsWith('http:') && !config.allowPrivateNetworks) problems.push(`subscriptions[${i}].endpoint: must be an https:// URL (plain http:// only with "allowPrivateNetworks": true, for local receivers)`);
    for (const id of s.rules ?? []) if (!seen.has(id)) problems.push(`subscriptions[${i}].rules: no rule with id "${id}"`);
  });
  return problems;
}
