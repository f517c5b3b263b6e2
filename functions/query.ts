// The query API behind API Gateway (HTTP API, IAM auth): GET /articles, /articles/{id}, /alerts, /tags, /trends.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { dynamoClient } from '../shared/clients/dynamo';
import { requireEnv } from '../shared/clients/env';
import { createApiHandler } from '../shared/query';
import { ArticleStore } from '../shared/store';
import { logger, observed } from './lib/observability';

const store = new ArticleStore({ client: dynamoClient(), tableName: requireEnv('TABLE_NAME') });
const api = createApiHandler({ store, logError: (message, err) => logger.error(message, err as Error) });

/** Answers one API request; errors become 400/404/405/500 responses inside `api`, never a thrown error. */
export const handler = observed('query', (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => api(event));
