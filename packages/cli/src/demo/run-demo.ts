import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3kitError, systemClock } from '@s3kit/primitives';
import type { Clock, Random } from '@s3kit/primitives';
import { presignGetObject, unlisted } from '@s3kit/s3-core';
import { startS3MockServer } from '@s3kit/s3-mock';
import type { StandaloneS3MockServer } from '@s3kit/s3-mock';
import { deleteObjects } from '@s3kit/s3-transfer';
import type { TransferProgress } from '@s3kit/s3-transfer';
import { createCliClient } from '../client.js';
import type { ConnectionFlags } from '../client.js';
import type { RunContext } from '../context.js';
import type { ProgressReporter, ProgressTask } from '../progress.js';
import { describeError, errorCode } from '../report-error.js';
import { listRemoteObjects } from '../transfer/remote-tree.js';
import { createCliTransferManager } from '../transfer/settings.js';
import type { TransferSettings } from '../transfer/settings.js';
import { changeTree, sha256Of, writeRandomFile, writeTree } from './generate.js';

/** Code of the error thrown when the demo reads back different bytes than it wrote. */
export const ERR_DEMO_VERIFY = 'ERR_DEMO_VERIFY';

const MiB = 1024 * 1024;

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Size of the generated big file in MiB. @default 256 */
  sizeMiB: number;
  /** Number of small files in the synced tree. @default 2000 */
  files: number;
  /** Files changed before the re-sync. @default 50 (at most `files`) */
  changed: number;
  /** Connection; without `endpointUrl` the embedded in-memory server is started. */
  connection: ConnectionFlags;
  /** Transfer settings (concurrency, part size, bandwidth). */
  settings: TransferSettings;
  /** Where progress and step lines go. */
  progress: ProgressReporter;
  /** One line per step (suppressed in --json mode by the caller). */
  print: (line: string) => void;
  clock?: Clock;
  /** For the bucket name's suffix. @default Math.random */
  random?: Random;
}

/** One row of the summary table. */
export interface DemoStep {
  step: string;
  /** Objects or files involved. */
  items: number;
  bytes: number;
  ms: number;
  note: string;
}

/** What the demo did. */
export interface DemoResult {
  endpoint: string;
  embedded: boolean;
  bucket: string;
  steps: DemoStep[];
}

/** A progress listener feeding a task the bytes added since the last report. */
function advancer(task: ProgressTask): (p: TransferProgress) => void {
  let reported = 0;
  return (p) => {
    if (p.loadedBytes > reported) task.advance(p.loadedBytes - reported);
    reported = Math.max(reported, p.loadedBytes);
  };
}

function signalOf(settings: TransferSettings): { signal?: AbortSignal } {
  return settings.signal ? { signal: settings.signal } : {};
}

/** Times `fn` and records it as a step. */
async function timed<T>(clock: Clock, steps: DemoStep[], step: Omit<DemoStep, 'ms'>, fn: () => Promise<T>): Promise<T> {
  const start = clock.now();
  const value = await fn();
  steps.push({ ...step, ms: clock.now() - start });
  return value;
}

function verifyError(what: string, expected: string, actual: string): S3kitError {
  return new S3kitError(`${what}: expected SHA-256 ${expected}, got ${actual}`, { code: ERR_DEMO_VERIFY, details: { expected, actual } });
}

/**
 * The end-to-end demonstration: bucket, big upload with progress, tree sync, change and re-sync
 * (checking that only the changes move), parallel download verified by SHA-256, presigned GET
 * fetched with plain `fetch` and compared, then cleanup of everything it created.
 * @throws {S3kitError} `ERR_DEMO_VERIFY` when bytes read back differ; S3 errors as they come.
 */
