import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksumOf, compositeChecksum, createChecksumHasher, isBase64Of, parseChecksumAlgorithm } from './checksums.js';

const hex = (b64: string): string => Buffer.from(b64, 'base64').toString('hex');
const check = new TextEncoder().encode('123456789');

describe('checksums', () => {
  it('matches the published check values', () => {
    expect(hex(checksumOf('CRC32', check))).toBe('cbf43926');
    expect(hex(checksumOf('CRC32C', check))).toBe('e3069283');
    expect(hex(checksumOf('CRC64NVME', check))).toBe('ae8b14860a799888');
    expect(checksumOf('SHA1', check)).toBe(createHash('sha1').update(check).digest('base64'));
    expect(checksumOf('SHA256', check)).toBe(createHash('sha256').update(check).digest('base64'));
    expect(checksumOf('MD5', check)).toBe(createHash('md5').update(check).digest('base64'));
    expect(hex(checksumOf('CRC32C', new Uint8Array(32)))).toBe('8a9136aa'); // RFC 3720 B.4
    expect(hex(checksumOf('CRC64NVME', new Uint8Array(0)))).toBe('0000000000000000');
  });

  it('gives the same value incrementally as in one go', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), fc.constantFrom('CRC32', 'CRC32C', 'CRC64NVME', 'SHA256') as fc.Arbitrary<'CRC32'>, (bytes, cut, alg) => {
        const h = createChecksumHasher(alg);
        const at = Math.min(cut, bytes.length);
        h.update(bytes.subarray(0, at));
        h.update(bytes.subarray(at));
        expect(h.digest()).toBe(checksumOf(alg, bytes));
      }),
    );
  });

  it('parses names and validates base64 lengths', () => {
    expect(parseChecksumAlgorithm('crc64nvme')).toBe('CRC64NVME');
    expect(parseChecksumAlgorithm('md5')).toBeUndefined();
    expect(isBase64Of('AAAAAA==', 4)).toBe(true);
    expect(isBase64Of('AAAAAA==', 8)).toBe(false);
    expect(isBase64Of('AAAAAA=', 4)).toBe(false);
    expect(isBase64Of('AAAAAB==', 4)).toBe(false); // non-canonical padding bits
    expect(compositeChecksum('CRC32', ['AAAAAA==', 'AAAAAQ=='])).toMatch(/^[A-Za-z0-9+/]{6}==-2$/);
  });
});
