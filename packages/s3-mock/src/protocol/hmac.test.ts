import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmac, sameSignature } from './hmac.js';

describe('hmac', () => {
  it('agrees with node:crypto for SHA-1 and SHA-256, short and long keys (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('sha1' as const, 'sha256' as const), fc.oneof(fc.string(), fc.uint8Array({ maxLength: 200 })), fc.string(), (algorithm, key, data) => {
        expect(Buffer.from(hmac(algorithm, key, data)).toString('hex')).toBe(createHmac(algorithm, key).update(data).digest('hex'));
      }),
    );
  });

  it('compares signatures whole', () => {
    expect(sameSignature('abc', 'abc')).toBe(true);
    expect(sameSignature('abc', 'abd')).toBe(false);
    expect(sameSignature('abc', 'ab')).toBe(false);
  });
});
