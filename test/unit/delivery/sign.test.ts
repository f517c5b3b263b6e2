import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signature, verifySignature } from '../../../shared/delivery';

describe('signature', () => {
  it('is sha256= and the hex HMAC-SHA256 of the raw body', () => {
    const body = '{"ruleId":"ru-ua","title":"Київ"}';
    expect(signature(body, 's3cret')).toBe(`sha256=${createHmac('sha256', 's3cret').update(Buffer.from(body, 'utf8')).digest('hex')}`);
  });

  it('verifies its own signature and refuses another body, secret or a missing header', () => {
    const sig = signature('{"a":1}', 'k');
    expect(verifySignature('{"a":1}', 'k', sig)).toBe(true);
    expect(verifySignature('{"a":2}', 'k', sig)).toBe(false);
    expect(verifySignature('{"a":1}', 'other', sig)).toBe(false);
    expect(verifySignature('{"a":1}', 'k', undefined)).toBe(false);
  });
});
