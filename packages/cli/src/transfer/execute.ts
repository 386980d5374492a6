import type { TransferManager, TransferProgress } from '@s3kit/s3-transfer';
import type { TransferAction } from './actions.js';
import { checkpointPath } from './settings.js';
import type { TransferSettings } from './settings.js';

/**
 * Runs the one action of a non-recursive cp/mv with s3-transfer's manager: `--content-type` and
 * `--metadata` on uploads and copies (a copy then replaces the source's headers), `--resume`
 * checkpoints beside the local file.
 */
export async function executeSingle(manager: TransferManager, action: TransferAction, settings: TransferSettings, onProgress: (p: TransferProgress) => void): Promise<void> {
  const per = { onProgress, ...(settings.signal ? { signal: settings.signal } : {}) };
  const headers = {
    ...(settings.contentType === undefined ? {} : { ContentType: settings.contentType }),
    ...(settings.metadata === undefined ? {} : { Metadata: settings.metadata }),
  };
  if (action.kind === 'upload') {
    await manager.upload(
      { Bucket: action.target.bucket, Key: action.target.key, Body: action.source, ...headers },
      settings.resume === true ? { ...per, checkpoint: checkpointPath(action.source) } : per,
    );
  } else if (action.kind === 'download') {
    await manager.download(
      { Bucket: action.source.bucket, Key: action.source.key },
      { ...per, to: action.target, ...(settings.resume === true ? { checkpoint: checkpointPath(action.target) } : {}) },
    );
  } else if (action.kind === 'copy') {
    await manager.copy(
      { source: { Bucket: action.source.bucket, Key: action.source.key }, destination: { Bucket: action.target.bucket, Key: action.target.key, ...headers } },
      settings.metadata === undefined && settings.contentType === undefined ? per : { ...per, metadata: 'replace' },
    );
  }
}
