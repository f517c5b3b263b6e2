import type { AlertMessage } from '../model';

/** Where alert messages go: the outbox file locally, the SNS topic in the cloud. */
export interface Publisher {
  publish(msg: AlertMessage): Promise<void>;
}
