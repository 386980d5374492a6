import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { isValidationError } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { checksumBase64 } from './checksum.js';
import type { ChecksumAlgorithm } from './checksum.js';
import { crc32Combine, crc32cCombine, crc64NvmeCombine } from './crc-combine.js';
import { crc32 } from './crc32.js';
import { crc32c } from './crc32c.js';
import { crc64Nvme } from './crc64-nvme.js';
import { compositeChecksum, fullObjectChecksum, multipartEtag } from './multipart-checksums.js';

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

function validationErrorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    expect(isValidationError(err)).toBe(true);
    return err;
  }
  throw new Error('did not throw');
}

describe('CRC combination', () => {
  it('combine(crc(a), crc(b), len(b)) == crc(a + b) for CRC32, CRC32C and CRC64NVME', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (a, b) => {
        const ab = concat(a, b);
        expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(ab));
        expect(crc32cCombine(crc32c(a), crc32c(b), b.length)).toBe(crc32c(ab));
        expect(crc64NvmeCombine(crc64Nvme(a), crc64Nvme(b), b.length)).toBe(crc64Nvme(ab));
      }),
      { numRuns: 300 },
    );
  });

  it('is associative at part sizes no test could hash (5 GiB)', () => {
    // crc(A+B+C) computed as (A+B)+C and as A+(B+C), with B and C of n bytes each.
    const n = 5 * 2 ** 30;
    const [a, b, c] = [0x12345678, 0x9abcdef0, 0x0fedcba9];
    expect(crc32Combine(crc32Combine(a, b, n), c, n)).toBe(crc32Combine(a, crc32Combine(b, c, n), 2 * n));
    expect(crc32cCombine(crc32cCombine(a, b, n), c, n)).toBe(crc32cCombine(a, crc32cCombine(b, c, n), 2 * n));
    const [x, y, z] = [0x0123456789abcdefn, 0xfedcba9876543210n, 42n];
    expect(crc64NvmeCombine(crc64NvmeCombine(x, y, n), z, n)).toBe(crc64NvmeCombine(x, crc64NvmeCombine(y, z, n), 2 * n));
    expect(crc32Combine(a, b, 0)).toBe((a ^ b) >>> 0);
  });

  it('refuses negative or fractional lengths', () => {
    expect(() => crc32Combine(1, 2, -1)).toThrow(RangeError);
    expect(() => crc32Combine(1, 2, 1.5)).toThrow(RangeError);
  });
});

describe('fullObjectChecksum', () => {
  it('equals the CRC of the whole object, from part CRCs and sizes alone', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 100 }), { minLength: 1, maxLength: 5 }), fc.constantFrom<'CRC32' | 'CRC32C' | 'CRC64NVME'>('CRC32', 'CRC32C', 'CRC64NVME'), (parts, algorithm) => {
        const full = fullObjectChecksum(
          algorithm,
          parts.map((p) => ({ checksum: checksumBase64(algorithm, p), size: p.length })),
        );
        expect(full).toBe(checksumBase64(algorithm, concat(...parts)));
      }),
      { numRuns: 200 },
    );
  });

  it('validates parts', () => {
    validationErrorOf(() => fullObjectChecksum('CRC32', []));
    validationErrorOf(() => fullObjectChecksum('CRC32', [{ checksum: 'AAAAAAAAAAA=', size: 1 }]));
    validationErrorOf(() => fullObjectChecksum('CRC32', [{ checksum: 'not base64!', size: 1 }]));
    validationErrorOf(() => fullObjectChecksum('CRC64NVME', [{ checksum: 'AAAAAAAAAAA=', size: -1 }]));
  });
});

describe('compositeChecksum', () => {
  it('is base64(hash(concat(raw part checksums)))-N', () => {
    const parts = [new TextEncoder().encode('part one'), new TextEncoder().encode('part two')];
    for (const algorithm of ['SHA256', 'SHA1', 'CRC32', 'CRC32C', 'CRC64NVME'] as ChecksumAlgorithm[]) {
      const partSums = parts.map((p) => checksumBase64(algorithm, p));
      const raw = Buffer.concat(partSums.map((s) => Buffer.from(s, 'base64')));
      expect(compositeChecksum(algorithm, partSums)).toBe(`${checksumBase64(algorithm, raw)}-2`);
    }
    const sha = parts.map((p) => createHash('sha256').update(p).digest());
    expect(compositeChecksum('SHA256', sha.map((d) => d.toString('base64')))).toBe(`${createHash('sha256').update(Buffer.concat(sha)).digest('base64')}-2`);
  });

  it('validates parts', () => {
    validationErrorOf(() => compositeChecksum('SHA256', []));
    validationErrorOf(() => compositeChecksum('SHA256', ['AAAA']));
  });
});

describe('multipartEtag', () => {
  it('is "md5(concat(part md5s))-N", quoted', () => {
    const md5s = ['hello', 'world'].map((s) => createHash('md5').update(s).digest());
    const expected = `"${createHash('md5').update(Buffer.concat(md5s)).digest('hex')}-2"`;
    expect(multipartEtag(md5s.map((d) => `"${d.toString('hex')}"`))).toBe(expected);
    expect(multipartEtag(md5s.map((d) => d.toString('hex').toUpperCase()))).toBe(expected);
  });

  it('validates part ETags', () => {
    validationErrorOf(() => multipartEtag([]));
    validationErrorOf(() => multipartEtag(['"abc-2"']));
  });
});
