import { createHash } from 'node:crypto';
import { createFakeClock, createSeededRandom } from '@s3kit/primitives';
import { beforeEach, describe, expect, it } from 'vitest';
import { createS3Engine } from './engine.js';
import type { S3Engine } from './engine.js';
import { bytes, expectS3Error, text } from './test-support/expect-s3-error.js';

const T0 = Date.UTC(2025, 0, 1);
let clock: ReturnType<typeof createFakeClock>;
let engine: S3Engine;
beforeEach(() => {
  clock = createFakeClock(T0);
  engine = createS3Engine({ clock, random: createSeededRandom(7), minPartSize: 5 });
  engine.createBucket({ Bucket: 'mpu' });
});

function start(Key = 'obj'): string {
  return engine.createMultipartUpload({ Bucket: 'mpu', Key }).UploadId;
}

describe('multipart upload happy path', () => {
  it('completes with the S3 multipart ETag (hand-computed) and serves parts by number', () => {
    const UploadId = start();
    const p1 = engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 1, Body: bytes('hello') });
    const p2 = engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 2, Body: bytes('world!') });
    const m1 = createHash('md5').update('hello').digest();
    const m2 = createHash('md5').update('world!').digest();
    expect(p1.ETag).toBe(`"${m1.toString('hex')}"`);
    expect(p1.ETag).toBe('"5d41402abc4b2a76b9719d911017c592"');
    const expected = `"${createHash('md5').update(Buffer.concat([m1, m2])).digest('hex')}-2"`;
    const done = engine.completeMultipartUpload({
      Bucket: 'mpu',
      Key: 'obj',
      UploadId,
      Parts: [
        { PartNumber: 1, ETag: p1.ETag },
        { PartNumber: 2, ETag: p2.ETag.slice(1, -1) },
      ],
    });
    expect(done).toEqual({ Bucket: 'mpu', Key: 'obj', ETag: expected, ServerSideEncryption: 'AES256' }); // SSE-S3 by default, as S3 since 2023
    expect(engine.listAllMultipartUploads()).toEqual([]);
    const whole = engine.getObject({ Bucket: 'mpu', Key: 'obj' });
    expect(text(whole.Body)).toBe('helloworld!');
    expect(whole.ETag).toBe(expected);
    expect(whole.PartsCount).toBeUndefined();
    const part2 = engine.getObject({ Bucket: 'mpu', Key: 'obj', PartNumber: 2 });
    expect(text(part2.Body)).toBe('world!');
    expect(part2).toMatchObject({ StatusCode: 206, ContentRange: 'bytes 5-10/11', PartsCount: 2, ETag: expected });
    expectS3Error(() => engine.getObject({ Bucket: 'mpu', Key: 'obj', PartNumber: 3 }), 'InvalidPartNumber');
    expect(text(engine.getObject({ Bucket: 'mpu', Key: 'obj', Range: 'bytes=3-6' }).Body)).toBe('lowo');
  });

  it('matches a known multipart ETag vector', () => {
    // Two parts "aaaaa" and "bbbbb"; the values were computed independently with openssl.
    const UploadId = start();
    const a = engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 1, Body: bytes('aaaaa') });
    const b = engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 2, Body: bytes('bbbbb') });
    expect(a.ETag).toBe('"594f803b380a41396ed63dca39503542"');
    expect(b.ETag).toBe('"a21075a36eeddd084e17611a238c7101"');
    const out = engine.completeMultipartUpload({
      Bucket: 'mpu',
      Key: 'obj',
      UploadId,
      Parts: [
        { PartNumber: 1, ETag: a.ETag },
        { PartNumber: 2, ETag: b.ETag },
      ],
    });
    // (printf aaaaa | openssl md5 -binary; printf bbbbb | openssl md5 -binary) | openssl md5
    expect(out.ETag).toBe('"5e0121402e7c63e9bc2bbf0b2ad99e29-2"');
  });

  it('carries metadata, content type, storage class, tags and checksums to the object', () => {
    const { UploadId, ChecksumAlgorithm, ChecksumType } = engine.createMultipartUpload({
      Bucket: 'mpu',
      Key: 'obj',
      ContentType: 'video/mp4',
      Metadata: { Who: 'me' },
      StorageClass: 'STANDARD_IA',
      Tagging: [{ Key: 't', Value: 'v' }],
      ChecksumAlgorithm: 'CRC32',
      ChecksumType: 'COMPOSITE',
    });
    expect([ChecksumAlgorithm, ChecksumType]).toEqual(['CRC32', 'COMPOSITE']);
    const partSum = { algorithm: 'CRC32', value: 'p1==', type: 'FULL_OBJECT' } as const;
    const p = engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 1, Body: bytes('x'), Checksum: partSum });
    expect(p.Checksum).toEqual(partSum);
    const objSum = { algorithm: 'CRC32', value: 'o==-1', type: 'COMPOSITE' } as const;
    const done = engine.completeMultipartUpload({ Bucket: 'mpu', Key: 'obj', UploadId, Parts: [{ PartNumber: 1, ETag: p.ETag }], Checksum: objSum });
    expect(done.Checksum).toEqual(objSum);
    const head = engine.headObject({ Bucket: 'mpu', Key: 'obj' });
    expect(head).toMatchObject({ ContentType: 'video/mp4', Metadata: { who: 'me' }, StorageClass: 'STANDARD_IA', TagCount: 1, Checksum: objSum });
    expect(engine.headObject({ Bucket: 'mpu', Key: 'obj', PartNumber: 1 }).Checksum).toEqual(partSum);
  });

  it('re-uploading a part replaces it; unlisted parts are dropped', () => {
    const UploadId = start();
    engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 1, Body: bytes('first') });
    const again = engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 1, Body: bytes('second') });
    engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 2, Body: bytes('unused') });
    const parts = engine.listParts({ Bucket: 'mpu', Key: 'obj', UploadId });
    expect(parts.Parts.map((p) => [p.PartNumber, p.Size])).toEqual([
      [1, 6],
      [2, 6],
    ]);
    engine.completeMultipartUpload({ Bucket: 'mpu', Key: 'obj', UploadId, Parts: [{ PartNumber: 1, ETag: again.ETag }] });
    expect(text(engine.getObject({ Bucket: 'mpu', Key: 'obj' }).Body)).toBe('second');
  });

  it('a retried completion with the same parts succeeds again; a different one is NoSuchUpload', () => {
    const UploadId = start();
    const p = engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 1, Body: bytes('x') });
    const input = { Bucket: 'mpu', Key: 'obj', UploadId, Parts: [{ PartNumber: 1, ETag: p.ETag }] };
    const first = engine.completeMultipartUpload(input);
    expect(engine.completeMultipartUpload(input)).toEqual(first);
    expectS3Error(() => engine.completeMultipartUpload({ ...input, Parts: [{ PartNumber: 2, ETag: p.ETag }] }), 'NoSuchUpload');
    engine.putObject({ Bucket: 'mpu', Key: 'obj', Body: bytes('overwritten') });
    expectS3Error(() => engine.completeMultipartUpload(input), 'NoSuchUpload');
  });
});

