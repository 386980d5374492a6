import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from './byte-encoding.js';
import { createDigestHash, createJsHash } from './js-hash.js';
import type { JsHashAlgorithm } from './js-hash.js';

const ALGORITHMS: JsHashAlgorithm[] = ['md5', 'sha1', 'sha256'];

describe('createJsHash', () => {
  it.each([
    ['md5', '', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['md5', 'abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['sha1', 'abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['sha256', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['sha256', 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ] as const)('%s of %j is the published test vector', (algorithm, input, hex) => {
    expect(bytesToHex(createJsHash(algorithm).update(input).digest())).toBe(hex);
  });

  it('matches node:crypto for any bytes fed in any split, across the 55/56/64-byte padding edges', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALGORITHMS), fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 4 }), (algorithm, data, cuts) => {
        const hash = createJsHash(algorithm);
        let start = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          const end = Math.min(cut, data.length);
          if (end < start) continue;
          hash.update(data.subarray(start, end));
          start = end;
        }
        hash.update(data.subarray(start));
        expect(bytesToHex(hash.digest())).toBe(createHash(algorithm).update(data).digest('hex'));
      }),
    );
  });

  it('hashes UTF-8 text, keeps going after digest, and copies are independent', () => {
    const hash = createJsHash('sha256').update('héllo');
    const copy = hash.copy();
    expect(bytesToHex(hash.digest())).toBe(createHash('sha256').update('héllo').digest('hex'));
    hash.update(' world');
    expect(bytesToHex(hash.digest())).toBe(createHash('sha256').update('héllo world').digest('hex'));
    expect(bytesToHex(copy.digest())).toBe(createHash('sha256').update('héllo').digest('hex'));
  });
});

describe('createDigestHash', () => {
  it('digests as node:crypto does: bytes, hex and base64', () => {
    const expected = createHash('sha1').update('a').update(new Uint8Array([9])).digest();
    const make = () => createDigestHash('sha1').update('a').update(new Uint8Array([9]));
    expect(Buffer.from(make().digest())).toEqual(expected);
    expect(make().digest('hex')).toBe(expected.toString('hex'));
    expect(make().digest('base64')).toBe(expected.toString('base64'));
  });

  it('refuses an algorithm it does not compute', () => {
    expect(() => createDigestHash('sha512')).toThrow(expect.objectContaining({ code: 'ERR_VALIDATION' }));
  });
});
