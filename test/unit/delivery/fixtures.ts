import type { AlertMessage, SubscriptionConfig } from '../../../shared/model';

/** An alert as formatAlert makes it, with feed text that tries to be markup. */
export function alertMessage(over: Partial<AlertMessage> = {}): AlertMessage {
  return {
    ruleId: 'ru-ua',
    severity: 'critical',
    delivery: 'instant',
    article: { id: 'a1', url: 'https://news.example.org/a?x=1|2', title: 'Strike <@here> & [click](https://evil.example) on Odesa', publishedAt: '2026-12-01T10:00:00.000Z', feedName: 'Example World' },
    actors: ['RU', 'UA'],
    regions: ['UA', 'black-sea'],
    email: { subject: '[critical] Russia–Ukraine: Strike on Odesa', body: 'Russia–Ukraine (rule ru-ua, critical)\n\nStrike <@here> on Odesa' },
    sms: '[CRITICAL] ru-ua: Strike on Odesa https://news.example.org/a',
    ...over,
  };
}

/** A webhook subscription. */
export function webhook(endpoint: string, over: Partial<SubscriptionConfig> = {}): SubscriptionConfig {
  return { protocol: 'webhook', endpoint, format: 'json', ...over };
}
