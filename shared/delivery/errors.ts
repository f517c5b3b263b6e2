/** How a request failed: refused before sending, no answer in time, a network error, or an HTTP status. */
export type WebhookFailure = 'refused' | 'timeout' | 'network' | 'http';

/**
 * A webhook request that failed. The message names the endpoint without its secret parts (see
 * endpointLabel) and says what happened; `retryable` says whether trying again can help.
 */
export class WebhookError extends Error {
  override name = 'WebhookError';
  constructor(
    message: string,
    readonly endpoint: string,
    readonly retryable: boolean,
    readonly kind: WebhookFailure,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * A webhook URL as it may be shown in errors and logs: scheme, host and port only. Chat webhooks
 * carry their secret in the path (hooks.slack.com/services/T…/B…/SECRET) or the query.
 */
export function endpointLabel(endpoint: string): string {
  try {
    const u = new URL(endpoint);
    return `${u.protocol}//${u.host}${u.pathname !== '/' || u.search ? '/…' : '/'}`;
  } catch {
    return '(invalid URL)';
  }
}