export async function runDemo(ctx: RunContext, options: DemoOptions): Promise<DemoResult> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const { progress, print, settings } = options;
  let server: StandaloneS3MockServer | undefined;
  let connection = options.connection;
  if (connection.endpointUrl === undefined) {
    server = await startS3MockServer({ port: 0, host: '127.0.0.1' });
    connection = { ...connection, endpointUrl: server.endpoint, region: connection.region ?? 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    print(`embedded in-memory S3 (s3-mock) listening at ${server.endpoint}`);
  }
  const endpoint = connection.endpointUrl!;
  // The embedded server is reached over real sockets, like any endpoint: no injected transport.
  const { transport, ...withoutTransport } = ctx;
  const client = createCliClient(server || !transport ? withoutTransport : { ...withoutTransport, transport }, connection);
  const bucket = `s3kit-demo-${clock.now().toString(36)}-${Math.floor(random() * 0xffffff).toString(16).padStart(6, '0')}`;
  const steps: DemoStep[] = [];
  const work = await mkdtemp(join(tmpdir(), 's3kit-demo-'));
  let bucketCreated = false;
  try {
    const { region } = await client.resolvedConfig();
    await timed(clock, steps, { step: 'create bucket', items: 1, bytes: 0, note: bucket }, () =>
      client.createBucket(
        region === undefined || region === 'us-east-1' ? { Bucket: bucket } : { Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: unlisted(region) } },
      ),
    );
    bucketCreated = true;
    print(`make_bucket: ${bucket}`);

    const size = options.sizeMiB * MiB;
    const bigPath = join(work, 'big.bin');
    const generating = progress.task('generate big.bin', size);
    const digest = await timed(clock, steps, { step: 'generate file (local)', items: 1, bytes: size, note: 'xorshift32, SHA-256 on the fly' }, () =>
      writeRandomFile(bigPath, size, 0x5eed, (n) => {
        generating.advance(n);
      }),
    );
    generating.done();

    const manager = createCliTransferManager(client, settings);
    const uploading = progress.task('upload big.bin', size);
    const upload = await timed(clock, steps, { step: 'upload', items: 1, bytes: size, note: '' }, () =>
      manager.upload({ Bucket: bucket, Key: 'big.bin', Body: bigPath }, { onProgress: advancer(uploading), ...signalOf(settings) }),
    );
    uploading.done();
    const how = upload.multipart ? `multipart, ${upload.parts} parts, ${settings.concurrency} in flight` : 'one PutObject';
    steps[steps.length - 1]!.note = how;
    print(`upload: big.bin (${options.sizeMiB} MiB, ${how})`);

    const treeRoot = join(work, 'tree');
    const tree = await writeTree(treeRoot, options.files, 0x7ee);
    const sync = async (label: string): Promise<{ moved: number; unchanged: number; bytes: number }> => {
      let bytes = 0;
      const task = progress.task(label, tree.bytes);
      const reported = new Map<string, number>();
      // Reports come per file: count each file's new bytes.
      const onProgress = (p: TransferProgress): void => {
        const delta = p.loadedBytes - (reported.get(p.Key) ?? 0);
        reported.set(p.Key, p.loadedBytes);
        if (delta > 0) {
          bytes += delta;
          task.advance(delta);
        }
      };
      const result = await manager
        .sync({ direction: 'upload', localDir: treeRoot, Bucket: bucket, Prefix: 'tree/', fileConcurrency: Math.max(settings.concurrency, 16), onProgress, ...signalOf(settings) })
        .finally(() => {
          task.done();
        });
      if (result.failed.length > 0) {
        const first = result.failed[0]!;
        throw new S3kitError(`${label}: ${result.failed.length} uploads failed, first: ${describeError(first.error)}`, { code: errorCode(first.error) ?? ERR_DEMO_VERIFY });
      }
      return { moved: result.done.length, unchanged: result.plan.unchanged, bytes };
    };
    const first = await timed(clock, steps, { step: 'sync tree', items: tree.files.length, bytes: tree.bytes, note: '' }, () => sync('sync tree'));
    steps[steps.length - 1]!.note = `${first.moved} uploaded`;
    print(`sync: ${first.moved} files uploaded to s3://${bucket}/tree/`);

    const changed = await changeTree(treeRoot, tree, Math.min(options.changed, tree.files.length));
    const again = await timed(clock, steps, { step: 're-sync after changes', items: 0, bytes: 0, note: '' }, () => sync('re-sync'));
    const last = steps[steps.length - 1]!;
    last.items = again.moved;
    last.bytes = again.bytes;
    last.note = `${again.moved} of ${tree.files.length} moved, ${again.unchanged} unchanged`;
    if (again.moved !== changed.length) {
      throw new S3kitError(`re-sync moved ${again.moved} files, expected only the ${changed.length} changed ones`, { code: ERR_DEMO_VERIFY });
    }
    print(`re-sync: only the ${again.moved} changed files moved (${again.unchanged} unchanged)`);

    const downPath = join(work, 'big.download');
    const downloading = progress.task('download big.bin', size);
    const download = await timed(clock, steps, { step: 'download (parallel ranges)', items: 1, bytes: size, note: '' }, () =>
      manager.download({ Bucket: bucket, Key: 'big.bin' }, { to: downPath, onProgress: advancer(downloading), ...signalOf(settings) }),
    );
    downloading.done();
    const downloaded = await sha256Of(createReadStream(downPath));
    if (downloaded !== digest) throw verifyError('downloaded big.bin', digest, downloaded);
    const rangeCount = Math.ceil(download.size / settings.partSize);
    const ranges = rangeCount <= 1 ? 'one range' : `${rangeCount} parallel ranges`;
    steps[steps.length - 1]!.note = `${ranges}, ${download.verifiedBy} + SHA-256 verified`;
    print(`download: big.bin in ${ranges}, SHA-256 ${digest.slice(0, 16)}... matches`);

    const { url } = await presignGetObject(client, { Bucket: bucket, Key: 'big.bin' }, { expiresIn: 600 });
    const fetching = progress.task('fetch presigned URL', size);
    const fetched = await timed(clock, steps, { step: 'presigned GET via fetch', items: 1, bytes: size, note: '' }, async () => {
      const response = await fetch(url, settings.signal ? { signal: settings.signal } : {});
      if (!response.ok || !response.body) throw new S3kitError(`fetch of the presigned URL answered ${response.status}`, { code: ERR_DEMO_VERIFY });
      return sha256Of(response.body, (n) => {
        fetching.advance(n);
      });
    });
    fetching.done();
    if (fetched !== digest) throw verifyError('presigned GET of big.bin', digest, fetched);
    steps[steps.length - 1]!.note = 'plain fetch, SHA-256 verified';
    print('presign: fetched big.bin with plain fetch through a presigned URL, SHA-256 matches');
  } finally {
    progress.stop();
    const start = clock.now();
    if (bucketCreated) {
      try {
        const keys = (await listRemoteObjects(client, bucket, '')).map((o) => o.key);
        const removed = (await deleteObjects(client, { Bucket: bucket, Keys: keys })).deleted.length;
        await client.deleteBucket({ Bucket: bucket });
        steps.push({ step: 'clean up', items: removed, bytes: 0, ms: clock.now() - start, note: `bucket and ${removed} objects deleted` });
      } catch (err) {
        ctx.stderr.write(`s3kit demo: could not delete s3://${bucket} (${err instanceof Error ? err.message : String(err)}); delete it with 's3kit rb s3://${bucket} --force'\n`);
      }
    }
    await rm(work, { recursive: true, force: true });
    await client.close();
    await server?.stop();
  }
  return { endpoint, embedded: server !== undefined, bucket, steps };
}
