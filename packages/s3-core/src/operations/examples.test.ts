/**
 * Every operation carries an `@example` (hand-written in scripts/docs, written into the specs' and
 * methods' TSDoc by the generator); this runs each one against the in-process s3-mock so the
 * documented calls stay correct (member names, shapes, the multipart flow).
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadOperationDocs } from '../../scripts/operation-docs.mjs';
import { isNotFoundError } from '../errors/s3-service-error.js';
import { mockClient } from '../../test/mock-client.js';
import { operations } from './index.js';

type Example = (...args: unknown[]) => Promise<void>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => Example;
const SCOPE = ['client', 'Readable', 'bytes', 'chunks', 'chunk', 'UploadId', 'ETag', 'isNotFoundError', 'console'];

const examples = new Map([...loadOperationDocs().operations].map(([name, doc]) => [name, doc.example]));

describe('operation @example blocks', () => {
  it('exist for every operation', () => {
    expect(Object.keys(operations).filter((name) => !examples.has(name))).toEqual([]);
  });

  it.each([...examples.entries()])('%s runs against s3-mock', async (name, code) => {
    const { client, mock } = mockClient({}, { minPartSize: 1 });
    mock.seed({ buckets: { photos: { objects: { 'a.txt': 'hello', 'b.txt': 'world', 'notes/c.txt': 'c' } }, 'photos-old': {} } });
    await client.putBucketTagging({ Bucket: 'photos', Tagging: { TagSet: [{ Key: 'team', Value: 'media' }] } });
    const { UploadId } = await client.createMultipartUpload({ Bucket: 'photos', Key: 'video.mp4' });
    const chunk = new TextEncoder().encode('part-');
    const { ETag } = await client.uploadPart({ Bucket: 'photos', Key: 'video.mp4', UploadId: UploadId!, PartNumber: 1, Body: chunk });
    mock.clearRequests();
    const silent = { log: () => undefined };
    const run = new AsyncFunction(...SCOPE, `{\n${code}\n}`);
    await run(client, Readable, new TextEncoder().encode('bytes'), [chunk, new TextEncoder().encode('end')], chunk, UploadId, ETag, isNotFoundError, silent);
    const succeeded = mock.requests.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.operation);
    expect(succeeded).toContain(name);
  });
});
