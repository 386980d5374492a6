import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createS3Engine } from './engine.js';
import type { S3Engine } from './engine.js';

/** Stored bytes as the public API shows them: object sizes plus the parts of in-flight uploads. */
function listedBytes(engine: S3Engine): number {
  let total = engine.listObjectsV2({ Bucket: 'bkt' }).Contents.reduce((n, o) => n + o.Size, 0);
  for (const u of engine.listAllMultipartUploads()) {
    total += engine.listParts({ Bucket: u.Bucket, Key: u.Key, UploadId: u.UploadId }).Parts.reduce((n, p) => n + p.Size, 0);
  }
  return total;
}

const key = fc.constantFrom('a', 'b', 'c');
const op = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), key, size: fc.nat(40) }),
  fc.record({ kind: fc.constant('delete' as const), key }),
  fc.record({ kind: fc.constant('copy' as const), key, from: key }),
  fc.record({ kind: fc.constant('part' as const), part: fc.integer({ min: 1, max: 3 }), size: fc.nat(40) }),
  fc.record({ kind: fc.constant('complete' as const), key }),
  fc.record({ kind: fc.constant('abort' as const) }),
);

describe('stored-bytes counter', () => {
  it('always equals what the listings show, and never exceeds the cap, whatever the sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const engine = createS3Engine({ minPartSize: 1, maxStoredBytes: 150 });
        engine.createBucket({ Bucket: 'bkt' });
        let upload: { Key: string; UploadId: string } | undefined;
        for (const o of ops) {
          try {
            if (o.kind === 'put') engine.putObject({ Bucket: 'bkt', Key: o.key, Body: new Uint8Array(o.size) });
            else if (o.kind === 'delete') engine.deleteObject({ Bucket: 'bkt', Key: o.key });
            else if (o.kind === 'copy') engine.copyObject({ Bucket: 'bkt', Key: o.key, CopySource: { Bucket: 'bkt', Key: o.from }, MetadataDirective: 'REPLACE' });
            else if (o.kind === 'part') {
              upload ??= { Key: 'm', UploadId: engine.createMultipartUpload({ Bucket: 'bkt', Key: 'm' }).UploadId };
              engine.uploadPart({ Bucket: 'bkt', ...upload, PartNumber: o.part, Body: new Uint8Array(o.size) });
            } else if (o.kind === 'complete' && upload) {
              const parts = engine.listParts({ Bucket: 'bkt', ...upload }).Parts.slice(0, 1);
              engine.completeMultipartUpload({ Bucket: 'bkt', ...upload, Parts: parts.map((p) => ({ PartNumber: p.PartNumber, ETag: p.ETag })) });
              upload = undefined;
            } else if (o.kind === 'abort' && upload) {
              engine.abortMultipartUpload({ Bucket: 'bkt', ...upload });
              upload = undefined;
            }
          } catch (err) {
            if (!['NoSuchKey', 'InsufficientStorage', 'MalformedXML', 'InvalidRequest'].includes((err as { code?: string }).code ?? '')) throw err;
          }
          const { storedBytes, maxStoredBytes } = engine.storage();
          expect(storedBytes).toBe(listedBytes(engine));
          expect(storedBytes).toBeLessThanOrEqual(maxStoredBytes);
        }
      }),
      { numRuns: 200 },
    );
  });
});
