import { open, stat } from 'node:fs/promises';
import type { S3Client } from '@s3kit/s3-core';
import type { S3Location } from '../s3-url.js';
import { runPool } from './pool.js';
import type { TransferSettings } from './settings.js';

/** Result of {@link uploadFile}. */
export interface UploadResult {
  bytes: number;
  parts: number;
  etag: string | undefined;
}

/**
 * Uploads a local file: one PutObject below `partSize`, otherwise a multipart upload whose parts
 * (read at their offsets, `concurrency` in flight) are aborted on failure so no part is left billed.
 * Memory held: at most `concurrency * partSize`.
 * @throws {S3ServiceError} the first failing call's error; `AbortError` on `settings.signal`.
 */
export async function uploadFile(
  client: S3Client,
  path: string,
  target: S3Location,
  settings: TransferSettings,
  onBytes: (bytes: number) => void = () => undefined,
): Promise<UploadResult> {
  const size = (await stat(path)).size;
  const send = settings.signal ? { signal: settings.signal } : {};
  const headers = {
    ...(settings.contentType === undefined ? {} : { ContentType: settings.contentType }),
    ...(settings.metadata === undefined ? {} : { Metadata: settings.metadata }),
  };
  const file = await open(path, 'r');
  try {
    const readRange = async (start: number, length: number): Promise<Uint8Array> => {
      const buffer = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await file.read(buffer, filled, length - filled, start + filled);
        if (bytesRead === 0) throw new Error(`${path} shrank while it was being uploaded`);
        filled += bytesRead;
      }
      await settings.bandwidth?.take(length, settings.signal);
      return buffer;
    };
    if (size <= settings.partSize) {
      const body = await readRange(0, size);
      const out = await client.putObject({ Bucket: target.bucket, Key: target.key, Body: body, ...headers }, send);
      onBytes(size);
      return { bytes: size, parts: 1, etag: out.ETag };
    }
    const { UploadId } = await client.createMultipartUpload({ Bucket: target.bucket, Key: target.key, ...headers }, send);
    const uploadId = UploadId ?? '';
    const count = Math.ceil(size / settings.partSize);
    const etags: string[] = new Array<string>(count);
    try {
      const numbers = Array.from({ length: count }, (_, i) => i + 1);
      await runPool(
        numbers,
        settings.concurrency,
        async (partNumber) => {
          const start = (partNumber - 1) * settings.partSize;
          const body = await readRange(start, Math.min(settings.partSize, size - start));
          const out = await client.uploadPart(
            { Bucket: target.bucket, Key: target.key, UploadId: uploadId, PartNumber: partNumber, Body: body },
            send,
          );
          etags[partNumber - 1] = out.ETag ?? '';
          onBytes(body.byteLength);
        },
        { signal: settings.signal, stopOnError: true },
      );
      const done = await client.completeMultipartUpload(
        {
          Bucket: target.bucket,
          Key: target.key,
          UploadId: uploadId,
          MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
        },
        send,
      );
      return { bytes: size, parts: count, etag: done.ETag };
    } catch (err) {
      await client.abortMultipartUpload({ Bucket: target.bucket, Key: target.key, UploadId: uploadId }).catch(() => undefined);
      throw err;
    }
  } finally {
    await file.close();
  }
}
