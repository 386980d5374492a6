/**
 * Sets a seed's stage: the source data (a local file or tree, or objects in the mock), and what the
 * destination must hold afterwards, for the checks.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { S3Engine } from '@s3kit/s3-mock';
import { BUCKET } from './environment.js';
import type { Scenario } from './scenario.js';

/** SHA-256 of bytes, hex. */
export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Deterministic bytes for a seed (a linear congruential generator: fast for megabytes). */
export function seededBytes(size: number, seed: number): Uint8Array {
  const out = Buffer.allocUnsafe(size);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** What the destination must hold once the run is over. */
export type Expectation =
  /** One object (uploads and copies). */
  | { kind: 'object'; key: string; sha256: string }
  /** One local file (downloads). */
  | { kind: 'file'; path: string; sha256: string }
  /** A prefix mirroring a local tree (`sync ./dir s3://... --delete`); relative path -> digest. */
  | { kind: 'sync-up'; prefix: string; source: Map<string, string>; before: Map<string, string> }
  /** A local tree mirroring a prefix (`sync s3://... ./dir --delete`). */
  | { kind: 'sync-down'; dir: string; source: Map<string, string>; before: Map<string, string> };

/** A seed's stage. */
export interface Stage {
  /** Directory of the seed's files. */
  dir: string;
  /** The local file of a single-file transfer (source of an upload, target of a download). */
  file: string;
  expectation: Expectation;
}

const SYNC_PREFIX = 'tree/';

function put(engine: S3Engine, key: string, body: Uint8Array): void {
  engine.putObject({ Bucket: BUCKET, Key: key, Body: body });
}

async function tree(dir: string, files: Map<string, Uint8Array>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, body] of files) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), body);
  }
}

function digests(files: Map<string, Uint8Array>): Map<string, string> {
  return new Map([...files].map(([name, body]) => [name, sha256(body)]));
}

/**
 * Two trees for a sync: the source, and a destination that already holds some of the same files,
 * some stale ones and some extra ones (which `--delete` must remove).
 */
function syncTrees(s: Scenario): { source: Map<string, Uint8Array>; destination: Map<string, Uint8Array> } {
  const source = new Map<string, Uint8Array>();
  const destination = new Map<string, Uint8Array>();
  for (let i = 0; i < s.files; i++) {
    const name = i % 3 === 2 ? `sub/f${i}.bin` : `f${i}.bin`;
    const body = seededBytes((s.size * (i + 1)) % (s.size + 1), s.seed * 31 + i);
    source.set(name, body);
    if (i % 3 === 0) destination.set(name, body);
    else if (i % 3 === 1) destination.set(name, seededBytes(body.byteLength + 1, s.seed * 37 + i));
  }
  destination.set('extra-1.bin', seededBytes(10, s.seed));
  if (s.files > 3) destination.set('sub/extra-2.bin', seededBytes(20, s.seed + 1));
  return { source, destination };
}

/** Writes the seed's files and objects. */
export async function prepareStage(s: Scenario, engine: S3Engine, dir: string): Promise<Stage> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'data.bin');
  const data = seededBytes(s.size, s.seed);
  switch (s.operation) {
    case 'upload-buffer':
    case 'upload-stream':
    case 'upload-file':
    case 'cli-upload':
      await writeFile(file, data);
      return { dir, file, expectation: { kind: 'object', key: 'uploaded.bin', sha256: sha256(data) } };
    case 'download':
    case 'cli-download':
      put(engine, 'object.bin', data);
      return { dir, file, expectation: { kind: 'file', path: file, sha256: sha256(data) } };
    case 'copy':
    case 'cli-copy':
      put(engine, 'object.bin', data);
      return { dir, file, expectation: { kind: 'object', key: 'copied.bin', sha256: sha256(data) } };
    case 'cli-sync-up': {
      const { source, destination } = syncTrees(s);
      await tree(join(dir, 'tree'), source);
      for (const [name, body] of destination) put(engine, SYNC_PREFIX + name, body);
      return { dir, file, expectation: { kind: 'sync-up', prefix: SYNC_PREFIX, source: digests(source), before: digests(destination) } };
    }
    case 'cli-sync-down': {
      const { source, destination } = syncTrees(s);
      for (const [name, body] of source) put(engine, SYNC_PREFIX + name, body);
      await tree(join(dir, 'tree'), destination);
      return { dir, file, expectation: { kind: 'sync-down', dir: join(dir, 'tree'), source: digests(source), before: digests(destination) } };
    }
  }
}

/** The prefix synced trees live under. */
export { SYNC_PREFIX };
