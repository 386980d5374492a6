import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checksumBase64 } from '@s3kit/s3-core';
import type { ChecksumAlgorithm } from '@s3kit/s3-core';
import { useTempDir } from '../test-support/setup.js';
import { createHashPool, createInThreadHashPool, defaultHashWorkers, sharedHashPool } from './hash-pool.js';
import type { HashPool } from './hash-pool.js';
import * as webThreads from '../platform/hash-threads.web.js';
import { cores, hashWorkerScript } from '../platform/hash-threads.node.js';

// The worker runs as plain JavaScript in its own thread, so these tests start the built one.
const BUILT_WORKER = pathToFileURL(join(import.meta.dirname, '../../dist/platform/hash-worker.node.js'));
const ALGORITHMS: ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'];

interface Vector {
  input: { utf8?: string; hex?: string };
  published_base64?: Partial<Record<ChecksumAlgorithm, string>>;
}
const vectors = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../s3-core/test/fixtures/checksums/checksums-basic.json'), 'utf8')) as { base64_vectors: Vector[] }
).base64_vectors.filter((v) => v.published_base64 !== undefined && (v.input.utf8 !== undefined || v.input.hex !== undefined));

function inputOf(v: Vector): Uint8Array {
  return v.input.utf8 !== undefined ? new TextEncoder().encode(v.input.utf8) : Buffer.from(v.input.hex!, 'hex');
}

function sharedCopy(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  out.set(bytes);
  return out;
}

function pattern(size: number, seed = 7): Uint8Array {
  return new Uint8Array(size).map((_, i) => (i * 31 + seed) & 0xff);
}

