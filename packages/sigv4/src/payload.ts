import { createHash } from '#platform/sigv4-crypto';
import { throwIfAborted } from '@s3kit/primitives';
import type { HttpRequestBody } from '@s3kit/primitives';
import { EMPTY_SHA256 } from './constants.js';
import { sha256Hex } from './signing-key.js';

/**
 * Hex SHA-256 of a replayable body (bytes or UTF-8 text); `undefined` for a stream, whose hash
 * cannot be known without reading it (use {@link hashStream} or an unsigned/streaming payload).
 */
export function payloadHashOf(body: HttpRequestBody | undefined): string | undefined {
  if (body === undefined) return EMPTY_SHA256;
  if (typeof body === 'string') return body === '' ? EMPTY_SHA256 : sha256Hex(body);
  if (body instanceof Uint8Array) return body.byteLength === 0 ? EMPTY_SHA256 : sha256Hex(body);
  return undefined;
}

/** Result of {@link hashStream}. */
export interface StreamHash {
  /** Hex SHA-256 of everything read. */
  sha256: string;
  /** Number of bytes read. */
  length: number;
}

/**
 * Computes the SHA-256 of a stream while reading it, without buffering it: pre-hash a file
 * (`createReadStream(path)`) to sign its upload with a real payload hash, then open it again to send.
 * @throws AbortError `ERR_ABORTED` when `signal` aborts between chunks.
 * @example
 * ```ts
 * const { sha256, length } = await hashStream(createReadStream('photo.jpg'));
 * const signed = await signer.sign(request, { payloadHash: sha256 });
 * ```
 */
export async function hashStream(source: AsyncIterable<Uint8Array>, options: { signal?: AbortSignal } = {}): Promise<StreamHash> {
  const hash = createHash('sha256');
  let length = 0;
  throwIfAborted(options.signal);
  for await (const chunk of source) {
    throwIfAborted(options.signal);
    hash.update(chunk);
    length += chunk.byteLength;
  }
  return { sha256: hash.digest('hex'), length };
}
