import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { S3Location } from '../s3-url.js';
import { formatS3Url, isS3Url, parseS3Url } from '../s3-url.js';
import { UsageError } from '../usage-error.js';

/** One side of a transfer: a local path or an S3 location. */
export type Endpoint = { kind: 'local'; path: string } | ({ kind: 's3' } & S3Location);

/** One unit of work of cp/mv/sync. */
export type TransferAction =
  | { kind: 'upload'; source: string; target: S3Location; size: number }
  | { kind: 'download'; source: S3Location; target: string; size: number; lastModifiedMs?: number }
  | { kind: 'copy'; source: S3Location; target: S3Location; size: number }
  | { kind: 'delete-local'; target: string; size: number }
  | { kind: 'delete-s3'; target: S3Location; size: number };

/** Parses a command-line location (`s3://...` or a path relative to `cwd`). @throws {UsageError} */
export function parseEndpoint(arg: string, cwd: string): Endpoint {
  if (isS3Url(arg)) return { kind: 's3', ...parseS3Url(arg) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
    throw new UsageError(`${JSON.stringify(arg)} is neither a local path nor an S3 URL`, 'write S3 locations as s3://bucket/key');
  }
  return { kind: 'local', path: resolve(cwd, arg) };
}

/** How an action reads in output lines: `upload: ./a to s3://b/a`. */
export function describeAction(action: TransferAction): string {
  switch (action.kind) {
    case 'upload':
      return `upload: ${action.source} to ${formatS3Url(action.target)}`;
    case 'download':
      return `download: ${formatS3Url(action.source)} to ${action.target}`;
    case 'copy':
      return `copy: ${formatS3Url(action.source)} to ${formatS3Url(action.target)}`;
    case 'delete-local':
      return `delete: ${action.target}`;
    case 'delete-s3':
      return `delete: ${formatS3Url(action.target)}`;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The action of a single-object `cp` (no --recursive): a trailing `/` or an existing directory
 * as target keeps the source's name, as the AWS CLI does.
 * @throws {UsageError} for local-to-local copies, a missing or directory local source.
 */
export async function singleAction(source: Endpoint, target: Endpoint, rawTarget: string): Promise<TransferAction> {
  if (source.kind === 'local' && target.kind === 'local') {
    throw new UsageError('one side must be an S3 URL', 'e.g. s3kit cp ./file s3://bucket/key');
  }
  if (source.kind === 'local' && target.kind === 's3') {
    let size: number;
    try {
      const info = await stat(source.path);
      if (info.isDirectory()) throw new UsageError(`${source.path} is a directory`, 'add --recursive to copy a directory');
      size = info.size;
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`cannot read ${source.path}`, 'check the local path');
    }
    const key = target.key === '' || target.key.endsWith('/') ? `${target.key}${basename(source.path)}` : target.key;
    return { kind: 'upload', source: source.path, target: { bucket: target.bucket, key }, size };
  }
  if (source.kind === 's3' && source.key === '') throw new UsageError('the source needs a key', 'add --recursive to copy everything under it');
  const src = source as S3Location;
  const name = src.key.slice(src.key.lastIndexOf('/') + 1);
  if (target.kind === 'local') {
    const dir = rawTarget.endsWith('/') || rawTarget.endsWith('\\') || (await isDirectory(target.path));
    return { kind: 'download', source: src, target: dir ? join(target.path, name) : target.path, size: 0 };
  }
  const key = target.key === '' || target.key.endsWith('/') ? `${target.key}${name}` : target.key;
  return { kind: 'copy', source: src, target: { bucket: target.bucket, key }, size: 0 };
}
