// Webhook delivery (DESIGN.md §5): message formats, signing, one request with retries, and the
// local publisher that keeps failed deliveries for the next run. The cloud's function
// (functions/webhook.ts) sends with the same deliver().
export { webhookBody, slackMessage, teamsMessage, slackEscape, teamsEscape } from './formats';
export { signature, verifySignature, SIGNATURE_HEADER } from './sign';
export { WebhookError, endpointLabel } from './errors';
export { nodePost, type PostFn, type PostOptions } from './post';
export { deliver, deliveryId, deliveryRequest, webhookTarget, DEFAULT_RETRY, DEFAULT_TIMEOUT_SECONDS, DELIVERY_HEADER, type RetryPolicy, type WebhookTarget } from './deliver';
export { FilePendingStore, pendingFile, type PendingDelivery, type PendingStore } from './pending';
export { WebhookPublisher, fanOut, PER_ENDPOINT_CONCURRENCY, PENDING_MAX_AGE_DAYS, type DeliveryReport } from './publisher';
export { localWebhookPublisher, webhookTargets, WebhookSecretError } from './local';
