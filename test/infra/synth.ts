// Test helper: builds the stack once with cdk-nag registered, synthesizes it, and hands back the
// template and the nag verdict. Bundling is skipped (the CDK's own "bundling-stacks" context) except
// where a test asks for it, since esbuild for five functions takes seconds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseConfig } from '../../shared/config';
import { controlTowerValidator } from '../../infra/controls';
import { NewsMonitorStack, type NewsMonitorStackProps } from '../../infra/news-monitor-stack';

/** A config with every part the stack reads: feeds, rules, subscriptions of both kinds, ops email. */
export const TEST_CONFIG = {
  feeds: [
    { url: 'https://news.example.org/world.xml', name: 'Example World' },
    { url: 'https://wire.example.net/europe/rss', name: 'Example Europe' },
  ],
  rules: [
    { id: 'ru-ua', name: 'Russia–Ukraine', query: 'actor:RU AND region:UA AND attack', severity: 'critical' },
    { id: 'black-sea', name: 'Black Sea', query: 'region:"Black Sea" AND navy', severity: 'warning' },
  ],
  subscriptions: [
    { protocol: 'email', endpoint: 'analyst@example.org', rules: ['ru-ua'], delivery: 'instant' },
    { protocol: 'email', endpoint: 'desk@example.org', delivery: 'digest' },
    { protocol: 'sms', endpoint: '+14155550123', rules: ['ru-ua'], minSeverity: 'critical' },
  ],
  intervalMinutes: 10,
  digestSchedule: 'cron(30 6 * * ? *)',
  retentionDays: 90,
  opsEmail: 'ops@example.org',
};

export interface Synthesized {
  stack: NewsMonitorStack;
  template: Template;
  /** The raw template, for checks across resources. */
  json: { Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string; Metadata?: unknown }> };
  /** cdk-nag's and Control Tower's findings (rule and construct path); empty when the stack is clean. */
  findings: string[];
  outdir: string;
}

/** Synthesizes a NewsMonitorStack from a raw config; `bundle` runs esbuild for real. */
export function synthesize(opts: { raw?: unknown; bundle?: boolean; props?: Partial<NewsMonitorStackProps>; outdir?: string } = {}): Synthesized {
  const outdir = opts.outdir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'news-monitor-cdk-'));
  const app = new App({ outdir, context: opts.bundle ? {} : { 'aws:cdk:bundling-stacks': [] } });
  // The same two validators as infra/app.ts: cdk-nag and the Control Tower controls of the profile.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), controlTowerValidator(opts.props?.profile ?? 'standard'));
  const config = parseConfig(opts.raw ?? TEST_CONFIG, 'test config');
  const stack = new NewsMonitorStack(app, 'NewsMonitorTest', { config, ...opts.props });
  let findings: string[] = [];
  try {
    app.synth();
  } catch (err) {
    findings = readFindings(outdir);
    if (!findings.length) throw err;
  }
  const json = JSON.parse(fs.readFileSync(path.join(outdir, `${stack.artifactId}.template.json`), 'utf8'));
  return { stack, template: Template.fromJSON(json), json, findings, outdir };
}

function readFindings(outdir: string): string[] {
  const file = path.join(outdir, 'validation-report.json');
  if (!fs.existsSync(file)) return [];
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { pluginReports: { violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[] }[] };
  return report.pluginReports.flatMap((p) => p.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} at ${c.constructPath}`)));
}

/** Resources of one type, with their logical ids. */
export function resourcesOf(s: Synthesized, type: string): { id: string; props: Record<string, any>; deletionPolicy?: string }[] {
  return Object.entries(s.json.Resources)
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => ({ id, props: (r.Properties ?? {}) as Record<string, any>, deletionPolicy: r.DeletionPolicy }));
}
