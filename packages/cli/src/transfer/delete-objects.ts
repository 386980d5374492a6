import type { S3Client } from '@s3kit/s3-core';

/** Result of {@link deleteKeys}: the keys deleted and those S3 refused, with its code. */
export interface DeleteResult {
  deleted: string[];
  failed: { key: string; code: string; message: string }[];
}

const BATCH = 1000;

/** Deletes keys with DeleteObjects, 1000 per request (S3's limit). */
export async function deleteKeys(client: S3Client, bucket: string, keys: readonly string[], signal?: AbortSignal): Promise<DeleteResult> {
  const result: DeleteResult = { deleted: [], failed: [] };
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch = keys.slice(i, i + BATCH);
    const out = await client.deleteObjects(
      { Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: false } },
      signal ? { signal } : {},
    );
    for (const d of out.Deleted ?? []) result.deleted.push(d.Key ?? '');
    for (const e of out.Errors ?? []) result.failed.push({ key: e.Key ?? '', code: e.Code ?? 'Unknown', message: e.Message ?? '' });
  }
  return result;
}