describe('multipart errors', () => {
  it('validates part numbers and upload ids', () => {
    const UploadId = start();
    for (const PartNumber of [0, 10001, 1.5]) {
      expectS3Error(() => engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber, Body: bytes('x') }), 'InvalidArgument');
    }
    engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 10000, Body: bytes('x') });
    expectS3Error(() => engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId: 'nope', PartNumber: 1, Body: bytes('x') }), 'NoSuchUpload', {
      UploadId: 'nope',
    });
    expectS3Error(() => engine.uploadPart({ Bucket: 'mpu', Key: 'other', UploadId, PartNumber: 1, Body: bytes('x') }), 'NoSuchUpload');
    expectS3Error(
      () => engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 1, Body: bytes('x'), ContentMD5: 'AAAAAAAAAAAAAAAAAAAAAA==' }),
      'BadDigest',
    );
    expectS3Error(() => engine.createMultipartUpload({ Bucket: 'nope', Key: 'k' }), 'NoSuchBucket');
    expectS3Error(() => engine.createMultipartUpload({ Bucket: 'mpu', Key: 'k'.repeat(1025) }), 'KeyTooLongError');
  });

  it('enforces the maximum part size', () => {
    const small = createS3Engine({ maxObjectSize: 2 });
    small.createBucket({ Bucket: 'mpu' });
    const { UploadId } = small.createMultipartUpload({ Bucket: 'mpu', Key: 'k' });
    expectS3Error(() => small.uploadPart({ Bucket: 'mpu', Key: 'k', UploadId, PartNumber: 1, Body: bytes('abc') }), 'EntityTooLarge');
  });

  it('checks the part list: order, existence, ETags, sizes, emptiness', () => {
    const UploadId = start();
    const p1 = engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 1, Body: bytes('1234') });
    const p2 = engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 2, Body: bytes('12345') });
    const p3 = engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 3, Body: bytes('1') });
    const base = { Bucket: 'mpu', Key: 'obj', UploadId };
    expectS3Error(() => engine.completeMultipartUpload({ ...base, Parts: [] }), 'MalformedXML');
    expectS3Error(
      () => engine.completeMultipartUpload({ ...base, Parts: [{ PartNumber: 2, ETag: p2.ETag }, { PartNumber: 1, ETag: p1.ETag }] }),
      'InvalidPartOrder',
    );
    expectS3Error(
      () => engine.completeMultipartUpload({ ...base, Parts: [{ PartNumber: 2, ETag: p2.ETag }, { PartNumber: 2, ETag: p2.ETag }] }),
      'InvalidPartOrder',
    );
    expectS3Error(() => engine.completeMultipartUpload({ ...base, Parts: [{ PartNumber: 4, ETag: p2.ETag }] }), 'InvalidPart', {
      PartNumber: 4,
    });
    expectS3Error(() => engine.completeMultipartUpload({ ...base, Parts: [{ PartNumber: 2, ETag: p1.ETag }] }), 'InvalidPart');
    expectS3Error(
      () => engine.completeMultipartUpload({ ...base, Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 3, ETag: p3.ETag }] }),
      'EntityTooSmall',
      { ProposedSize: 4, MinSizeAllowed: 5, PartNumber: 1 },
    );
    // Failures leave the upload in place; a valid list (last part may be small) completes.
    const out = engine.completeMultipartUpload({ ...base, Parts: [{ PartNumber: 2, ETag: p2.ETag }, { PartNumber: 3, ETag: p3.ETag }] });
    expect(out.ETag).toMatch(/-2"$/);
  });

  it('defaults the minimum part size to 5 MiB', () => {
    const strict = createS3Engine();
    strict.createBucket({ Bucket: 'mpu' });
    const { UploadId } = strict.createMultipartUpload({ Bucket: 'mpu', Key: 'k' });
    const a = strict.uploadPart({ Bucket: 'mpu', Key: 'k', UploadId, PartNumber: 1, Body: new Uint8Array(5 * 1024 * 1024 - 1) });
    const b = strict.uploadPart({ Bucket: 'mpu', Key: 'k', UploadId, PartNumber: 2, Body: new Uint8Array(1) });
    expectS3Error(
      () => strict.completeMultipartUpload({ Bucket: 'mpu', Key: 'k', UploadId, Parts: [{ PartNumber: 1, ETag: a.ETag }, { PartNumber: 2, ETag: b.ETag }] }),
      'EntityTooSmall',
      { MinSizeAllowed: 5 * 1024 * 1024 },
    );
  });

  it('supports conditional completion', () => {
    engine.putObject({ Bucket: 'mpu', Key: 'obj', Body: bytes('existing') });
    const UploadId = start();
    const p = engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 1, Body: bytes('x') });
    const input = { Bucket: 'mpu', Key: 'obj', UploadId, Parts: [{ PartNumber: 1, ETag: p.ETag }] };
    expectS3Error(() => engine.completeMultipartUpload({ ...input, IfNoneMatch: '*' }), 'PreconditionFailed');
    expectS3Error(() => engine.completeMultipartUpload({ ...input, IfMatch: '"nope"' }), 'PreconditionFailed');
    const current = engine.headObject({ Bucket: 'mpu', Key: 'obj' }).ETag;
    engine.completeMultipartUpload({ ...input, IfMatch: current });
    expect(text(engine.getObject({ Bucket: 'mpu', Key: 'obj' }).Body)).toBe('x');
  });

  it('aborts, then the upload is gone', () => {
    const UploadId = start();
    engine.abortMultipartUpload({ Bucket: 'mpu', Key: 'obj', UploadId });
    expectS3Error(() => {
      engine.abortMultipartUpload({ Bucket: 'mpu', Key: 'obj', UploadId });
    }, 'NoSuchUpload');
    expectS3Error(() => engine.listParts({ Bucket: 'mpu', Key: 'obj', UploadId }), 'NoSuchUpload');
    expectS3Error(() => engine.completeMultipartUpload({ Bucket: 'mpu', Key: 'obj', UploadId, Parts: [{ PartNumber: 1, ETag: '"x"' }] }), 'NoSuchUpload');
    expect(engine.listAllMultipartUploads()).toEqual([]);
  });
});

