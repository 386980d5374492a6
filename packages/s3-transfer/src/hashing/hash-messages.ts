/** Messages between the hashing pool and its workers. */
import type { ChecksumAlgorithm } from '@s3kit/s3-core';

/** A job for a worker. */
export interface HashRequest {
  id: number;
  algorithm: ChecksumAlgorithm;
  data: Uint8Array;
}

/** A worker's answer: the checksum in base64, or why it could not compute it. */
export type HashResponse = { id: number; value: string } | { id: number; error: string };
