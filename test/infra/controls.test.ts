// AWS Control Tower's proactive controls at synth: the validator fails a violating stack, the stack
// itself passes, and every control disabled in infra/controls.ts is named with its reason in DEPLOY.md.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { buildApp } from '../../infra/app';
import { controlTowerValidator, DISABLED_CONTROLS } from '../../infra/controls';
import { projectRoot } from '../../infra/constructs/news-function';
import { synthesize } from './synth';

describe('Control Tower controls', () => {
  it('fail the synth of a stack that violates one (a log group kept a week)', () => {
    const outdir = fs.mkdtempSync(path.join(projectRoot, 'node_modules/.cache/ct-'));
    const app = new App({ outdir });
    Validations.of(app).addPlugins(controlTowerValidator('standard'));
    new logs.LogGroup(new Stack(app, 'Bad'), 'Logs', { retention: logs.RetentionDays.ONE_WEEK });
    expect(() => app.synth()).toThrow();
    const report = fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8');
    expect(report).toContain('CT.CLOUDWATCH.PR.2');
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  it('find nothing in the stack with webhooks (controls not disabled are met)', () => {
    const s = synthesize({ raw: { feeds: [{ url: 'https://a.example/rss', name: 'A' }], subscriptions: [{ protocol: 'webhook', endpoint: 'https://hooks.example.org/x', format: 'json', secretEnv: 'HOOK' }] } });
    expect(s.findings).toEqual([]);
  });

  it('are disabled only with a reason that docs/DEPLOY.md repeats', () => {
    const deploy = fs.readFileSync(path.join(projectRoot, 'docs/DEPLOY.md'), 'utf8');
    for (const c of DISABLED_CONTROLS) {
      expect(c.reason.length).toBeGreaterThan(40);
      const row = deploy.split('\n').find((l) => l.includes(c.id) && l.includes(c.reason));
      expect(row, `${c.id} with its reason`).toBeDefined();
      for (const p of c.profiles) expect(row).toContain(p);
    }
  });

  it('are registered by the CDK app, with the profile\'s disabled controls', () => {
    for (const profile of ['standard', 'lean']) {
      const { app } = buildApp(new App({ context: { config: 'examples/config.example.json', profile, 'aws:cdk:bundling-stacks': [] } }));
      // Stage.policyValidationBeta1 lists the plugins Validations.of(app).addPlugins registered (wrapped, so by name).
      const guard = app.policyValidationBeta1.find((p) => p.name === new CfnGuardValidator().name);
      expect(guard, profile).toBeDefined();
      expect(guard!.ruleIds).not.toContain('lambdapr3');
      expect(guard!.ruleIds).toContain('lambdapr2');
      expect(guard!.ruleIds!.includes('cloudwatchpr3')).toBe(profile === 'standard');
    }
  });
});
