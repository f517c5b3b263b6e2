// One synth that really bundles (esbuild through NodejsFunction), so bundle problems are caught:
// every function's asset is an ES module with a source map, has the config compiled in, leaves the
// AWS SDK to the runtime, and loads in a fresh Node process with the environment the stack sets.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../infra/constructs/news-function';
import { resourcesOf, synthesize, TEST_CONFIG, type Synthesized } from './synth';

// Under node_modules, so an imported bundle resolves @aws-sdk/* as the Lambda runtime provides it.
const outdir = path.join(projectRoot, 'node_modules/.cache/news-monitor-bundle-test', String(process.pid));
let s: Synthesized;
let bundles: { id: string; dir: string }[];

beforeAll(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.mkdirSync(outdir, { recursive: true });
  s = synthesize({ bundle: true, outdir });
  bundles = resourcesOf(s, 'AWS::Lambda::Function').map((f) => ({ id: f.id, dir: path.join(outdir, `asset.${String(f.props.Code.S3Key).replace(/\.zip$/, '')}`) }));
});
afterAll(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
});

/** The bundle of one NewsFunction of the synthesized stack. */
function bundleOf(fn: { fn: { node: { defaultChild?: unknown } } }): { id: string; dir: string } {
  const id = s.stack.getLogicalId(fn.fn.node.defaultChild as never);
  return bundles.find((b) => b.id === id)!;
}

describe('function bundles', () => {
  it('are minified ES modules with an external source map, one per function', () => {
    expect(bundles).toHaveLength(5);
    for (const b of bundles) {
      const code = fs.readFileSync(path.join(b.dir, 'index.mjs'), 'utf8');
      expect(fs.existsSync(path.join(b.dir, 'index.mjs.map'))).toBe(true);
      expect(code).toMatch(/^import\{createRequire as __nmCreateRequire\}from'node:module';/);
      expect(code).toMatch(/export\s*\{[^}]*as handler[^}]*\}|export\s*\{\s*handler\s*\}/);
      // Minified: few, long lines (the banner and the body).
      expect(code.split('\n').length).toBeLessThan(200);
    }
  });

  it('are each at most 300 KB, source map aside (issues 7, 12, 13)', () => {
    const over = bundles.map((b) => ({ id: b.id, kb: fs.statSync(path.join(b.dir, 'index.mjs')).size / 1024 })).filter((b) => b.kb > 300).map((b) => `${b.id}: ${b.kb.toFixed(1)} KB`);
    expect(over).toEqual([]);
  });

  it('keep non-ASCII text as UTF-8 rather than \\u escapes (BUNDLE_SETTINGS.charset)', () => {
    const ingest = fs.readFileSync(path.join(bundleOf(s.stack.ingestion.ingest).dir, 'index.mjs'), 'utf8');
    expect(ingest).not.toMatch(/\\u04[0-9a-f]{2}/i); // no escaped Cyrillic (the rules' Russian words)
  });

  it('ship the gazetteer as one data file beside the bundles that tag, never inside a bundle (issue 12)', () => {
    for (const b of bundles) {
      const code = fs.readFileSync(path.join(b.dir, 'index.mjs'), 'utf8');
      expect(code, b.id).not.toContain('Pokrovsk'); // a town of the gazetteer
    }
    for (const fn of [s.stack.ingestion.ingest]) {
      const data = path.join(bundleOf(fn).dir, 'gazetteer.generated.txt');
      expect(fs.readFileSync(data, 'utf8')).toContain('\nPokrovsk|UA');
    }
    for (const fn of [s.stack.alerting.alert, s.stack.alerting.digest]) expect(fs.existsSync(path.join(bundleOf(fn).dir, 'gazetteer.generated.txt'))).toBe(false);
  });

  it("ship the story clusterer's word table beside the ingest bundle only, never inside a bundle (issue 13)", () => {
    const ingest = bundleOf(s.stack.ingestion.ingest).dir;
    expect(fs.readFileSync(path.join(ingest, 'index.mjs'), 'utf8')).not.toContain('"buckets"');
    expect(JSON.parse(fs.readFileSync(path.join(ingest, 'word-weights.generated.json'), 'utf8')).buckets.length).toBeGreaterThan(10);
    for (const fn of [s.stack.alerting.alert, s.stack.queryApi.query]) expect(fs.existsSync(path.join(bundleOf(fn).dir, 'word-weights.generated.json'))).toBe(false);
  });

  it("replace xmlbuilder with the feed code's stand-in (BUNDLE_SETTINGS.alias)", () => {
    const ingest = fs.readFileSync(path.join(bundleOf(s.stack.ingestion.ingest).dir, 'index.mjs'), 'utf8');
    expect(ingest).toContain('xmlbuilder is left out of the Lambda bundles');
    expect(ingest).not.toContain('Missing element name'); // an error message of xmlbuilder's XMLElement
  });

  it('give the alert and digest functions rules compiled at synth, without the gazetteer or the rule parser', () => {
    for (const fn of [s.stack.alerting.alert, s.stack.alerting.digest]) {
      const code = fs.readFileSync(path.join(bundleOf(fn).dir, 'index.mjs'), 'utf8');
      expect(code).toContain(`"id":"${TEST_CONFIG.rules[0]!.id}"`); // the compiled rule, with its syntax tree
      expect(code).toContain('"ast":');
      expect(code).not.toContain('Türkiye'); // gazetteer data
      expect(code).not.toContain('missing closing parenthesis'); // a rule parser message
    }
  });

  it('compile the validated config in (a configured feed URL is in the dispatch bundle)', () => {
    const dispatchId = s.stack.getLogicalId(s.stack.ingestion.dispatch.fn.node.defaultChild as never);
    const code = fs.readFileSync(path.join(bundles.find((b) => b.id === dispatchId)!.dir, 'index.mjs'), 'utf8');
    expect(code).toContain(TEST_CONFIG.feeds[0]!.url);
    expect(code).not.toContain('process.env.NEWS_MONITOR_CONFIG');
  });

  it('leave the AWS SDK to the Lambda runtime', () => {
    for (const b of bundles) {
      const code = fs.readFileSync(path.join(b.dir, 'index.mjs'), 'utf8');
      expect(code).not.toContain('@smithy/core');
      // Loaded at run time from the runtime's copy with require() (shared/clients/sdk/), never bundled nor imported.
      if (code.includes('@aws-sdk/')) expect(code).toMatch(/\(\s*"@aws-sdk\/client-[a-z]+"\s*\)/);
      expect(code).not.toMatch(/from\s*"@aws-sdk\//);
    }
  });

  it('load in a fresh Node process with the environment the stack sets', () => {
    for (const b of bundles) {
      const env = resourcesOf(s, 'AWS::Lambda::Function').find((f) => f.id === b.id)!.props.Environment.Variables as Record<string, unknown>;
      const plain = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, typeof v === 'string' ? v : `resolved-at-deploy-${k}`]));
      const out = execFileSync(
        process.execPath,
        ['--input-type=module', '-e', 'const m = await import(process.argv[1]); console.log(typeof m.handler);', pathToFileURL(path.join(b.dir, 'index.mjs')).href],
        { encoding: 'utf8', env: { PATH: process.env.PATH, AWS_REGION: 'eu-west-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...plain } },
      );
      expect([b.id, out.trim()]).toEqual([b.id, 'function']);
    }
  });
});