const pools: HashPool[] = [];
function pool(options: Parameters<typeof createHashPool>[0] = {}): HashPool {
  const p = createHashPool({ script: BUILT_WORKER, minBytes: 0, copyNotWorth: [], ...options });
  pools.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

beforeAll(() => {
  if (!existsSync(BUILT_WORKER)) throw new Error(`${BUILT_WORKER.pathname} is missing: build s3-transfer first (pnpm build)`);
});

describe('createHashPool on worker threads', () => {
  it('computes every published vector as S3 publishes it, from shared and from copied bytes', async () => {
    const p = pool({ workers: 2 });
    expect(vectors.length).toBeGreaterThan(0);
    for (const v of vectors) {
      for (const [algorithm, published] of Object.entries(v.published_base64!) as [ChecksumAlgorithm, string][]) {
        expect(await p.checksum(algorithm, inputOf(v))).toBe(published);
        expect(await p.checksum(algorithm, sharedCopy(inputOf(v)))).toBe(published);
      }
    }
  });

  it('agrees with the in-thread result for every algorithm on unaligned views of large buffers, many at once', async () => {
    const p = pool({ workers: 2, maxQueued: 64 });
    const big = pattern(3 * 1024 * 1024 + 5);
    const views = [big.subarray(1, 2 * 1024 * 1024 + 3), big.subarray(3), sharedCopy(big).subarray(7, 1024 * 1024 + 1)];
    const jobs = ALGORITHMS.flatMap((algorithm) => views.map(async (view) => [await p.checksum(algorithm, view), checksumBase64(algorithm, view)]));
    for (const [pooled, direct] of await Promise.all(jobs)) expect(pooled).toBe(direct);
  });

  it('leaves the caller bytes intact when it copies them to a worker, and reuses its copy buffer for a smaller job', async () => {
    const data = pattern(1024 * 1024);
    const before = checksumBase64('CRC32C', data);
    const p = pool({ workers: 1 });
    expect(await p.checksum('CRC32C', data.subarray(10))).toBe(checksumBase64('CRC32C', data.subarray(10)));
    expect(await p.checksum('CRC32C', data.subarray(0, 1000))).toBe(checksumBase64('CRC32C', data.subarray(0, 1000)));
    expect(data.byteLength).toBe(1024 * 1024);
    expect(checksumBase64('CRC32C', data)).toBe(before);
  });

  it('rejects with ERR_ABORTED for an aborted signal, queued or running, and goes on hashing afterwards', async () => {
    const p = pool({ workers: 1, maxQueued: 8 });
    const data = pattern(8 * 1024 * 1024);
    await expect(p.checksum('CRC64NVME', data, AbortSignal.abort(new Error('stop')))).rejects.toMatchObject({ code: 'ERR_ABORTED' });
    const controller = new AbortController();
    const jobs = [p.checksum('CRC64NVME', data, controller.signal), p.checksum('CRC64NVME', data, controller.signal)].map((job) =>
      expect(job).rejects.toMatchObject({ code: 'ERR_ABORTED' }),
    );
    controller.abort(new Error('user pause'));
    await Promise.all(jobs);
    expect(await p.checksum('CRC32C', data)).toBe(checksumBase64('CRC32C', data));
  });

  it('hashes below minBytes, beyond a full queue and after close on the calling thread, with the same result', async () => {
    const data = pattern(64 * 1024);
    expect(await pool({ minBytes: 1024 * 1024 }).checksum('SHA256', data)).toBe(checksumBase64('SHA256', data));
    const full = pool({ workers: 1, maxQueued: 0 });
    expect(await Promise.all([full.checksum('CRC32C', data), full.checksum('CRC32C', data)])).toEqual([checksumBase64('CRC32C', data), checksumBase64('CRC32C', data)]);
    const closed = pool({ workers: 1 });
    await closed.close();
    expect(await closed.checksum('CRC64NVME', data)).toBe(checksumBase64('CRC64NVME', data));
  });

  it('rejects jobs still waiting when closed with ERR_ABORTED', async () => {
    const p = pool({ workers: 1 });
    const data = pattern(4 * 1024 * 1024);
    const jobs = [p.checksum('CRC64NVME', data), p.checksum('CRC64NVME', data)].map((job) => expect(job).rejects.toMatchObject({ code: 'ERR_ABORTED' }));
    await p.close();
    await Promise.all(jobs);
  });
});

describe('createHashPool when a worker fails', () => {
  const scratch = useTempDir();
  async function script(name: string, body: string): Promise<URL> {
    const path = join(scratch.dir, name);
    await writeFile(path, body);
    return pathToFileURL(path);
  }

  it('turns a worker that throws on start into ERR_HASH_WORKER, job after job, never a hang', async () => {
    const p = pool({ workers: 1, script: await script('throws.mjs', "throw new Error('no such module');\n") });
    for (let i = 0; i < 2; i++) {
      await expect(p.checksum('CRC32C', pattern(16))).rejects.toMatchObject({ name: 'TransferError', code: 'ERR_HASH_WORKER', message: expect.stringContaining('no such module') });
    }
  });

  it('turns a worker that exits mid-job into ERR_HASH_WORKER, and the jobs queued behind it go to a new worker', async () => {
    // Exits on its first job; the replacement (a new thread, a new module instance) would also exit, so
    // the second job proves the pool replaced the worker instead of waiting on a dead one.
    const p = pool({ workers: 1, maxQueued: 8, script: await script('exits.mjs', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n") });
    await Promise.all([
      expect(p.checksum('CRC32C', pattern(16))).rejects.toMatchObject({ code: 'ERR_HASH_WORKER', message: expect.stringContaining('code 3') }),
      expect(p.checksum('CRC32C', pattern(16))).rejects.toMatchObject({ code: 'ERR_HASH_WORKER' }),
    ]);
  });

  it('turns an error a worker reports into ERR_HASH_WORKER, never a wrong checksum', async () => {
    const answer = "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (m) => parentPort.postMessage({ id: m.id, error: 'out of memory' }));\n";
    const p = pool({ workers: 1, script: await script('answers-error.mjs', answer) });
    await expect(p.checksum('SHA256', pattern(16))).rejects.toMatchObject({ code: 'ERR_HASH_WORKER', message: expect.stringContaining('out of memory') });
  });

  it('fails a job it cannot hand to a worker with ERR_HASH_WORKER and keeps the worker for the next one', async () => {
    const p = pool({ workers: 1 });
    const unreadable = new Proxy(pattern(64), {
      get(target, key) {
        if (key === 'buffer') throw new Error('buffer unreadable');
        return Reflect.get(target, key) as unknown;
      },
    });
    await expect(p.checksum('CRC32C', unreadable)).rejects.toMatchObject({ code: 'ERR_HASH_WORKER', message: expect.stringContaining('buffer unreadable') });
    expect(await p.checksum('CRC32C', pattern(64))).toBe(checksumBase64('CRC32C', pattern(64)));
  });

  it('ignores an answer to a job it no longer waits for', async () => {
    const stray = "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (m) => { parentPort.postMessage({ id: m.id + 1000, value: 'AAAAAA==' }); parentPort.postMessage({ id: m.id, value: 'right' }); });\n";
    const p = pool({ workers: 1, script: await script('stray.mjs', stray) });
    expect(await p.checksum('CRC32', pattern(16))).toBe('right');
  });
});

describe('sharedHashPool', () => {
  it('is one pool for the process (managers without a hashPool share its workers instead of starting their own)', async () => {
    const pool = sharedHashPool();
    expect(sharedHashPool()).toBe(pool);
    const data = new Uint8Array(2 * 1024 * 1024).fill(7);
    expect(await pool.checksum('CRC32C', data)).toBe(checksumBase64('CRC32C', data));
  });
});

describe('hashing fallbacks', () => {
  it('hashes in-thread with zero workers or without a worker script, as createInThreadHashPool does', async () => {
    const data = pattern(2 * 1024 * 1024);
    for (const p of [createHashPool({ workers: 0 }), createInThreadHashPool()]) {
      for (const algorithm of ALGORITHMS) expect(await p.checksum(algorithm, data)).toBe(checksumBase64(algorithm, data));
      await expect(p.checksum('CRC32', data, AbortSignal.abort())).rejects.toMatchObject({ code: 'ERR_ABORTED' });
      await p.close();
    }
  });

  it('reports an unknown algorithm in-thread as ERR_VALIDATION', async () => {
    await expect(createInThreadHashPool().checksum('MD4' as ChecksumAlgorithm, pattern(4))).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
  });

  it('has no worker threads in the web variant, and a default pool size from the cores on Node', () => {
    expect(webThreads.Worker).toBeUndefined();
    expect(webThreads.cores()).toBe(1);
    expect(webThreads.hashWorkerScript()).toBeUndefined();
    expect(defaultHashWorkers()).toBe(Math.max(1, Math.min(4, cores() - 1)));
    // From sources (as vitest runs them) the worker script is not beside the module: in-thread.
    expect(hashWorkerScript()).toBeUndefined();
  });
});
