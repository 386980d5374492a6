import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isS3ServiceError } from '@s3kit/s3-core';
import type { S3Client } from '@s3kit/s3-core';
import type { S3Location } from '../s3-url.js';
import { runPool } from './pool.js';
import type { TransferSettings } from './settings.js';

/** Result of {@link downloadFile}. */
export interface DownloadResult {
  bytes: number;
  ranges: number;
}

/**
 * Downloads an object to `path`: ranged GETs of `partSize` (`concurrency` in flight, each pinned
 * to the first answer's ETag with `IfMatch`, so a concurrent overwrite fails instead of mixing two
 * versions) written at their offsets into `path.s3kit-part`, renamed into place once complete.
 * @throws {S3ServiceError} `NoSuchKey`, `PreconditionFailed` (changed during the download)...
 */
export async function downloadFile(
  client: S3Client,
  source: S3Location,
  path: string,
  settings: TransferSettings,
  onBytes: (bytes: number) => void = () => undefined,
): Promise<DownloadResult> {
  const send = settings.signal ? { signal: settings.signal } : {};
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.s3kit-part`;
  const file = await open(partial, 'w');
  let ranges = 1;
  let size = 0;
  try {
    const write = async (chunks: AsyncIterable<Uint8Array>, offset: number): Promise<number> => {
      let at = offset;
      for await (const chunk of chunks) {
        await settings.bandwidth?.take(chunk.byteLength, settings.signal);
        let written = 0;
        while (written < chunk.byteLength) {
          const { bytesWritten } = await file.write(chunk, written, chunk.byteLength - written, at + written);
          written += bytesWritten;
        }
        at += chunk.byteLength;
        onBytes(chunk.byteLength);
      }
      return at - offset;
    };
    const first = await client
      .getObject({ Bucket: source.bucket, Key: source.key, Range: `bytes=0-${settings.partSize - 1}` }, send)
      // S3 answers 416 to any range of an empty object.
      .catch((err: unknown) => {
        if (isS3ServiceError(err) && err.code === 'InvalidRange') return client.getObject({ Bucket: source.bucket, Key: source.key }, send);
        throw err;
      });
    size = totalSize(first.ContentRange, first.ContentLength);
    const etag = first.ETag;
    await write(first.Body, 0);
    if (size > settings.partSize) {
      const starts: number[] = [];
      for (let start = settings.partSize; start < size; start += settings.partSize) starts.push(start);
      ranges += starts.length;
      await runPool(
        starts,
        settings.concurrency,
        async (start) => {
          const end = Math.min(start + settings.partSize, size) - 1;
          const part = await client.getObject(
            { Bucket: source.bucket, Key: source.key, Range: `bytes=${start}-${end}`, ...(etag === undefined ? {} : { IfMatch: etag }) },
            send,
          );
          await write(part.Body, start);
        },
        { signal: settings.signal, stopOnError: true },
      );
    }
    await file.close();
    await rename(partial, path);
    return { bytes: size, ranges };
  } catch (err) {
    await file.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw err;
  }
}

/** The object's size from `Content-Range: bytes 0-99/1234` (or the length of a whole-object answer). */
function totalSize(contentRange: string | undefined, contentLength: number | undefined): number {
  const m = contentRange === undefined ? null : /\/(\d+)\s*$/.exec(contentRange);
  return m ? Number(m[1]) : (contentLength ?? 0);
}
