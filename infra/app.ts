// The CDK app: reads the context (config path, destroyData, profile), validates the config with the
// same checks and messages as `news-monitor rules check`, builds the stack and runs cdk-nag and AWS
// Control Tower's proactive controls (cfn-guard) on it: a finding of either fails the synth.
import path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError, loadConfig } from '../shared/config';
import { controlTowerValidator } from './controls';
import { NewsMonitorStack } from './news-monitor-stack';
import { isProfile, PROFILES, type Profile } from './profile';

/** The context values the app reads (cdk.json, or `-c key=value`). */
export interface AppContext {
  config: string;
  destroyData: boolean;
  stackName: string;
  ingestConcurrency?: number;
  /** What is deployed around the pipeline (infra/profile.ts). */
  profile: Profile;
}

/** Reads and checks the app's context. */
export function readContext(app: App): AppContext {
  const config = app.node.tryGetContext('config');
  if (typeof config !== 'string' || !config) throw new ConfigError('cdk.json', ['context "config" must name the config file (-c config=path/to/config.json)']);
  const destroy = app.node.tryGetContext('destroyData');
  const raw = app.node.tryGetContext('ingestConcurrency');
  const concurrency = raw === undefined ? undefined : Number(raw);
  // The SQS poller's MaximumConcurrency takes 2 to 1000.
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 2 && concurrency <= 1000)) {
    throw new ConfigError('cdk.json', [`context "ingestConcurrency" must be a whole number from 2 to 1000, got ${JSON.stringify(raw)}`]);
  }
  const profile = app.node.tryGetContext('profile') ?? 'standard';
  if (!isProfile(profile)) throw new ConfigError('cdk.json', [`context "profile" must be ${PROFILES.map((p) => `"${p}"`).join(' or ')}, got ${JSON.stringify(profile)}`]);
  return {
    config,
    profile,
    destroyData: destroy === true || destroy === 'true',
    stackName: String(app.node.tryGetContext('stackName') ?? 'NewsMonitor'),
    ingestConcurrency: concurrency,
  };
}

/** Builds the app with cdk-nag's AwsSolutions checks and the Control Tower controls registered; throws ConfigError for a bad config. */
export function buildApp(app = new App()): { app: App; stack: NewsMonitorStack } {
  const ctx = readContext(app);
  const file = path.resolve(ctx.config);
  const config = loadConfig(file);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), controlTowerValidator(ctx.profile));
  const stack = new NewsMonitorStack(app, ctx.stackName, {
    config,
    configSource: ctx.config,
    destroyData: ctx.destroyData,
    ingestConcurrency: ctx.ingestConcurrency,
    profile: ctx.profile,
    description: 'news-monitor: watches news feeds, tags actors and regions, stores articles, sends alerts',
    env: process.env.CDK_DEFAULT_ACCOUNT ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION } : undefined,
  });
  return { app, stack };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    buildApp().app.synth();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // The same lines `rules check` prints, one per problem, and no stack trace.
    process.stderr.write(`news-monitor: ${err.message.split('\n').join('\nnews-monitor: ')}\n`);
    process.exit(1);
  }
}
