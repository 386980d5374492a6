import type { Readable } from 'node:stream';
import { Readable as Readables, createWriteStream, pipeline } from '#platform/node-streams';
import { NetworkError, S3kitError } from '@s3kit/primitives';
import type { HttpResponseBody } from '@s3kit/primitives';
import { createChecksum } from '../checksums/checksum.js';
import type { ChecksumAlgorithm } from '../checksums/checksum.js';

/** Code of {@link ChecksumMismatchError}. */
export const ERR_CHECKSUM_MISMATCH = 'ERR_CHECKSUM_MISMATCH';

/** The body's checksum differs from the one the server stored: the data was corrupted on the way. */
export class ChecksumMismatchError extends S3kitError {
  override readonly name = 'ChecksumMismatchError' as const;
  declare readonly code: typeof ERR_CHECKSUM_MISMATCH;
  constructor(algorithm: string, expected: string, actual: string) {
    super(`Response body ${algorithm} checksum mismatch: expected ${expected}, computed ${actual}`, {
      code: ERR_CHECKSUM_MISMATCH,
      retryable: true,
      details: { algorithm, expected, actual },
    });
  }
}

/** What the body checks while it is read. */
export interface BodyChecks {
  /** Expected length in bytes (`content-length` of an identity-encoded body). */
  expectedLength?: number | undefined;
  /** Full-object checksum to validate. */
  checksum?: { algorithm: ChecksumAlgorithm; expected: string } | undefined;
}

/**
 * A GetObject body: read it once, in the form you need. An unread body keeps its connection busy:
 * always read it or call {@link S3Body.dump}. (As a safety net the client dumps a body that is
 * garbage-collected unread, logging it at debug level, and `client.close()` dumps those still open.)
 * Every reader validates the length (a truncated body
 * throws a retryable `NetworkError`, code `ERR_BODY_TRUNCATED`) and, when asked for, the checksum
 * (`ChecksumMismatchError`, `ERR_CHECKSUM_MISMATCH`).
 * @example
 * ```ts
 * const { Body } = await client.getObject({ Bucket: 'photos', Key: 'a.json' });
 * const doc = await Body.json<{ id: string }>();
 * // or: await Body.pipeTo('/tmp/a.json'); for await (const chunk of Body) ...; await Body.dump();
 * ```
 */
export interface S3Body extends AsyncIterable<Uint8Array> {
  /** Reads the whole body. */
  bytes(): Promise<Uint8Array>;
  /** Reads the whole body as UTF-8 text. */
  text(): Promise<string>;
  /** Reads and parses the body as JSON. */
  json<T = unknown>(): Promise<T>;
  /** A Node.js `Readable` of the body (destroying it releases the connection). */
  toNodeReadable(): Readable;
  /** A web `ReadableStream` of the body (cancelling it releases the connection). */
  toWebStream(): ReadableStream<Uint8Array>;
  /** Writes the body to a file and resolves once it is flushed. */
  pipeTo(path: string, options?: { signal?: AbortSignal }): Promise<void>;
  /** Discards the body and releases the connection. Safe to call more than once, and after reading. */
  dump(): Promise<void>;
}

async function* checked(source: AsyncIterable<Uint8Array>, checks: BodyChecks): AsyncGenerator<Uint8Array> {
  let received = 0;
  const sum = checks.checksum ? createChecksum(checks.checksum.algorithm) : undefined;
  for await (const chunk of source) {
    received += chunk.byteLength;
    sum?.update(chunk);
    yield chunk;
  }
  verify(received, sum, checks);
}

function verify(received: number, sum: ReturnType<typeof createChecksum> | undefined, checks: BodyChecks): void {
  if (checks.expectedLength !== undefined && received !== checks.expectedLength) {
    throw new NetworkError(`Response body truncated: received ${received} of ${checks.expectedLength} bytes`, {
      code: 'ERR_BODY_TRUNCATED',
      details: { received, expected: checks.expectedLength },
    });
  }
  if (sum && checks.checksum) {
    const actual = sum.digestBase64();
    if (actual !== checks.checksum.expected) throw new ChecksumMismatchError(checks.checksum.algorithm, checks.checksum.expected, actual);
  }
}

/**
 * Wraps the transport's body as an {@link S3Body} that validates what it reads.
 * @example
 * ```ts
 * const { Body } = await client.getObject({ Bucket, Key });
 * const text = await Body.text();
 * ```
 */
export function createS3Body(body: HttpResponseBody, checks: BodyChecks = {}): S3Body {
  const needsCheck = checks.expectedLength !== undefined || checks.checksum !== undefined;
  const iterate = (): AsyncIterator<Uint8Array> => (needsCheck ? checked(body, checks) : body[Symbol.asyncIterator]());
  const bytes = async (): Promise<Uint8Array> => {
    const data = await body.bytes();
    if (needsCheck) {
      const sum = checks.checksum ? createChecksum(checks.checksum.algorithm).update(data) : undefined;
      verify(data.byteLength, sum, checks);
    }
    return data;
  };
  const s3Body: S3Body = {
    [Symbol.asyncIterator]: iterate,
    bytes,
    text: async () => new TextDecoder().decode(await bytes()),
    json: async <T>() => JSON.parse(new TextDecoder().decode(await bytes())) as T,
    toNodeReadable: () => {
      const readable = Readables.from({ [Symbol.asyncIterator]: iterate }, { objectMode: false });
      readable.once('close', () => void body.dump().catch(() => undefined));
      return readable;
    },
    toWebStream: () => {
      let iterator: AsyncIterator<Uint8Array> | undefined;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          iterator ??= iterate();
          const result = await iterator.next();
          if (result.done) controller.close();
          else controller.enqueue(result.value);
        },
        async cancel() {
          await iterator?.return?.();
          await body.dump();
        },
      });
    },
    pipeTo: async (path, options = {}) => {
      let file: ReturnType<typeof createWriteStream> | undefined;
      try {
        file = createWriteStream(path);
        await pipeline(s3Body.toNodeReadable(), file, options.signal ? { signal: options.signal } : {});
      } finally {
        // A write stream destroyed before its open() returned still creates the file afterwards:
        // once pipeTo settles, the file is there and closed, so a caller removing a partial file
        // after a failure removes it for good.
        if (file && !file.closed) {
          const opened = file;
          await new Promise<void>((resolve) => opened.once('close', () => { resolve(); }));
        }
        await body.dump();
      }
    },
    dump: () => body.dump(),
  };
  return s3Body;
}
