// The cloud publisher: one SNS message per alert, with an email and an SMS text (MessageStructure
// json) and the attributes subscription filter policies select on.
import { PublishCommand, type MessageAttributeValue, type SNSClient } from '../clients/sdk/sns';
import type { AlertMessage } from '../model';
import type { Publisher } from './publisher';
import { AlertPublishError } from './errors';
import { asciiSubject } from './text';

/** Publishes alerts to an SNS topic. */
export class SnsPublisher implements Publisher {
  private readonly client: SNSClient;
  private readonly topicArn: string;

  constructor(opts: { client: SNSClient; topicArn: string }) {
    this.client = opts.client;
    this.topicArn = opts.topicArn;
  }

  /** Sends one message; SNS errors are rethrown with the rule and article named. */
  async publish(msg: AlertMessage): Promise<void> {
    try {
      await this.client.send(new PublishCommand(publishInput(this.topicArn, msg)));
    } catch (err) {
      throw new AlertPublishError(`could not publish alert ${msg.ruleId} for article ${msg.article.id}: ${(err as Error).message}`, { cause: err });
    }
  }
}

/**
 * The Publish input for an alert. `default` (for HTTP, SQS and Lambda subscribers) is the alert as
 * JSON without its two texts; `email` and `sms` are the texts; `lambda` (the webhook function) is the
 * whole outbox line, which a `json` webhook receives; the subject is ASCII, as SNS requires.
 */
export function publishInput(topicArn: string, msg: AlertMessage) {
  const { email, sms, ...structured } = msg;
  return {
    TopicArn: topicArn,
    MessageStructure: 'json',
    Message: JSON.stringify({ default: JSON.stringify(structured), email: email.body, sms, lambda: JSON.stringify(msg) }),
    Subject: asciiSubject(email.subject),
    MessageAttributes: messageAttributes(msg),
  };
}

/**
 * ruleId, severity and delivery as String; actors and regions as String.Array (a JSON array, as SNS
 * wants it), left out when empty: an absent attribute fails an `actors` filter exactly as an empty
 * list would, without relying on SNS accepting "[]".
 */
export function messageAttributes(msg: AlertMessage): Record<string, MessageAttributeValue> {
  const attrs: Record<string, MessageAttributeValue> = {
    ruleId: { DataType: 'String', StringValue: msg.ruleId },
    severity: { DataType: 'String', StringValue: msg.severity },
    delivery: { DataType: 'String', StringValue: msg.delivery },
  };
  if (msg.actors.length) attrs.actors = { DataType: 'String.Array', StringValue: JSON.stringify(msg.actors) };
  if (msg.regions.length) attrs.regions = { DataType: 'String.Array', StringValue: JSON.stringify(msg.regions) };
  return attrs;
}
