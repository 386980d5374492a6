// The smoke suite's side in Node: the S3 endpoint (s3-mock's HTTP server on loopback) and each
// runtime's input (the shared SigV4 vectors, a bucket of its own).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startS3MockServer } from '@s3kit/s3-mock';
import { runIn } from './runtimes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const VECTORS = join(here, '..', '..', '..', 'packages', 'sigv4', 'test', 'fixtures', 's3-examples');

/** Part size of the suite's transfers (s3-mock is started with it as its smallest part). */
export const SMOKE_PART_SIZE = 64 * 1024;

function loadVectors() {
  const read = (file) => ({ file, ...JSON.parse(readFileSync(join(VECTORS, file), 'utf8')) });
  return {
    date: Date.UTC(2013, 4, 24),
    headers: ['s3-get-object-range.json', 's3-put-object.json', 's3-list-objects.json'].map(read),
    chunked: read('s3-chunked-upload-put-object.json'),
  };
}

/** Starts the suite's S3 endpoint (signatures verified against `test`/`test`, CORS on). */
export function startSmokeEndpoint() {
  return startS3MockServer({ credentials: [{ accessKeyId: 'test', secretAccessKey: 'test' }], minPartSize: SMOKE_PART_SIZE });
}

/** Arms the faults the suite's fault step expects on `bucket` (see smoke-suite.mjs). */
function armFaults(server, bucket) {
  const match = (key) => ({ operation: 'GetObject', bucket, key });
  server.mock.faults.add({ name: `${bucket}-reset`, match: match('faulty/reset'), action: 'reset' });
  server.mock.faults.add({ name: `${bucket}-slow`, match: match('faulty/slow'), action: { slowDown: true } });
  server.mock.faults.add({ name: `${bucket}-stall`, match: match('faulty/stall'), times: 1000, action: { delayMs: 5_000 } });
}

/** Runs the smoke suite in `runtime` against `server` (from {@link startSmokeEndpoint}). */
export function runSmoke(runtime, server, options = {}) {
  const bucket = `smoke-${runtime}`;
  armFaults(server, bucket);
  const input = { endpoint: server.endpoint, bucket, vectors: loadVectors(), partSize: SMOKE_PART_SIZE };
  return runIn(runtime, join(here, 'smoke-suite.mjs'), 'runSmokeSuite', input, options);
}
