// Invoked by SNS through the alias of one webhook subscription: delivers the alert to it. A failure
// is thrown, so Lambda retries the event twice and then sends it to the dead-letter queue.
import type { Context, SNSEvent } from 'aws-lambda';
import { ssmClient } from '../shared/clients/ssm';
import { requireEnv } from '../shared/clients/env';
// Module by module, not the shared/delivery index: the local publisher and its file store stay out.
import { deliverSnsRecords, SsmSecrets, targetForInvocation } from '../shared/delivery/cloud';
import { nodePost } from '../shared/delivery/post';
import { bundledConfig } from './lib/config';
import { logger, observed } from './lib/observability';

const config = bundledConfig();
const secrets = new SsmSecrets({ client: ssmClient(), prefix: requireEnv('WEBHOOK_SECRET_PREFIX') });

/** Delivers the event's alerts to the webhook the invoked alias stands for. */
export const handler = observed('webhook', async (event: SNSEvent, context: Context): Promise<void> => {
  const target = await targetForInvocation(config, context.invokedFunctionArn, secrets);
  const delivered = await deliverSnsRecords(event.Records, target, { post: nodePost, allowPrivateNetworks: config.allowPrivateNetworks });
  logger.info('webhook delivered', { webhook: target.label, delivered });
});
