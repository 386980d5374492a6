import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCheckpoint, parseCheckpoint, removeCheckpoint, saveCheckpoint } from './checkpoint.js';
import type { DownloadCheckpoint, UploadCheckpoint } from './checkpoint.js';
import { nodeFileSystem } from '../files/file-system.js';
import { isTransferError } from '../manager/transfer-error.js';

const upload: UploadCheckpoint = {
  version: 2,
  kind: 'upload',
  Bucket: 'b',
  Key: 'k',
  UploadId: 'u-1',
  partSize: 5,
  checksumAlgorithm: 'CRC64NVME',
  source: { path: '/x', size: 12, mtimeMs: 1000.5 },
  parts: [{ PartNumber: 1, ETag: '"abc"', checksum: { algorithm: 'CRC64NVME', value: 'AAAAAAAAAAA=' }, Size: 5 }],
};
const download: DownloadCheckpoint = {
  version: 2,
  kind: 'download',
  Bucket: 'b',
  Key: 'k',
  ETag: '"e"',
  size: 10,
  partSize: 5,
  tempPath: '/t',
  path: '/p',
  ranges: [{ partNumber: 1, checksum: 'AAAAAA==', md5: 'ff' }],
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3t-ckpt-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('checkpoints', () => {
  it('round-trips upload and download checkpoints atomically, leaving no temp file', async () => {
    const path = join(dir, 'c.json');
    await saveCheckpoint(path, upload);
    expect(await loadCheckpoint(path)).toEqual(upload);
    await saveCheckpoint(path, download);
    expect(await loadCheckpoint(path)).toEqual(download);
    expect(await readdir(dir)).toEqual(['c.json']);
    await removeCheckpoint(path);
    expect(await loadCheckpoint(path)).toBeUndefined();
  });

  it('keeps the old checkpoint and removes the temp file when the rename fails', async () => {
    const path = join(dir, 'c.json');
    await saveCheckpoint(path, upload);
    const failing = { ...nodeFileSystem, rename: () => Promise.reject(new Error('disk gone')) };
    await expect(saveCheckpoint(path, download, failing)).rejects.toThrow('disk gone');
    expect(await loadCheckpoint(path)).toEqual(upload);
    expect(await readdir(dir)).toEqual(['c.json']);
  });

  it('rethrows read errors other than ENOENT', async () => {
    await expect(loadCheckpoint(dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('refuses damaged or foreign documents with ERR_CHECKPOINT_INVALID', async () => {
    const bad = [
      'nope',
      'null',
      JSON.stringify({ ...upload, version: 3 }),
      JSON.stringify({ ...upload, Bucket: 1 }),
      JSON.stringify({ ...upload, partSize: 0 }),
      JSON.stringify({ ...upload, UploadId: undefined }),
      JSON.stringify({ ...upload, checksumAlgorithm: 'yes' }),
      JSON.stringify({ ...upload, source: { path: '/x' } }),
      JSON.stringify({ ...upload, parts: [{ PartNumber: 1 }] }),
      JSON.stringify({ ...upload, parts: [null] }),
      JSON.stringify({ ...download, ETag: undefined }),
      JSON.stringify({ ...download, ranges: [{ partNumber: -1 }] }),
      JSON.stringify({ ...download, ranges: [3] }),
      JSON.stringify({ ...download, kind: 'copy' }),
    ];
    for (const text of bad) {
      let caught: unknown;
      try {
        parseCheckpoint(text);
      } catch (err) {
        caught = err;
      }
      expect(isTransferError(caught) && caught.code === 'ERR_CHECKPOINT_INVALID', text).toBe(true);
    }
    const path = join(dir, 'bad.json');
    await writeFile(path, '{"version":1}');
    await expect(loadCheckpoint(path)).rejects.toMatchObject({ code: 'ERR_CHECKPOINT_INVALID' });
  });

  // The fixtures were written by the version 1 writer (an upload and a download paused after their
  // first parts), before checksums carried their algorithm.
  it('reads version 1 checkpoints: the CRC32 fields of an upload become { algorithm, value }', async () => {
    const fixtures = join(import.meta.dirname, '../../test/fixtures');
    const v1Upload = await readFile(join(fixtures, 'checkpoint-v1-upload.json'), 'utf8');
    const parsed = parseCheckpoint(v1Upload);
    const raw = JSON.parse(v1Upload) as { parts: { ChecksumCRC32: string }[]; UploadId: string; source: unknown };
    expect(parsed).toEqual({
      version: 2,
      kind: 'upload',
      Bucket: 'bkt',
      Key: 'k',
      UploadId: raw.UploadId,
      partSize: 1024,
      checksumAlgorithm: 'CRC32',
      source: raw.source,
      parts: [{ PartNumber: 1, ETag: '"6d253fc98a6e6aef5f34e4153a8f567d"', Size: 1024, checksum: { algorithm: 'CRC32', value: raw.parts[0]!.ChecksumCRC32 } }],
    });
    const v1Download = JSON.parse(await readFile(join(fixtures, 'checkpoint-v1-download.json'), 'utf8')) as Record<string, unknown>;
    expect(parseCheckpoint(JSON.stringify(v1Download))).toEqual({ ...v1Download, version: 2 });
    const unchecked = { ...(JSON.parse(v1Upload) as Record<string, unknown>), checksum: false, parts: [] };
    expect(parseCheckpoint(JSON.stringify(unchecked))).not.toHaveProperty('checksumAlgorithm');
    for (const bad of [{ checksum: 'yes' }, { parts: [{ PartNumber: 1, ETag: '"e"', Size: 1, ChecksumCRC32: 7 }] }, { version: 3 }]) {
      expect(() => parseCheckpoint(JSON.stringify({ ...(JSON.parse(v1Upload) as object), ...bad }))).toThrow(expect.objectContaining({ code: 'ERR_CHECKPOINT_INVALID' }));
    }
  });

  it('refuses a part checksum of an unknown algorithm', () => {
    const part = { PartNumber: 1, ETag: '"e"', Size: 1, checksum: { algorithm: 'MD5', value: 'x' } };
    expect(() => parseCheckpoint(JSON.stringify({ ...upload, parts: [part] }))).toThrow(expect.objectContaining({ code: 'ERR_CHECKPOINT_INVALID' }));
    expect(() => parseCheckpoint(JSON.stringify({ ...upload, checksumAlgorithm: 'MD5' }))).toThrow(expect.objectContaining({ code: 'ERR_CHECKPOINT_INVALID' }));
  });
});
