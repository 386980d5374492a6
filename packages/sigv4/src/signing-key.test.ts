import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHmacHex, deriveSigningKey, hmacHex } from './signing-key.js';

describe('createHmacHex', () => {
  it('equals node:crypto HMAC-SHA256 for any key length and any text, reusing its buffers (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), fc.array(fc.string({ unit: 'binary', maxLength: 400 }), { minLength: 1, maxLength: 4 }), (key, texts) => {
        const sign = createHmacHex(key);
        for (const text of texts) expect(sign(text)).toBe(createHmac('sha256', key).update(text).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });

  it('signs a string to sign with a derived key like hmacHex', () => {
    const key = deriveSigningKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20150830', 'us-east-1', 'iam');
    const sts = 'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59';
    const sign = createHmacHex(key);
    expect(sign(sts)).toBe(hmacHex(key, sts));
    expect(sign(sts)).toBe('5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
    expect(sign('x'.repeat(1000))).toBe(hmacHex(key, 'x'.repeat(1000)));
    expect(sign(sts)).toBe(hmacHex(key, sts)); // after growing, short inputs still hash only what was written
  });
});
