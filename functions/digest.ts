// Runs on the digest schedule: one digest per rule (delivery=digest) of the alerts since the last run.
import { compileRulesStrict, digestPeriodMs, digestWindow, sendDigests, SnsPublisher } from '../shared/alerts';
import { dynamoClient } from '../shared/clients/dynamo';
import { requireEnv } from '../shared/clients/env';
import { snsClient } from '../shared/clients/sns';
import { ArticleStore } from '../shared/store';
import { bundledConfig } from './lib/config';
import { logger, observed } from './lib/observability';

const config = bundledConfig();
const rules = compileRulesStrict(config.rules);
const store = new ArticleStore({ client: dynamoClient(), tableName: requireEnv('TABLE_NAME'), retentionDays: config.retentionDays });
const publisher = new SnsPublisher({ client: snsClient(), topicArn: requireEnv('TOPIC_ARN') });

/**
 * Sends the digests of the period that just ended (the schedule's period, ending at the payload's
 * `scheduledTime` when the schedule passes one). A manual invoke may pass `{"since": ISO, "until": ISO}`.
 */
export const handler = observed('digest', async (event: unknown) => {
  const { since, until } = digestWindow(event, digestPeriodMs(config.digestSchedule), new Date());
  const r = await sendDigests({ rules, store, publisher, since, until });
  logger.info('digests sent', { since, until, ...r });
  return { since, until, digests: r.digests, alerts: r.alerts };
});