describe('UploadPartCopy', () => {
  it('copies a whole object or a byte range into a part', () => {
    engine.putObject({ Bucket: 'mpu', Key: 'src', Body: bytes('0123456789') });
    const UploadId = start();
    const whole = engine.uploadPartCopy({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 1, CopySource: { Bucket: 'mpu', Key: 'src' } });
    expect(whole.LastModified).toEqual(new Date(T0));
    const ranged = engine.uploadPartCopy({
      Bucket: 'mpu',
      Key: 'obj',
      UploadId,
      PartNumber: 2,
      CopySource: { Bucket: 'mpu', Key: 'src' },
      CopySourceRange: 'bytes=2-4',
    });
    engine.completeMultipartUpload({
      Bucket: 'mpu',
      Key: 'obj',
      UploadId,
      Parts: [
        { PartNumber: 1, ETag: whole.ETag },
        { PartNumber: 2, ETag: ranged.ETag },
      ],
    });
    expect(text(engine.getObject({ Bucket: 'mpu', Key: 'obj' }).Body)).toBe('0123456789234');
  });

  it('checks the range, the source and copy-source conditions', () => {
    engine.putObject({ Bucket: 'mpu', Key: 'src', Body: bytes('0123456789') });
    const UploadId = start();
    const base = { Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: 1, CopySource: { Bucket: 'mpu', Key: 'src' } };
    expectS3Error(() => engine.uploadPartCopy({ ...base, CopySourceRange: 'bytes=5-10' }), 'InvalidArgument');
    expectS3Error(() => engine.uploadPartCopy({ ...base, CopySource: { Bucket: 'mpu', Key: 'none' } }), 'NoSuchKey');
    expectS3Error(() => engine.uploadPartCopy({ ...base, CopySourceIfMatch: '"nope"' }), 'PreconditionFailed');
    expectS3Error(() => engine.uploadPartCopy({ ...base, PartNumber: 0 }), 'InvalidArgument');
  });
});

