import { createFakeClock } from '@s3kit/primitives';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createS3Engine } from './engine.js';
import type { S3Engine } from './engine.js';
import { decodeContinuationToken, encodeContinuationToken } from './list-ops.js';
import { bytes, expectS3Error } from './test-support/expect-s3-error.js';

/** Reference listing: byte-sorted keys under the prefix, rolled up by delimiter. */
function reference(keys: readonly string[], prefix: string, delimiter: string | undefined) {
  const sorted = keys.filter((k) => k.startsWith(prefix)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const contents: string[] = [];
  const prefixes: string[] = [];
  for (const k of sorted) {
    const i = delimiter ? k.indexOf(delimiter, prefix.length) : -1;
    if (i >= 0 && delimiter) {
      const cp = k.slice(0, i + delimiter.length);
      if (prefixes.at(-1) !== cp) prefixes.push(cp);
    } else contents.push(k);
  }
  return { contents, prefixes };
}

function engineWith(keys: readonly string[]): S3Engine {
  const engine = createS3Engine({ clock: createFakeClock(0) });
  engine.createBucket({ Bucket: 'list' });
  for (const Key of keys) engine.putObject({ Bucket: 'list', Key, Body: bytes(Key) });
  return engine;
}

const keyChar = fc.constantFrom('a', 'b', '/', '-', 'é', '\uFF01', '\uE000', '\u{1F600}', '\u{10000}');
const keys = fc.uniqueArray(fc.string({ unit: keyChar, minLength: 1, maxLength: 6 }), { maxLength: 40 });
const prefixArb = fc.constantFrom('', 'a', 'a/', 'b', '\u{1F600}', 'é/');
const delimiterArb = fc.constantFrom(undefined, '/', '-', 'é', '\u{1F600}');

describe('ListObjectsV2 pagination (property)', () => {
  it('paging with any max-keys yields the reference listing exactly once', () => {
    fc.assert(
      fc.property(keys, prefixArb, delimiterArb, fc.integer({ min: 1, max: 7 }), (ks, prefix, delimiter, max) => {
        const engine = engineWith(ks);
        const want = reference(ks, prefix, delimiter);
        const contents: string[] = [];
        const prefixes: string[] = [];
        let token: string | undefined;
        for (let pages = 0; ; pages++) {
          expect(pages).toBeLessThanOrEqual(ks.length + 1);
          const page = engine.listObjectsV2({
            Bucket: 'list',
            Prefix: prefix,
            MaxKeys: max,
            ...(delimiter ? { Delimiter: delimiter } : {}),
            ...(token ? { ContinuationToken: token } : {}),
          });
          expect(page.KeyCount).toBe(page.Contents.length + page.CommonPrefixes.length);
          expect(page.KeyCount).toBeLessThanOrEqual(max);
          contents.push(...page.Contents.map((c) => c.Key));
          prefixes.push(...page.CommonPrefixes);
          if (!page.IsTruncated) {
            expect(page.NextContinuationToken).toBeUndefined();
            break;
          }
          expect(page.KeyCount).toBe(max);
          token = page.NextContinuationToken;
        }
        expect(contents).toEqual(want.contents);
        expect(prefixes).toEqual(want.prefixes);
      }),
      { numRuns: 200 },
    );
  });

  it('ListObjects v1 paging by NextMarker (or last key) yields the same listing', () => {
    fc.assert(
      fc.property(keys, prefixArb, delimiterArb, fc.integer({ min: 1, max: 7 }), (ks, prefix, delimiter, max) => {
        const engine = engineWith(ks);
        const want = reference(ks, prefix, delimiter);
        const contents: string[] = [];
        const prefixes: string[] = [];
        let marker: string | undefined;
        for (;;) {
          const page = engine.listObjects({
            Bucket: 'list',
            Prefix: prefix,
            MaxKeys: max,
            ...(delimiter ? { Delimiter: delimiter } : {}),
            ...(marker !== undefined ? { Marker: marker } : {}),
          });
          contents.push(...page.Contents.map((c) => c.Key));
          prefixes.push(...page.CommonPrefixes);
          if (!page.IsTruncated) break;
          marker = page.NextMarker ?? page.Contents.at(-1)?.Key;
          if (delimiter === undefined) expect(page.NextMarker).toBeUndefined();
        }
        expect(contents).toEqual(want.contents);
        expect(prefixes).toEqual(want.prefixes);
      }),
      { numRuns: 100 },
    );
  });
});

describe('ListObjectsV2', () => {
  let engine: S3Engine;
  beforeEach(() => {
    engine = engineWith(['a/1', 'a/2', 'b', 'c/x/1', '\u{1F600}', '\uFF01']);
  });

  it('lists keys in UTF-8 byte order, astral characters after U+FF01', () => {
    const out = engine.listObjectsV2({ Bucket: 'list' });
    expect(out.Contents.map((c) => c.Key)).toEqual(['a/1', 'a/2', 'b', 'c/x/1', '\uFF01', '\u{1F600}']);
    expect(out).toMatchObject({ Name: 'list', Prefix: '', MaxKeys: 1000, KeyCount: 6, IsTruncated: false });
    expect(out.Contents[0]).toEqual({
      Key: 'a/1',
      LastModified: new Date(0),
      ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
      Size: 3,
      StorageClass: 'STANDARD',
    });
  });

  it('groups by delimiter and counts common prefixes in KeyCount', () => {
    const out = engine.listObjectsV2({ Bucket: 'list', Delimiter: '/' });
    expect(out.CommonPrefixes).toEqual(['a/', 'c/']);
    expect(out.Contents.map((c) => c.Key)).toEqual(['b', '\uFF01', '\u{1F600}']);
    expect(out.KeyCount).toBe(5);
    expect(out.Delimiter).toBe('/');
    const nested = engine.listObjectsV2({ Bucket: 'list', Prefix: 'c/', Delimiter: '/' });
    expect(nested.CommonPrefixes).toEqual(['c/x/']);
    expect(engine.listObjectsV2({ Bucket: 'list', Delimiter: '' }).KeyCount).toBe(6);
  });

  it('starts after a key and echoes StartAfter; a token takes precedence', () => {
    const out = engine.listObjectsV2({ Bucket: 'list', StartAfter: 'b' });
    expect(out.Contents.map((c) => c.Key)).toEqual(['c/x/1', '\uFF01', '\u{1F600}']);
    expect(out.StartAfter).toBe('b');
    const first = engine.listObjectsV2({ Bucket: 'list', MaxKeys: 1 });
    expect(first.IsTruncated).toBe(true);
    const second = engine.listObjectsV2({ Bucket: 'list', MaxKeys: 1, StartAfter: 'zzz', ContinuationToken: first.NextContinuationToken! });
    expect(second.Contents.map((c) => c.Key)).toEqual(['a/2']);
    expect(second.ContinuationToken).toBe(first.NextContinuationToken);
  });

  it('max-keys 0 returns nothing and is not truncated; above 1000 is capped; negative is invalid', () => {
    const zero = engine.listObjectsV2({ Bucket: 'list', MaxKeys: 0 });
    expect(zero).toMatchObject({ KeyCount: 0, IsTruncated: false, Contents: [], CommonPrefixes: [] });
    expect(engine.listObjectsV2({ Bucket: 'list', MaxKeys: 5000 }).MaxKeys).toBe(1000);
    expectS3Error(() => engine.listObjectsV2({ Bucket: 'list', MaxKeys: -1 }), 'InvalidArgument');
    expectS3Error(() => engine.listObjectsV2({ Bucket: 'list', MaxKeys: 1.5 }), 'InvalidArgument');
  });

  it('caps a page at 1000 keys', () => {
    const many = engineWith(Array.from({ length: 1001 }, (_, i) => `k${String(i).padStart(4, '0')}`));
    const page = many.listObjectsV2({ Bucket: 'list', MaxKeys: 2000 });
    expect(page.KeyCount).toBe(1000);
    expect(page.IsTruncated).toBe(true);
    expect(many.listObjectsV2({ Bucket: 'list', ContinuationToken: page.NextContinuationToken! }).Contents.map((c) => c.Key)).toEqual(['k1000']);
  });

  it('rejects a continuation token it did not issue', () => {
    for (const token of ['garbage!', Buffer.from('other').toString('base64'), 'YQ']) {
      expectS3Error(() => engine.listObjectsV2({ Bucket: 'list', ContinuationToken: token }), 'InvalidArgument', {
        ArgumentName: 'continuation-token',
      });
    }
    expect(decodeContinuationToken(encodeContinuationToken('a/\u{1F600}'))).toBe('a/\u{1F600}');
  });

  it('fetches owners on request and shows checksum algorithms', () => {
    engine.putObject({ Bucket: 'list', Key: 'sum', Body: bytes('x'), Checksum: { algorithm: 'CRC32C', value: 'v', type: 'FULL_OBJECT' } });
    const out = engine.listObjectsV2({ Bucket: 'list', Prefix: 'sum', FetchOwner: true });
    expect(out.Contents[0]).toMatchObject({ Owner: engine.owner, ChecksumAlgorithm: ['CRC32C'], ChecksumType: 'FULL_OBJECT' });
    expect(engine.listObjectsV2({ Bucket: 'list', Prefix: 'sum' }).Contents[0]?.Owner).toBeUndefined();
  });

  it('answers NoSuchBucket', () => {
    expectS3Error(() => engine.listObjectsV2({ Bucket: 'nope' }), 'NoSuchBucket');
    expectS3Error(() => engine.listObjects({ Bucket: 'nope' }), 'NoSuchBucket');
  });

  it('sees deletes and new keys (sorted cache invalidated)', () => {
    engine.deleteObject({ Bucket: 'list', Key: 'b' });
    engine.putObject({ Bucket: 'list', Key: 'a/0', Body: bytes('') });
    engine.putObject({ Bucket: 'list', Key: 'a/1', Body: bytes('again') });
    expect(engine.listObjectsV2({ Bucket: 'list', Prefix: 'a' }).Contents.map((c) => c.Key)).toEqual(['a/0', 'a/1', 'a/2']);
    expect(engine.listObjectsV2({ Bucket: 'list', Prefix: 'b' }).KeyCount).toBe(0);
  });
});

describe('ListObjects (v1)', () => {
  it('echoes Marker, always includes owners, gives NextMarker only with a delimiter', () => {
    const engine = engineWith(['a/1', 'a/2', 'b', 'c']);
    const plain = engine.listObjects({ Bucket: 'list', MaxKeys: 2 });
    expect(plain).toMatchObject({ Marker: '', IsTruncated: true, MaxKeys: 2 });
    expect(plain.NextMarker).toBeUndefined();
    expect(plain.Contents[0]?.Owner).toEqual(engine.owner);
    const grouped = engine.listObjects({ Bucket: 'list', Delimiter: '/', MaxKeys: 1 });
    expect(grouped).toMatchObject({ CommonPrefixes: ['a/'], NextMarker: 'a/', IsTruncated: true });
    const next = engine.listObjects({ Bucket: 'list', Delimiter: '/', Marker: 'a/' });
    expect(next.Contents.map((c) => c.Key)).toEqual(['b', 'c']);
    expect(next.Marker).toBe('a/');
  });
});
