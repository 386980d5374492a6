import { booleanFlag } from '../args.js';
import { EXIT_OK } from '../context.js';
import type { S3Client } from '@s3kit/s3-core';
import { formatS3Url, isS3Url, parseS3Url } from '../s3-url.js';
import type { S3Location } from '../s3-url.js';
import { createCliTransferManager } from '../transfer/settings.js';
import { UsageError } from '../usage-error.js';
import type { CommandScope } from './command.js';
import { progressFor, transferSettings } from './command.js';
import { objectOptions } from './transfer-command.js';

/** Whether a cp streams through stdin or stdout (`-` as source or target), as `aws s3 cp` does. */
export function isStreamCopy(scope: CommandScope): boolean {
  return scope.positionals.length === 2 && scope.positionals.includes('-');
}

function objectUrl(text: string, side: string): S3Location {
  if (!isS3Url(text)) throw new UsageError(`with - as the ${side === 'source' ? 'target' : 'source'}, the ${side} must be an S3 URL`, 'e.g. s3kit cp s3://bucket/key - | less, or tar c dir | s3kit cp - s3://bucket/dir.tar');
  const location = parseS3Url(text);
  if (location.key === '' || location.key.endsWith('/')) throw new UsageError(`${text} names no object`, `give the whole key, e.g. s3://${location.bucket}/file.bin`);
  return location;
}

/**
 * `cp - s3://b/k` uploads stdin (multipart once it passes the part size; the size need not be
 * known) and prints `upload: - to s3://b/k`; `cp s3://b/k -` writes the object's bytes to stdout
 * and nothing else there. Progress, if any, goes to stderr.
 * @throws {UsageError} `ERR_USAGE` for `--recursive`, `-` on both sides, or a side that is not an object.
 */
export async function runStreamCopy(scope: CommandScope, client: S3Client): Promise<number> {
  const [source, target] = scope.positionals as [string, string];
  if (booleanFlag(scope.flags, 'recursive')) throw new UsageError('- streams one object: it cannot be used with --recursive', 'drop --recursive');
  if (source === '-' && target === '-') throw new UsageError('one side must be an S3 URL', 'e.g. s3kit cp - s3://bucket/key');
  const settings = transferSettings(scope);
  const manager = createCliTransferManager(client, settings);
  const signal = scope.ctx.signal;
  const progress = progressFor(scope);
  try {
    if (source === '-') {
      const to = objectUrl(target, 'target');
      const stdin = scope.ctx.stdin;
      if (stdin === undefined) throw new UsageError('there is no stdin to read here', 'give a file instead of -');
      const task = progress.task('-', 0);
      let reported = 0;
      const onProgress = (p: { loadedBytes: number }): void => {
        task.advance(p.loadedBytes - reported);
        reported = p.loadedBytes;
      };
      await manager.upload({ Bucket: to.bucket, Key: to.key, Body: stdin, ...objectOptions(settings) }, { ...(signal ? { signal } : {}), onProgress });
      task.done();
      progress.stop();
      scope.print(`upload: - to ${formatS3Url(to)}`);
      scope.emit({ done: [{ op: 'upload', source: '-', target: formatS3Url(to) }], failed: [] });
      return EXIT_OK;
    }
    const from = objectUrl(source, 'source');
    const stdout = scope.ctx.stdoutBytes;
    if (stdout === undefined) throw new UsageError('there is no stdout to write to here', 'give a file instead of -');
    await manager.download({ Bucket: from.bucket, Key: from.key }, { to: stdout, ...(signal ? { signal } : {}) });
    return EXIT_OK;
  } finally {
    progress.stop();
  }
}
