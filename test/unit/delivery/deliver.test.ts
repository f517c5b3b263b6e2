import { describe, expect, it } from 'vitest';
import { deliver, endpointLabel, webhookTarget, WebhookError, type PostFn } from '../../../shared/delivery';
import { alertMessage, webhook } from './fixtures';

const noWait = async () => {};
const SLACK = 'https://hooks.slack.com/services/T000/B000/XXXXSECRET';

/** A post double that answers from a script: a status, or 'timeout'. */
function scripted(answers: (number | 'timeout')[]): { post: PostFn; calls: number } {
  const state = { calls: 0, post: (async (endpoint: string) => {
    const a = answers[Math.min(state.calls++, answers.length - 1)]!;
    if (a === 'timeout') throw new WebhookError(`${endpointLabel(endpoint)}: no answer within 10 s`, endpoint, true, 'timeout');
    if (a >= 300) throw new WebhookError(`${endpointLabel(endpoint)}: answered HTTP ${a}`, endpoint, a >= 500 || a === 429, 'http', a);
    return { status: a };
  }) as PostFn };
  return state;
}

describe('deliver', () => {
  it('retries a 500 with backoff and succeeds on a later attempt', async () => {
    const s = scripted([500, 503, 200]);
    const waits: number[] = [];
    const n = await deliver(webhookTarget(webhook(SLACK), 0), alertMessage(), { post: s.post, allowPrivateNetworks: false, sleep: async (ms) => void waits.push(ms) });
    expect(n).toBe(3);
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThanOrEqual(500); // the second wait is drawn from a doubled range
  });

  it('gives up after the last attempt with a one-line error naming the subscription, not the secret path', async () => {
    const s = scripted([500]);
    const err = await deliver(webhookTarget(webhook(SLACK, { format: 'slack' }), 3), alertMessage(), { post: s.post, allowPrivateNetworks: false, sleep: noWait }).catch((e) => e);
    expect(s.calls).toBe(3);
    expect(err).toBeInstanceOf(WebhookError);
    expect(err.message).toBe('subscriptions[3] (slack, https://hooks.slack.com/…): answered HTTP 500');
    expect(err.message).not.toContain('SECRET');
    expect(err.message).not.toContain('\n');
  });

  it('does not retry a 404 or a timeout within the run', async () => {
    for (const answer of [404, 'timeout'] as const) {
      const s = scripted([answer, 200]);
      await expect(deliver(webhookTarget(webhook(SLACK), 0), alertMessage(), { post: s.post, allowPrivateNetworks: false, sleep: noWait })).rejects.toThrow(WebhookError);
      expect(s.calls).toBe(1);
    }
  });
});
