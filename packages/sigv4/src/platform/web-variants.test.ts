import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as execFileWeb from './exec-file.web.js';
import * as cryptoNode from './sigv4-crypto.node.js';
import * as cryptoWeb from './sigv4-crypto.web.js';
import * as sigv4aWeb from './sigv4a.web.js';

describe('web sigv4-crypto', () => {
  it('computes what node:crypto computes: SHA-256, HMAC (short and long keys), keyed HMAC, incremental hash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 150 })), fc.string({ maxLength: 300 }), (key, data) => {
        const expected = createHmac('sha256', key).update(data).digest('hex');
        expect(cryptoWeb.hmacHex(key, data)).toBe(expected);
        expect(Buffer.from(cryptoWeb.hmac(key, data)).toString('hex')).toBe(expected);
        expect(cryptoWeb.sha256Hex(data)).toBe(cryptoNode.sha256Hex(data));
        const bytes = typeof key === 'string' ? new TextEncoder().encode(key) : key;
        expect(cryptoWeb.createHmacHex(bytes)(data)).toBe(cryptoNode.createHmacHex(bytes)(data));
        expect(cryptoWeb.createHash('sha256').update(data).update(bytes).digest('hex')).toBe(cryptoNode.createHash('sha256').update(data).update(bytes).digest('hex'));
      }),
    );
  });

  it('timingSafeEqual is false for different lengths or bytes, true for equal ones', () => {
    const a = new Uint8Array([1, 2, 3]);
    expect(cryptoWeb.timingSafeEqual(a, new Uint8Array([1, 2, 3]))).toBe(true);
    expect(cryptoWeb.timingSafeEqual(a, new Uint8Array([1, 2, 4]))).toBe(false);
    expect(cryptoWeb.timingSafeEqual(a, new Uint8Array([1, 2]))).toBe(false);
    expect(cryptoNode.timingSafeEqual(a, new Uint8Array([1, 2]))).toBe(false);
  });
});

describe('web sigv4a and exec-file', () => {
  it('SigV4a entry points throw ERR_CONFIG naming node:crypto', () => {
    for (const call of [
      () => sigv4aWeb.createSigV4aSigner({}),
      () => sigv4aWeb.deriveSigV4aKeyPair({}),
      () => sigv4aWeb.deriveSigV4aPrivateScalar({}),
      () => sigv4aWeb.sigV4aPublicKeyFromCoordinates('1', '2'),
      () => sigv4aWeb.createSigV4aChunkSigner({}),
      () => sigv4aWeb.createSigV4aVerifier({}),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'ERR_CONFIG', message: expect.stringContaining('node:crypto') }));
    }
  });

  it('execFile calls back with ENOSYS', async () => {
    const error = await new Promise<unknown>((resolve) => {
      execFileWeb.execFile('aws-creds', [], {}, (err) => {
        resolve(err);
      });
    });
    expect(error).toMatchObject({ code: 'ENOSYS' });
  });
});
