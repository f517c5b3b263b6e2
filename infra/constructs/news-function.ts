import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../../functions/lib/names';
import { BUNDLE_SETTINGS, configDefine, esbuildCliArgs, gazetteerHooks } from './bundling';

/** The repository root: handlers live in functions/<name>.ts under it. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The newest Node.js runtime this aws-cdk-lib knows (cdk-nag AwsSolutions-L1 flags any older one). */
export const NODE_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** What every function of one stack shares: the bundled config and the log group's lifetime. */
export interface FunctionSettings {
  /**
   * The validated config as JSON, compiled into the bundle as `process.env.NEWS_MONITOR_CONFIG`
   * (functions/lib/config bundledConfig reads it). Kept out of the Lambda environment, which has a
   * 4 KB limit and is shown in the console.
   */
  readonly configJson: string;
  /** @default logs.RetentionDays.ONE_YEAR (Control Tower's CT.CLOUDWATCH.PR.2 minimum) */
  readonly logRetention?: logs.RetentionDays;
  /** How the log group is removed with the stack. @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** Encrypts the log groups (CT.CLOUDWATCH.PR.3); its policy must let CloudWatch Logs use it. @default - CloudWatch Logs' own encryption */
  readonly logEncryptionKey?: kms.IKey;
  /**
   * `essential`: the handlers emit only the metrics an alarm of the lean profile reads (and no
   * cold-start metric): each metric is billed monthly. @default 'all'
   */
  readonly metrics?: 'all' | 'essential';
}

export interface NewsFunctionProps extends FunctionSettings {
  /** The handler file's base name in functions/ ("ingest" → functions/ingest.ts, export `handler`). */
  readonly handler: string;
  /** A sentence for the console and the dashboard. */
  readonly description: string;
  /** Chosen per function from what it does (a feed fetch needs more than a query). */
  readonly timeout: Duration;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default - unreserved (the account's pool) */
  readonly reservedConcurrentExecutions?: number;
  /** Where asynchronous invocations go after Lambda's retries. @default - none */
  readonly deadLetterQueue?: sqs.IQueue;
}

/**
 * Every Lambda function of the app is made here, so the defaults live in one place: the latest
 * Node.js runtime, arm64, minified ESM bundles with source maps, X-Ray, a log group with
 * retention, Powertools settings, and a role that may write only to its own log group.
 */
export class NewsFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: NewsFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
      encryptionKey: props.logEncryptionKey,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole: that managed policy may write to every
    // log group in the account; this one may write to its own group only.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `news-monitor ${props.handler} function`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(projectRoot, 'functions', `${props.handler}.ts`),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      runtime: NODE_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      description: props.description,
      timeout: props.timeout,
      memorySize: props.memorySize ?? 256,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      deadLetterQueue: props.deadLetterQueue,
      tracing: lambda.Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        // The same names the handlers fall back to and the alarms and dashboard read.
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
        ...(props.metrics === 'essential' ? { NEWS_MONITOR_METRICS: 'essential' } : {}),
      },
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLE_SETTINGS.target,
        minify: BUNDLE_SETTINGS.minify,
        sourceMap: true,
        sourceMapMode: SourceMapMode.EXTERNAL,
        sourcesContent: false,
        mainFields: [...BUNDLE_SETTINGS.mainFields],
        banner: BUNDLE_SETTINGS.banner,
        externalModules: [...BUNDLE_SETTINGS.external],
        define: configDefine(props.configJson),
        // charset and alias: see esbuildCliArgs.
        esbuildArgs: esbuildCliArgs(),
        // The tagger's gazetteer is a data file beside the bundle, not part of it.
        commandHooks: gazetteerHooks(props.handler),
      },
    });
    // The role's default policy carries X-Ray's actions, which have no resource-level permissions.
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions (AWS requires Resource "*")',
    });
  }

  /** Sets one environment variable (used by the bind helpers, which grant and set together). */
  addEnvironment(name: string, value: string): void {
    this.fn.addEnvironment(name, value);
  }
}

/**
 * An EventBridge Scheduler target that invokes the function. Scheduler's role may invoke this one
 * function only; the grant also names its qualifiers (`ARN:*`, versions and aliases), which cdk-nag
 * reports as a wildcard, acknowledged here for exactly that resource.
 */
export function scheduledInvoke(fn: NewsFunction, opts: { retryAttempts: number; maxEventAge: Duration; input?: scheduler.ScheduleTargetInput }): targets.LambdaInvoke {
  const stack = Stack.of(fn);
  const logicalId = stack.getLogicalId(fn.fn.node.defaultChild as lambda.CfnFunction);
  Validations.of(stack).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
    reason: `Scheduler may invoke only the ${fn.node.id} function; CDK's grantInvoke also covers its versions and aliases (ARN:*)`,
  });
  return new targets.LambdaInvoke(fn.fn, opts);
}
