// Runs on the digest schedule: one digest per rule (delivery=digest) of the alerts since the last run.
// Straight from the modules, not the shared/alerts index (see alert.ts).
import { digestPeriodMs, digestWindow, sendDigests } from '../shared/alerts/digest';
import { SnsPublisher } from '../shared/alerts/sns';
import { dynamoClient } from '../shared/clients/dynamo';
import { requireEnv } from '../shared/clients/env';
import { snsClient } from '../shared/clients/sns';
import { ArticleStore } from '../shared/store';
import { bundledConfig, bundledRules } from './lib/config';
import { logger, observed } from './lib/observability';

const config = bundledConfig();
const rules = bundledRules();
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
