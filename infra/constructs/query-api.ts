import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { bindTable } from '../bind';
import type { ArticleTable } from './article-table';
import { NewsFunction, type FunctionSettings } from './news-function';

export interface QueryApiProps {
  readonly table: ArticleTable;
  readonly functions: FunctionSettings;
  /** Steady requests per second across the API. @default 10 */
  readonly rateLimit?: number;
}

/** The read-only routes (the same queries as the `query` command). */
export const QUERY_ROUTES = ['/articles', '/articles/{id}', '/alerts', '/tags', '/trends'] as const;

/**
 * The query function behind an HTTP API. Every route requires IAM (SigV4) authorisation: only
 * principals of this account with execute-api:Invoke can read the articles.
 */
export class QueryApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly query: NewsFunction;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: QueryApiProps) {
    super(scope, id);
    this.query = new NewsFunction(this, 'Query', {
      ...props.functions,
      handler: 'query',
      description: 'news-monitor: answers the query API',
      timeout: Duration.seconds(10),
      memorySize: 512,
    });
    bindTable(this.query, props.table.table, 'read', props.table.indexNames);

    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'news-monitor query API (IAM-authorised)',
      defaultAuthorizer: new HttpIamAuthorizer(),
      createDefaultStage: false,
    });
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.functions.logRetention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: props.functions.logRemovalPolicy ?? RemovalPolicy.RETAIN,
      encryptionKey: props.functions.logEncryptionKey,
    });
    const rate = props.rateLimit ?? 10;
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: rate, burstLimit: rate * 2 },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(this.accessLogs) },
    });
    // API Gateway invokes the function with a role of its own rather than through a resource-based
    // permission: Control Tower's CT.LAMBDA.PR.2 does not accept the permission CDK would write
    // (its SourceArn is built with Fn::Join and its SourceAccount is a Ref, neither a literal).
    const invoker = new iam.Role(this, 'InvokeRole', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'), description: 'news-monitor query API: invokes the query function' });
    invoker.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.query.fn.functionArn] }));
    const integration = new RoleLambdaIntegration('QueryIntegration', this.query.fn.functionArn, invoker);
    for (const path of QUERY_ROUTES) this.api.addRoutes({ path, methods: [apigw.HttpMethod.GET], integration });
  }

  /** The API's base URL (with the $default stage, no stage path). */
  get url(): string {
    return this.api.apiEndpoint;
  }
}

/** A Lambda proxy integration (payload 2.0) that API Gateway calls with `role`, so the function needs no resource-based permission. */
class RoleLambdaIntegration extends apigw.HttpRouteIntegration {
  constructor(
    id: string,
    private readonly functionArn: string,
    private readonly role: iam.IRole,
  ) {
    super(id);
  }

  /** The integration settings CDK writes for every route that uses it. */
  bind(): apigw.HttpRouteIntegrationConfig {
    return {
      type: apigw.HttpIntegrationType.AWS_PROXY,
      uri: this.functionArn,
      payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
      credentials: apigw.IntegrationCredentials.fromRole(this.role),
    };
  }
}
