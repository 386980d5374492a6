import { paginateListObjectsV2 } from '@s3kit/s3-core';
import type { S3Client } from '@s3kit/s3-core';

/** An object found under a prefix. */
export interface RemoteObject {
  /** Key relative to the listed prefix. */
  relative: string;
  key: string;
  size: number;
  lastModifiedMs: number;
  etag: string | undefined;
}

/** Lists every object under `prefix` (all pages), keys relative to it. */
export async function listRemoteObjects(client: S3Client, bucket: string, prefix: string, signal?: AbortSignal): Promise<RemoteObject[]> {
  const out: RemoteObject[] = [];
  for await (const page of paginateListObjectsV2(client, { Bucket: bucket, Prefix: prefix }, signal ? { signal } : {})) {
    for (const object of page.Contents ?? []) {
      const key = object.Key ?? '';
      out.push({
        relative: key.slice(prefix.length),
        key,
        size: object.Size ?? 0,
        lastModifiedMs: object.LastModified?.getTime() ?? 0,
        etag: object.ETag,
      });
    }
  }
  return out;
}

/** The prefix a directory-like S3 URL lists: '' or ending with `/`. */
export function directoryPrefix(key: string): string {
  return key === '' || key.endsWith('/') ? key : `${key}/`;
}
