/**
 * Defect 11 (issue 10): the server accepted any declared Content-Length and buffered any body, so a
 * client declaring 5 GiB and streaming 600 MiB grew it to 658 MB RSS. Oversize requests are now
 * refused from their headers, before a body byte is read, and stored bytes are capped.
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createS3Mock } from '../mock/create-s3-mock.js';
import type { S3Mock } from '../mock/create-s3-mock.js';
import type { S3MockServer } from './listen.js';

const GIB = 1024 ** 3;
let server: S3MockServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(mock: S3Mock): Promise<S3MockServer> {
  server = await mock.start();
  return server;
}

/** Sends only a request head (no body byte) and resolves with what the server answered before closing. */
function sendHead(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      resolve(text);
    });
  });
}

const head = (method: string, path: string, headers: Record<string, string | number>): string =>
  `${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;

describe('oversize requests are refused from their headers (defect 11)', () => {
  it('PutObject declaring more than 5 GiB: 400 EntityTooLarge before any body byte, connection closed', async () => {
    const mock = createS3Mock({ auth: 'none', seed: { buckets: { big: {} } } });
    const { port } = await start(mock);
    const answer = await sendHead(port, head('PUT', '/big/k', { 'content-length': 5 * GIB + 1 }));
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toContain('<Code>EntityTooLarge</Code>');
    expect(answer).toContain(`<ProposedSize>${5 * GIB + 1}</ProposedSize>`);
    expect(mock.engine.listObjectsV2({ Bucket: 'big' }).KeyCount).toBe(0);
  });

  it('with Expect: 100-continue the refusal comes instead of 100 Continue', async () => {
    const mock = createS3Mock({ auth: 'none', seed: { buckets: { big: {} } } });
    const { port } = await start(mock);
    const answer = await sendHead(port, head('PUT', '/big/k', { 'content-length': 6 * GIB, expect: '100-continue' }));
    expect(answer).not.toContain('100 Continue');
    expect(answer).toMatch(/^HTTP\/1\.1 400 [\s\S]*<Code>EntityTooLarge<\/Code>/);
  });

  it('UploadPart over the part limit, and an aws-chunked body whose decoded length is too large', async () => {
    const mock = createS3Mock({ auth: 'none', seed: { buckets: { big: {} } } });
    const { UploadId } = mock.engine.createMultipartUpload({ Bucket: 'big', Key: 'k' });
    const { port } = await start(mock);
    const part = await sendHead(port, head('PUT', `/big/k?partNumber=1&uploadId=${UploadId}`, { 'content-length': 5 * GIB + 1 }));
    expect(part).toContain('<Code>EntityTooLarge</Code>');
    const chunked = await sendHead(port, head('PUT', '/big/c', {
      'content-length': 5 * GIB + 200,
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'x-amz-decoded-content-length': 5 * GIB + 1,
      'content-encoding': 'aws-chunked',
    }));
    expect(chunked).toContain('<Code>EntityTooLarge</Code>');
  });

  it('a configuration body over 2 MiB: 400 MaxMessageLengthExceeded before reading it', async () => {
    const mock = createS3Mock({ auth: 'none', seed: { buckets: { big: {} } } });
    const { port } = await start(mock);
    const answer = await sendHead(port, head('PUT', '/big?tagging', { 'content-length': 3 * 1024 * 1024 }));
    expect(answer).toMatch(/^HTTP\/1\.1 400 [\s\S]*<Code>MaxMessageLengthExceeded<\/Code>/);
  });

  it('a refused small request keeps its connection usable (its body is read and discarded)', async () => {
    const mock = createS3Mock({ auth: 'none', seed: { buckets: { big: {} } } });
    const { endpoint } = await start(mock);
    const refused = await fetch(`${endpoint}/missing/k`, { method: 'PUT', body: 'abc' });
    expect(refused.status).toBe(404);
    expect(refused.headers.get('connection')).not.toBe('close');
    await refused.text();
  });
});

describe('stored bytes are capped (defect 11)', () => {
  it('refuses a body that would exceed maxStoredBytes with 507 InsufficientStorage, before reading it', async () => {
    const mock = createS3Mock({ auth: 'none', maxStoredBytes: 1000, seed: { buckets: { cap: { objects: { a: 'x'.repeat(600) } } } } });
    const { port } = await start(mock);
    const answer = await sendHead(port, head('PUT', '/cap/b', { 'content-length': 600 }));
    expect(answer).toMatch(/^HTTP\/1\.1 507 /);
    expect(answer).toContain('<Code>InsufficientStorage</Code>');
    expect(answer).toContain('<MaxStoredBytes>1000</MaxStoredBytes><StoredBytes>600</StoredBytes>');
    expect(mock.engine.storage()).toEqual({ storedBytes: 600, maxStoredBytes: 1000 });
  });

  it('the engine enforces the cap on every write path and frees space on delete', () => {
    const mock = createS3Mock({ maxStoredBytes: 10, minPartSize: 1, seed: { buckets: { cap: {} } } });
    const engine = mock.engine;
    const bytes = (n: number) => new Uint8Array(n);
    engine.putObject({ Bucket: 'cap', Key: 'a', Body: bytes(6) });
    expect(() => engine.putObject({ Bucket: 'cap', Key: 'b', Body: bytes(5) })).toThrow(expect.objectContaining({ code: 'InsufficientStorage', status: 507 }) as Error);
    // Overwriting the only (null) version replaces its bytes: 6 -> 9 fits.
    engine.putObject({ Bucket: 'cap', Key: 'a', Body: bytes(9) });
    expect(engine.storage().storedBytes).toBe(9);
    expect(() => engine.copyObject({ Bucket: 'cap', Key: 'c', CopySource: { Bucket: 'cap', Key: 'a' } })).toThrow(expect.objectContaining({ code: 'InsufficientStorage' }) as Error);
    engine.deleteObject({ Bucket: 'cap', Key: 'a' });
    expect(engine.storage().storedBytes).toBe(0);
    const { UploadId } = engine.createMultipartUpload({ Bucket: 'cap', Key: 'm' });
    const p1 = engine.uploadPart({ Bucket: 'cap', Key: 'm', UploadId, PartNumber: 1, Body: bytes(4) });
    engine.uploadPart({ Bucket: 'cap', Key: 'm', UploadId, PartNumber: 2, Body: bytes(4) });
    expect(() => engine.uploadPart({ Bucket: 'cap', Key: 'm', UploadId, PartNumber: 3, Body: bytes(4) })).toThrow(expect.objectContaining({ code: 'InsufficientStorage' }) as Error);
    // Re-uploading a part replaces its bytes; completing with part 1 only drops part 2.
    engine.uploadPart({ Bucket: 'cap', Key: 'm', UploadId, PartNumber: 2, Body: bytes(6) });
    expect(engine.storage().storedBytes).toBe(10);
    engine.completeMultipartUpload({ Bucket: 'cap', Key: 'm', UploadId, Parts: [{ PartNumber: 1, ETag: p1.ETag }] });
    expect(engine.storage().storedBytes).toBe(4);
    const snap = engine.snapshot();
    engine.reset();
    expect(engine.storage().storedBytes).toBe(0);
    engine.restore(snap);
    expect(engine.storage().storedBytes).toBe(4);
  });

  it('defaults to 1 GiB, and a 5 GiB declaration is refused up front with it', async () => {
    const mock = createS3Mock({ auth: 'none', seed: { buckets: { big: {} } } });
    expect(mock.engine.storage().maxStoredBytes).toBe(GIB);
    const { port } = await start(mock);
    const answer = await sendHead(port, head('PUT', '/big/k', { 'content-length': 5 * GIB }));
    expect(answer).toMatch(/^HTTP\/1\.1 507 [\s\S]*<Code>InsufficientStorage<\/Code>/);
  });
});
