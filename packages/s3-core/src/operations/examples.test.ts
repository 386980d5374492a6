/**
 * Every operation carries an `@example` (hand-written in scripts/docs, written into the specs' and
 * methods' TSDoc by the generator); this runs each one against the in-process s3-mock so the
 * documented calls stay correct (member names, shapes, the multipart flow).
 */
import { Readable } from 'node:stream';
import { createFakeClock } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { loadOperationDocs } from '../../scripts/operation-docs.mjs';
import { isNotFoundError } from '../errors/s3-service-error.js';
import { EMPTY_ENV, mockClient } from '../../test/mock-client.js';
import { respondingTransport, sampleResponse } from '../../test/model-samples.js';
import { S3Client } from '../client/s3-client.js';
import { operations } from './index.js';

type Example = (...args: unknown[]) => Promise<void>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => Example;
const SCOPE = ['client', 'Readable', 'bytes', 'chunks', 'chunk', 'UploadId', 'ETag', 'isNotFoundError', 'console'];

const examples = new Map([...loadOperationDocs().operations].map(([name, doc]) => [name, doc.example]));

describe('operation @example blocks', () => {
  it('exist for every operation', () => {
    expect(Object.keys(operations).filter((name) => !examples.has(name))).toEqual([]);
  });

  it.each([...examples.entries()])('%s runs against s3-mock, or a model responder where the mock lacks it', async (name, code) => {
    const { client, mock } = mockClient({}, { minPartSize: 1 });
    mock.seed({ buckets: { photos: { objects: { 'a.txt': 'hello', 'b.txt': 'world', 'notes/c.txt': 'c' } }, 'photos-old': {} } });
    await client.putBucketTagging({ Bucket: 'photos', Tagging: { TagSet: [{ Key: 'team', Value: 'media' }] } });
    const { UploadId } = await client.createMultipartUpload({ Bucket: 'photos', Key: 'video.mp4' });
    const chunk = new TextEncoder().encode('part-');
    const { ETag } = await client.uploadPart({ Bucket: 'photos', Key: 'video.mp4', UploadId: UploadId!, PartNumber: 1, Body: chunk });
    mock.clearRequests();
    const silent = { log: () => undefined };
    const run = new AsyncFunction(...SCOPE, `{\n${code}\n}`);
    const args = [Readable, new TextEncoder().encode('bytes'), [chunk, new TextEncoder().encode('end')], chunk, UploadId, ETag, isNotFoundError, silent];
    const ran = await run(client, ...args).then(
      () => undefined,
      (err: unknown) => err,
    );
    const served = mock.requests.some((r) => r.status >= 200 && r.status < 300 && r.operation === name);
    if (ran === undefined && served) return;
    // The mock does not serve this operation (501 NotImplemented, or another operation answered):
    // the example runs against a transport answering with the model's sample output instead.
    const op = operations[name as keyof typeof operations];
    const transport = respondingTransport(sampleResponse(name));
    const modelClient = new S3Client({
      endpoint: 'http://127.0.0.1:9000',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      transport,
      clock: createFakeClock({ instant: true }),
      config: { env: EMPTY_ENV },
    });
    await run(modelClient, ...args);
    const fixed = op.uri.split('?')[1]?.split('&')[0]?.split('=')[0];
    expect(transport.requests.some((r) => r.method === op.method && (fixed === undefined || fixed in (r.query ?? {})))).toBe(true);
  });
});
