/**
 * The hashing pool's worker: receives `{ id, algorithm, data }` and answers `{ id, value }` (the
 * base64 checksum) or `{ id, error }`. `data` shares the sender's memory when it lives on a
 * SharedArrayBuffer, else it is a copy in a shared buffer the pool keeps for this worker.
 */
import { parentPort } from 'node:worker_threads';
import { checksumBase64 } from '@s3kit/s3-core';
import type { HashRequest, HashResponse } from '../hashing/hash-messages.js';

parentPort?.on('message', (request: HashRequest) => {
  let response: HashResponse;
  try {
    response = { id: request.id, value: checksumBase64(request.algorithm, request.data) };
  } catch (err) {
    response = { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(response);
});