describe('ListParts', () => {
  it('paginates with part-number-marker and max-parts', () => {
    const UploadId = start();
    for (const n of [3, 1, 2, 5]) engine.uploadPart({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumber: n, Body: bytes(`p${n}`) });
    const first = engine.listParts({ Bucket: 'mpu', Key: 'obj', UploadId, MaxParts: 2 });
    expect(first.Parts.map((p) => p.PartNumber)).toEqual([1, 2]);
    expect(first).toMatchObject({ IsTruncated: true, NextPartNumberMarker: 2, PartNumberMarker: 0, MaxParts: 2, StorageClass: 'STANDARD' });
    expect(first.Parts[0]).toMatchObject({ Size: 2, LastModified: new Date(T0) });
    const second = engine.listParts({ Bucket: 'mpu', Key: 'obj', UploadId, MaxParts: 2, PartNumberMarker: 2 });
    expect(second.Parts.map((p) => p.PartNumber)).toEqual([3, 5]);
    expect(second.IsTruncated).toBe(false);
    const empty = engine.listParts({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumberMarker: 5 });
    expect(empty.Parts).toEqual([]);
    expect(empty.NextPartNumberMarker).toBeUndefined();
    expectS3Error(() => engine.listParts({ Bucket: 'mpu', Key: 'obj', UploadId, PartNumberMarker: -1 }), 'InvalidArgument');
    expectS3Error(() => engine.listParts({ Bucket: 'mpu', Key: 'obj', UploadId, MaxParts: -1 }), 'InvalidArgument');
  });

  it('shows the upload checksum settings and part checksums', () => {
    const { UploadId } = engine.createMultipartUpload({ Bucket: 'mpu', Key: 'c', ChecksumAlgorithm: 'SHA256', ChecksumType: 'COMPOSITE' });
    engine.uploadPart({ Bucket: 'mpu', Key: 'c', UploadId, PartNumber: 1, Body: bytes('x'), Checksum: { algorithm: 'SHA256', value: 's', type: 'FULL_OBJECT' } });
    const out = engine.listParts({ Bucket: 'mpu', Key: 'c', UploadId });
    expect(out).toMatchObject({ ChecksumAlgorithm: 'SHA256', ChecksumType: 'COMPOSITE' });
    expect(out.Parts[0]?.Checksum?.value).toBe('s');
  });
});

