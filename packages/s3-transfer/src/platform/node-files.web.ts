/**
 * No file system here (browsers, workerd): transfers take Blobs, bytes and streams, and give web
 * streams; a file path, a directory or a local sync fails with a typed error saying so.
 */
import { ConfigError } from '@s3kit/primitives';

function noFiles(): never {
  throw new ConfigError('File paths need a file system (Node, Bun or Deno); here upload a Blob, bytes or a stream, and download to a WritableStream', { source: 'runtime' });
}

const rejectNoFiles = (): Promise<never> => Promise.reject(new ConfigError('File paths need a file system (Node, Bun or Deno); here upload a Blob, bytes or a stream, and download to a WritableStream', { source: 'runtime' }));

/** Stands in for `node:fs`: its callback `stat` throws. */
export const fs = { stat: noFiles };

/** Stands in for `node:fs/promises`: every call rejects. */
export const fsp = {
  open: rejectNoFiles,
  readFile: rejectNoFiles,
  writeFile: rejectNoFiles,
  rename: rejectNoFiles,
  rm: rejectNoFiles,
  mkdir: rejectNoFiles,
  readdir: rejectNoFiles,
  utimes: rejectNoFiles,
};

const paths = { resolve: noFiles, join: noFiles, dirname: noFiles, relative: noFiles, normalize: noFiles, isAbsolute: noFiles, basename: noFiles, sep: '/' };

/** Stands in for `node:path`: every function throws (there are no local paths). */
export const nodePath = { ...paths, posix: paths, win32: paths };
