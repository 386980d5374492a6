import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpTransport } from '@s3kit/primitives';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as cp } from '../commands/cp.js';
import { createByteStream } from '../demo/generate.js';
import { mockContext } from '../test-support/context.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3kit-fail-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const MiB = 1024 * 1024;

describe('transfer failures', () => {
  it('a failing part aborts the multipart upload: no upload left in flight', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: {} } }, { cwd: dir });
    const data = new Uint8Array(11 * MiB);
    createByteStream(1)(data);
    await writeFile(join(dir, 'big.bin'), data);
    mock.faults.add({ match: { operation: 'UploadPart' }, action: { status: 403, code: 'AccessDenied' } });
    expect(await cp(['big.bin', 's3://bkt/big.bin', '--part-size', '5MiB'], ctx)).toBe(1);
    expect(ctx.stderr.text).toContain('AccessDenied');
    expect(mock.uploadsInFlight()).toEqual([]);
    expect(mock.requests.some((r) => r.operation === 'AbortMultipartUpload')).toBe(true);
  });

  it('--resume keeps the checkpoint of a failed multipart upload and sends only the missing parts next time', async () => {
    const { mock, ctx } = mockContext({ buckets: { bkt: {} } }, { cwd: dir });
    const data = new Uint8Array(16 * MiB);
    createByteStream(3)(data);
    await writeFile(join(dir, 'big.bin'), data);
    ctx.transport = {
      send: (request, options) => (request.query?.partNumber === '3' ? Promise.reject(new Error('part 3 refused')) : mock.transport.send(request, options)),
    };
    const args = ['big.bin', 's3://bkt/big.bin', '--part-size', '5MiB', '--concurrency', '1', '--resume'];
    expect(await cp(args, ctx)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['big.bin', 'big.bin.s3kit-checkpoint']);
    expect(mock.uploadsInFlight()).toHaveLength(1);
    const sentBefore = mock.requests.filter((r) => r.operation === 'UploadPart' && r.status === 200).length;
    expect(sentBefore).toBe(2);
    ctx.transport = mock.transport;
    expect(await cp(args, ctx), ctx.stderr.text).toBe(0);
    expect(mock.requests.filter((r) => r.operation === 'UploadPart' && r.status === 200).length - sentBefore).toBe(2);
    expect(await readdir(dir)).toEqual(['big.bin']);
    expect(mock.uploadsInFlight()).toEqual([]);
    expect(mock.engine.headObject({ Bucket: 'bkt', Key: 'big.bin' }).ContentLength).toBe(16 * MiB);
  });

  it('a failing range removes the partial file and keeps no target', async () => {
    const data = new Uint8Array(11 * MiB);
    createByteStream(2)(data);
    const { mock, ctx } = mockContext({ buckets: { bkt: { objects: { big: data } } } }, { cwd: dir });
    // The first range succeeds; the second range's request fails.
    const transport: HttpTransport = {
      send: (request, options) =>
        request.headers.range === `bytes=${5 * MiB}-${10 * MiB - 1}` ? Promise.reject(new Error('second range refused')) : mock.transport.send(request, options),
    };
    ctx.transport = transport;
    expect(await cp(['s3://bkt/big', 'out.bin', '--part-size', '5MiB', '--concurrency', '1'], ctx)).toBe(1);
    expect(ctx.stderr.text).toContain('second range refused');
    expect(mock.requests.filter((r) => r.operation === 'GetObject').length).toBeGreaterThanOrEqual(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('an interrupted upload exits 130, with the multipart upload aborted', async () => {
    const controller = new AbortController();
    const { mock, ctx } = mockContext({ buckets: { bkt: {} } }, { cwd: dir });
    ctx.signal = controller.signal;
    await writeFile(join(dir, 'big.bin'), new Uint8Array(11 * MiB));
    ctx.transport = {
      send: (request, options) => {
        if (request.query?.partNumber === '2') controller.abort();
        return mock.transport.send(request, options);
      },
    };
    expect(await cp(['big.bin', 's3://bkt/big.bin', '--part-size', '5MiB', '--concurrency', '1'], ctx)).toBe(130);
    expect(ctx.stderr.text).toContain('ERR_ABORTED');
    expect(mock.uploadsInFlight()).toEqual([]);
  });
});
