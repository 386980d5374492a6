/**
 * The child process of a worker run: a plain top-level-await script on s3-transfer's API, as a
 * user would write it. Reads its job (JSON) from argv[2], runs it, and prints one line
 * `CHAOS-RESULT {...}` on stdout: `{ ok: true }`, or `{ ok: false, error }` with exit code 1.
 * Credentials and settings come from the environment, as for any script.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createUndiciTransport, isS3kitError } from '@s3kit/primitives';
import { S3Client } from '@s3kit/s3-core';
import type { S3ClientOptions } from '@s3kit/s3-core';
import { createTransferManager, getTransferLeftover } from '@s3kit/s3-transfer';
import { RESULT_PREFIX } from './worker-protocol.js';
import type { WorkerJob, WorkerResult } from './worker-protocol.js';

async function run(job: WorkerJob, tm: ReturnType<typeof createTransferManager>): Promise<void> {
  const path = job.path ?? '';
  const checkpoint = job.checkpoint === undefined ? {} : { checkpoint: job.checkpoint };
  switch (job.operation) {
    case 'upload-buffer':
      await tm.upload({ Bucket: job.bucket, Key: job.key, Body: new Uint8Array(await readFile(path)) });
      return;
    case 'upload-stream':
      await tm.upload({ Bucket: job.bucket, Key: job.key, Body: createReadStream(path) });
      return;
    case 'upload-file':
      await tm.upload({ Bucket: job.bucket, Key: job.key, Body: path }, checkpoint);
      return;
    case 'download':
      await tm.download({ Bucket: job.bucket, Key: job.key }, { to: path, ...checkpoint });
      return;
    case 'copy':
      await tm.copy({ source: { Bucket: job.bucket, Key: job.sourceKey ?? '' }, destination: { Bucket: job.bucket, Key: job.key } });
      return;
  }
}

function report(result: WorkerResult): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

const job = JSON.parse(process.argv[2] ?? '{}') as WorkerJob;
const transport = job.timeoutMs === undefined ? undefined : createUndiciTransport({ headersTimeoutMs: job.timeoutMs, bodyTimeoutMs: job.timeoutMs });
const options: S3ClientOptions = { endpoint: job.endpoint, region: 'us-east-1', retry: { baseDelayMs: 25 } };
if (transport) options.transport = transport;
const client = new S3Client(options);
const tm = createTransferManager({
  client,
  partSize: job.partSize,
  minPartSize: job.partSize,
  multipartThreshold: job.partSize + 1,
  copyThreshold: job.partSize,
  concurrency: 4,
  retry: { baseDelayMs: 25 },
});
try {
  await run(job, tm);
  report({ ok: true });
} catch (err) {
  const error = err instanceof Error ? err : new Error(String(err));
  report({
    ok: false,
    error: {
      name: error.name,
      code: isS3kitError(err) ? err.code : undefined,
      typed: isS3kitError(err),
      message: error.message,
      leftover: getTransferLeftover(err),
    },
  });
  process.exitCode = 1;
} finally {
  await client.close();
  await transport?.close();
}