describe('ListMultipartUploads', () => {
  it('sorts by key then initiation time, paginates with key and upload-id markers', async () => {
    const b1 = start('b');
    await clock.advance(10);
    const a1 = start('a');
    await clock.advance(10);
    const b2 = start('b');
    const a2 = start('a'); // same ms as b2: creation order breaks ties
    const all = engine.listMultipartUploads({ Bucket: 'mpu' });
    expect(all.Uploads.map((u) => [u.Key, u.UploadId])).toEqual([
      ['a', a1],
      ['a', a2],
      ['b', b1],
      ['b', b2],
    ]);
    expect(all).toMatchObject({ IsTruncated: false, KeyMarker: '', UploadIdMarker: '', MaxUploads: 1000 });
    expect(all.Uploads[0]).toMatchObject({ Initiated: new Date(T0 + 10), StorageClass: 'STANDARD', Owner: engine.owner });

    const seen: string[] = [];
    let KeyMarker: string | undefined;
    let UploadIdMarker: string | undefined;
    for (;;) {
      const page = engine.listMultipartUploads({
        Bucket: 'mpu',
        MaxUploads: 1,
        ...(KeyMarker !== undefined ? { KeyMarker } : {}),
        ...(UploadIdMarker !== undefined ? { UploadIdMarker } : {}),
      });
      seen.push(...page.Uploads.map((u) => u.UploadId));
      if (!page.IsTruncated) break;
      KeyMarker = page.NextKeyMarker;
      UploadIdMarker = page.NextUploadIdMarker;
    }
    expect(seen).toEqual([a1, a2, b1, b2]);
    expect(engine.listMultipartUploads({ Bucket: 'mpu', KeyMarker: 'a' }).Uploads.map((u) => u.UploadId)).toEqual([b1, b2]);
    expect(engine.listMultipartUploads({ Bucket: 'mpu', KeyMarker: 'a', UploadIdMarker: 'unknown' }).Uploads).toHaveLength(2);
    expect(engine.listMultipartUploads({ Bucket: 'mpu', UploadIdMarker: a1 }).Uploads).toHaveLength(4);
  });

  it('filters by prefix and groups by delimiter', () => {
    start('photos/2024/a');
    start('photos/2025/b');
    start('photos/top');
    start('videos/c');
    const out = engine.listMultipartUploads({ Bucket: 'mpu', Prefix: 'photos/', Delimiter: '/' });
    expect(out.CommonPrefixes).toEqual(['photos/2024/', 'photos/2025/']);
    expect(out.Uploads.map((u) => u.Key)).toEqual(['photos/top']);
    expect(out).toMatchObject({ Prefix: 'photos/', Delimiter: '/' });
    const page = engine.listMultipartUploads({ Bucket: 'mpu', Delimiter: '/', MaxUploads: 1 });
    expect(page).toMatchObject({ CommonPrefixes: ['photos/'], IsTruncated: true, NextKeyMarker: 'photos/' });
    expect(page.NextUploadIdMarker).toBeUndefined();
    expectS3Error(() => engine.listMultipartUploads({ Bucket: 'mpu', MaxUploads: -5 }), 'InvalidArgument');
    expectS3Error(() => engine.listMultipartUploads({ Bucket: 'nope' }), 'NoSuchBucket');
  });
});

describe('listAllMultipartUploads', () => {
  it('reports in-flight uploads across buckets with part counts', () => {
    engine.createBucket({ Bucket: 'another' });
    const u1 = start('k');
    engine.uploadPart({ Bucket: 'mpu', Key: 'k', UploadId: u1, PartNumber: 1, Body: bytes('x') });
    const u2 = engine.createMultipartUpload({ Bucket: 'another', Key: 'z' }).UploadId;
    expect(engine.listAllMultipartUploads()).toEqual([
      { Bucket: 'another', Key: 'z', UploadId: u2, Initiated: new Date(T0), PartCount: 0 },
      { Bucket: 'mpu', Key: 'k', UploadId: u1, Initiated: new Date(T0), PartCount: 1 },
    ]);
  });

  it('makes upload ids unique even with a degenerate random source', () => {
    const fixed = createS3Engine({ random: () => 0.5 });
    fixed.createBucket({ Bucket: 'mpu' });
    const a = fixed.createMultipartUpload({ Bucket: 'mpu', Key: 'k' }).UploadId;
    const b = fixed.createMultipartUpload({ Bucket: 'mpu', Key: 'k' }).UploadId;
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9]{64}$/);
  });
});
