// Lean profile: the action of every alarm. Publishes the alarm's state change to the ops topic,
// which CloudWatch cannot do itself when the topic is encrypted with alias/aws/sns.
import { PublishCommand } from '../shared/clients/sdk/sns';
import { alarmNotice, type AlarmEvent } from '../shared/alerts/alarm-notice';
import { requireEnv } from '../shared/clients/env';
import { snsClient } from '../shared/clients/sns';
import { logger, observed } from './lib/observability';

const topicArn = requireEnv('TOPIC_ARN');

/** Sends one notification per alarm state change. */
export const handler = observed('notify', async (event: AlarmEvent): Promise<void> => {
  const { subject, message } = alarmNotice(event);
  await snsClient().send(new PublishCommand({ TopicArn: topicArn, Subject: subject, Message: message }));
  logger.info('alarm notified', { alarm: event.alarmData?.alarmName, state: event.alarmData?.state?.value });
});
