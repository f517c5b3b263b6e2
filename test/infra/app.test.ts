import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { projectRoot } from '../../infra/constructs/news-function';
import { resourcesOf, synthesize, TEST_CONFIG } from './synth';

const run = promisify(execFile);

/** Runs infra/app.ts as `cdk synth` does (context in CDK_CONTEXT_JSON), without bundling. */
async function synthApp(context: Record<string, unknown>): Promise<{ code: number; stderr: string }> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-monitor-app-'));
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
      cwd: projectRoot,
      env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:bundling-stacks': [], ...context }) },
    });
    return { code: 0, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

function writeConfig(raw: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'news-monitor-cfg-')), 'config.json');
  fs.writeFileSync(file, JSON.stringify(raw));
  return file;
}

describe('infra/app.ts', () => {
  it('fails synth on a bad rule with the one-line message rules check gives, and no stack trace', async () => {
    const file = writeConfig({ ...TEST_CONFIG, rules: [{ id: 'broken', name: 'Broken', query: 'actor:RU AND (region:UA', severity: 'critical' }], subscriptions: [] });
    const { code, stderr } = await synthApp({ config: file });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^news-monitor: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*broken.*`));
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('names a missing config file', async () => {
    const { code, stderr } = await synthApp({ config: '/nonexistent/news-monitor.json' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('news-monitor: /nonexistent/news-monitor.json: file not found');
  });

  it('names the field of a config that breaks the schema', async () => {
    const { code, stderr } = await synthApp({ config: writeConfig({ ...TEST_CONFIG, intervalMinutes: 0 }) });
    expect(code).toBe(1);
    expect(stderr).toContain('intervalMinutes');
  });

  it('refuses an ingest concurrency the SQS poller cannot take', async () => {
    const { code, stderr } = await synthApp({ config: writeConfig(TEST_CONFIG), ingestConcurrency: '1' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('news-monitor: cdk.json: context "ingestConcurrency" must be a whole number from 2 to 1000, got "1"');
  });

  it('synthesizes the committed example config (the cdk.json default) cleanly', async () => {
    const context = JSON.parse(fs.readFileSync(path.join(projectRoot, 'cdk.json'), 'utf8')).context as Record<string, unknown>;
    const { code, stderr } = await synthApp({ config: context.config });
    expect(stderr).not.toContain('AwsSolutions');
    expect(code).toBe(0);
  });
});

describe('NewsMonitorStack options', () => {
  it('deletes the table, the topic key and the log groups with the stack when destroyData is set', () => {
    const s = synthesize({ props: { destroyData: true } });
    expect(s.findings).toEqual([]);
    for (const type of ['AWS::DynamoDB::Table', 'AWS::KMS::Key', 'AWS::Logs::LogGroup']) {
      for (const r of resourcesOf(s, type)) expect([type, r.deletionPolicy]).toEqual([type, 'Delete']);
    }
    expect(resourcesOf(s, 'AWS::DynamoDB::Table')[0]!.props.DeletionProtectionEnabled).toBe(false);
  });

  it('refuses two subscriptions of one endpoint, which SNS would reject at deploy time', () => {
    const raw = { ...TEST_CONFIG, subscriptions: [TEST_CONFIG.subscriptions[0], { ...TEST_CONFIG.subscriptions[0], delivery: 'digest' }] };
    expect(() => synthesize({ raw })).toThrow(/subscriptions\[1\]\.endpoint: analyst@example\.org is already subscribed by subscriptions\[0\]/);
  });

  it('warns that a file: feed cannot be read in the cloud', () => {
    const raw = { ...TEST_CONFIG, feeds: [...TEST_CONFIG.feeds, { url: 'file:///tmp/demo.xml', name: 'Local demo' }] };
    const s = synthesize({ raw });
    const warnings = s.stack.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    expect(warnings.some((w) => w.includes('feeds[2] (Local demo) is a file: URL'))).toBe(true);
  });

  it('takes the ingest concurrency from the props, for the function and the poller alike', () => {
    const s = synthesize({ props: { ingestConcurrency: 8 } });
    expect(resourcesOf(s, 'AWS::Lambda::Function').map((f) => f.props.ReservedConcurrentExecutions).filter(Boolean)).toEqual([8]);
    expect(resourcesOf(s, 'AWS::Lambda::EventSourceMapping').map((m) => m.props.ScalingConfig?.MaximumConcurrency).filter(Boolean)).toEqual([8]);
  });
});

describe('cdk-nag in the app', () => {
  it('fails synth on an unacknowledged finding (the check is live, not a formality)', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'news-monitor-nag-')) });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const stack = new Stack(app, 'Careless');
    new sqs.Queue(stack, 'Plain', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    expect(() => app.synth()).toThrow(/SQS Queue does not have server-side encryption/);
  });
});
