import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
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
      retention: props.functions.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.functions.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    const rate = props.rateLimit ?? 10;
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: rate, burstLimit: rate * 2 },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(this.accessLogs) },
    });
    const integration = new HttpLambdaIntegration('QueryIntegration', this.query.fn);
    for (const path of QUERY_ROUTES) this.api.addRoutes({ path, methods: [apigw.HttpMethod.GET], integration });
  }

  /** The API's base URL (with the $default stage, no stage path). */
  get url(): string {
    return this.api.apiEndpoint;
  }
}
