// The webhook and notify functions' bundles (lean profile, a config with webhooks), built for real:
// small, the AWS SDK left to the runtime, and loadable in a fresh Node process with their environment.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../infra/constructs/news-function';
import { resourcesOf, synthesize, TEST_CONFIG, type Synthesized } from './synth';

const outdir = path.join(projectRoot, 'node_modules/.cache/news-monitor-bundle-delivery-test', String(process.pid));
let s: Synthesized;
beforeAll(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.mkdirSync(outdir, { recursive: true });
  const hooks = [{ protocol: 'webhook', endpoint: 'https://siem.example.org/news', format: 'json', secretEnv: 'SIEM_SECRET' }];
  s = synthesize({ bundle: true, outdir, raw: { ...TEST_CONFIG, subscriptions: [...TEST_CONFIG.subscriptions, ...hooks] }, props: { profile: 'lean' } });
});
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

function bundle(fn: { fn: { node: { defaultChild?: unknown } } }): { id: string; code: string; file: string } {
  const id = s.stack.getLogicalId(fn.fn.node.defaultChild as never);
  const f = resourcesOf(s, 'AWS::Lambda::Function').find((r) => r.id === id)!;
  const file = path.join(outdir, `asset.${String(f.props.Code.S3Key).replace(/\.zip$/, '')}`, 'index.mjs');
  return { id, file, code: fs.readFileSync(file, 'utf8') };
}

describe('webhook and notify bundles', () => {
  it('are small and leave the gazetteer, zod and the AWS SDK out', () => {
    for (const b of [bundle(s.stack.webhooks!.fn), bundle(s.stack.operations.notify!)]) {
      expect(fs.statSync(b.file).size / 1024).toBeLessThan(150);
      expect(b.code).not.toContain('Türkiye');
      expect(b.code).not.toContain('@smithy/core');
    }
    expect(bundle(s.stack.webhooks!.fn).code).toMatch(/\(\s*"@aws-sdk\/client-ssm"\s*\)/); // required from the runtime's SDK (shared/clients/sdk/)
  });

  it('load in a fresh Node process with the environment the stack sets', () => {
    for (const b of [bundle(s.stack.webhooks!.fn), bundle(s.stack.operations.notify!)]) {
      const env = resourcesOf(s, 'AWS::Lambda::Function').find((f) => f.id === b.id)!.props.Environment.Variables as Record<string, unknown>;
      const plain = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, typeof v === 'string' ? v : `resolved-at-deploy-${k}`]));
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', 'const m = await import(process.argv[1]); console.log(typeof m.handler);', pathToFileURL(b.file).href], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, AWS_REGION: 'eu-west-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...plain },
      });
      expect([b.id, out.trim()]).toEqual([b.id, 'function']);
    }
  });
});
