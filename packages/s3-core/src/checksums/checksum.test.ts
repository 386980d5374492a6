import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { isValidationError } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { CHECKSUM_ALGORITHMS, CHECKSUM_HEADERS, CHECKSUM_MEMBERS, checksumBase64, createChecksum, isChecksumAlgorithm } from './checksum.js';
import type { HashAlgorithm } from './checksum.js';
import { crc32, crc32Js } from './crc32.js';
import { crc32c } from './crc32c.js';
import { crc64Nvme } from './crc64-nvme.js';

interface Vectors {
  base64_vectors: {
    input_label: string;
    input: { utf8?: string; repeat?: string; count?: number };
    all_algorithms_base64_computed: Record<string, string>;
  }[];
  numeric_crc_vectors: { cases: { input_label: string; input_hex: string; expected_hex: Record<string, string> }[] };
}

// Public vectors (aws-sdk-js-v3, botocore, aws-checksums); see test/fixtures/README.md.
const vectors = JSON.parse(readFileSync(fileURLToPath(new URL('../../test/fixtures/checksums/checksums-basic.json', import.meta.url)), 'utf8')) as Vectors;
const ALL: HashAlgorithm[] = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256', 'MD5'];

function inputOf(v: Vectors['base64_vectors'][number]): Uint8Array {
  const text = v.input.utf8 ?? (v.input.repeat ?? '').repeat(v.input.count ?? 0);
  return new TextEncoder().encode(text);
}

describe('checksum vectors', () => {
  for (const v of vectors.base64_vectors) {
    for (const [algorithm, expected] of Object.entries(v.all_algorithms_base64_computed)) {
      it(`${algorithm} of ${v.input_label}`, () => {
        expect(checksumBase64(algorithm as HashAlgorithm, inputOf(v))).toBe(expected);
      });
    }
  }

  for (const c of vectors.numeric_crc_vectors.cases) {
    it(`numeric CRCs of ${c.input_label}`, () => {
      const data = new Uint8Array(Buffer.from(c.input_hex, 'hex'));
      expect(crc32(data)).toBe(Number(c.expected_hex.CRC32));
      expect(crc32Js(data)).toBe(Number(c.expected_hex.CRC32));
      expect(crc32c(data)).toBe(Number(c.expected_hex.CRC32C));
      expect(crc64Nvme(data)).toBe(BigInt(c.expected_hex.CRC64NVME!));
    });
  }
});

describe('createChecksum', () => {
  it('gives the same digest for any split of the input and any alignment (incremental == one-shot)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 6 }), fc.nat(7), fc.constantFrom(...ALL), (data, cuts, shift, algorithm) => {
        // Copy at an odd offset so the word-at-a-time paths meet unaligned starts.
        const backing = new Uint8Array(data.length + shift);
        backing.set(data, shift);
        const view = backing.subarray(shift);
        const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
        const sum = createChecksum(algorithm);
        let from = 0;
        for (const p of [...points, data.length]) {
          sum.update(view.subarray(from, p));
          from = p;
        }
        expect(sum.digestBase64()).toBe(checksumBase64(algorithm, data));
      }),
      { numRuns: 400 },
    );
  });

  it('matches node:crypto and the table CRC32 on random data', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => {
        expect(checksumBase64('SHA256', data)).toBe(createHash('sha256').update(data).digest('base64'));
        expect(crc32Js(data)).toBe(crc32(data));
      }),
      { numRuns: 200 },
    );
  });

  it('returns raw big-endian bytes, accepts strings, and keeps the first digest', () => {
    const sum = createChecksum('CRC32').update('123').update(new TextEncoder().encode('456789'));
    expect([...sum.digest()]).toEqual([0xcb, 0xf4, 0x39, 0x26]);
    const copy = sum.digest();
    copy[0] = 0;
    expect(sum.digest()[0]).toBe(0xcb);
    expect(createChecksum('CRC64NVME').update('123456789').digest()).toEqual(new Uint8Array(Buffer.from('ae8b14860a799888', 'hex')));
    expect(createChecksum('SHA1').update('abc').digest()).toHaveLength(20);
    const md5 = createChecksum('MD5').update('');
    expect(md5.digestBase64()).toBe('1B2M2Y8AsgTpgAmY7PhCfg==');
    expect(md5.digestBase64()).toBe('1B2M2Y8AsgTpgAmY7PhCfg==');
    expect(sum.algorithm).toBe('CRC32');
  });

  it('refuses unknown algorithms with a ValidationError', () => {
    let caught: unknown;
    try {
      createChecksum('crc32' as HashAlgorithm);
    } catch (err) {
      caught = err;
    }
    expect(isValidationError(caught)).toBe(true);
  });

  it('names headers and members as S3 does', () => {
    expect(CHECKSUM_HEADERS.CRC64NVME).toBe('x-amz-checksum-crc64nvme');
    expect(CHECKSUM_MEMBERS.CRC32C).toBe('ChecksumCRC32C');
    expect(CHECKSUM_ALGORITHMS.every(isChecksumAlgorithm)).toBe(true);
    expect(isChecksumAlgorithm('MD5')).toBe(false);
    expect(isChecksumAlgorithm('toString')).toBe(false);
  });
});
