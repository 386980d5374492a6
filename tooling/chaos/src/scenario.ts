/**
 * What one seed runs: an operation, who runs it (a plain script on s3-transfer's API, or the real
 * `s3kit` bin), the sizes, and a mix of faults, all drawn from the seed so a run replays exactly.
 */
import { createSeededRandom } from '@s3kit/primitives';
import type { Random } from '@s3kit/primitives';

/** The transfers the matrix drives. */
export type Operation =
  /** s3-transfer `upload` of bytes held in memory. */
  | 'upload-buffer'
  /** s3-transfer `upload` of a stream of unknown length. */
  | 'upload-stream'
  /** s3-transfer `upload` of a file path (resumable with a checkpoint). */
  | 'upload-file'
  /** s3-transfer parallel ranged `download` to a file. */
  | 'download'
  /** s3-transfer server-side `copy` (CopyObject, or UploadPartCopy above the copy threshold). */
  | 'copy'
  /** `s3kit cp ./file s3://...`. */
  | 'cli-upload'
  /** `s3kit cp s3://... ./file`. */
  | 'cli-download'
  /** `s3kit cp s3://... s3://...`. */
  | 'cli-copy'
  /** `s3kit sync ./dir s3://.../ --delete`. */
  | 'cli-sync-up'
  /** `s3kit sync s3://.../ ./dir --delete`. */
  | 'cli-sync-down';

/** The faults the matrix injects. */
export type FaultKind =
  | 'reset-before-headers'
  | 'reset-mid-body'
  | 'storm-500'
  | 'storm-slowdown'
  | 'storm-slowdown-retry-after'
  | 'truncated-body'
  | '200-with-error'
  | 'empty-200'
  | 'wrong-content-range'
  | 'slow-past-timeout'
  | 'endless-listing'
  | 'clock-skew'
  | 'expiring-credentials'
  | 'kill-and-resume';

/** One injected fault: what, on which S3 operation, how many times. */
export interface FaultPlan {
  kind: FaultKind;
  /** The S3 operation it hits (none for process- and credential-level faults). */
  target?: string;
  /** How many requests it hits (a storm longer than the retry budget makes the run fail). */
  times: number;
  /** Lets this many matching requests through first. */
  nth: number;
}

/** Everything one seed does. */
export interface Scenario {
  seed: number;
  operation: Operation;
  driver: 'worker' | 'cli';
  /** Bytes of the object or file (for syncs, of each file). */
  size: number;
  /** Files of a sync tree. */
  files: number;
  /** Part size (worker: small parts; the CLI's smallest is 5 MiB). */
  partSize: number;
  faults: FaultPlan[];
}

const KiB = 1024;
const MiB = 1024 * KiB;

/** Worker part size: small, so multipart paths run with little data. */
export const WORKER_PART_SIZE = 256 * KiB;
/** The CLI's smallest `--part-size`. */
export const CLI_PART_SIZE = 5 * MiB;

/** S3 operations each transfer sends, the targets its faults may hit. */
const TARGETS: Readonly<Record<Operation, { single: readonly string[]; multipart: readonly string[] }>> = {
  'upload-buffer': { single: ['PutObject'], multipart: ['CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload'] },
  'upload-stream': { single: ['PutObject'], multipart: ['CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload'] },
  'upload-file': { single: ['PutObject'], multipart: ['CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload'] },
  download: { single: ['HeadObject', 'GetObject'], multipart: ['HeadObject', 'GetObject'] },
  copy: { single: ['HeadObject', 'CopyObject'], multipart: ['HeadObject', 'CreateMultipartUpload', 'UploadPartCopy', 'CompleteMultipartUpload'] },
  'cli-upload': { single: ['PutObject'], multipart: ['CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload'] },
  'cli-download': { single: ['HeadObject', 'GetObject'], multipart: ['HeadObject', 'GetObject'] },
  'cli-copy': { single: ['HeadObject', 'CopyObject'], multipart: ['HeadObject', 'CopyObject'] },
  'cli-sync-up': { single: ['ListObjectsV2', 'PutObject', 'DeleteObject'], multipart: ['ListObjectsV2', 'PutObject', 'DeleteObject'] },
  'cli-sync-down': { single: ['ListObjectsV2', 'GetObject', 'HeadObject'], multipart: ['ListObjectsV2', 'GetObject', 'HeadObject'] },
};

/** Faults that make sense for an S3 operation (a body to cut, a result to fake, a range to lie about). */
function faultsFor(target: string): FaultKind[] {
  const common: FaultKind[] = ['reset-before-headers', 'storm-500', 'storm-slowdown', 'storm-slowdown-retry-after', 'clock-skew'];
  // The faults only these answers can have are listed twice, so they come up as often as the common ones.
  if (target === 'GetObject') return [...common, 'reset-mid-body', 'truncated-body', 'wrong-content-range', 'reset-mid-body', 'wrong-content-range'];
  if (target === 'ListObjectsV2') return [...common, 'truncated-body', 'endless-listing', 'truncated-body', 'endless-listing'];
  if (target === 'CopyObject' || target === 'UploadPartCopy' || target === 'CompleteMultipartUpload') return [...common, '200-with-error', 'empty-200', '200-with-error', 'empty-200'];
  return common;
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

const OPERATIONS: readonly Operation[] = [
  'upload-buffer',
  'upload-stream',
  'upload-file',
  'download',
  'copy',
  'cli-upload',
  'cli-download',
  'cli-copy',
  'cli-sync-up',
  'cli-sync-down',
];

/** The scenario of `seed` (deterministic). */
export function scenarioOf(seed: number): Scenario {
  const random = createSeededRandom(seed * 2654435761);
  const operation = pick(random, OPERATIONS);
  const driver = operation.startsWith('cli-') ? 'cli' : 'worker';
  const sync = operation === 'cli-sync-up' || operation === 'cli-sync-down';
  const partSize = driver === 'cli' ? CLI_PART_SIZE : WORKER_PART_SIZE;
  // A third of the runs go multipart (server-side copies by the CLI stay single: 5 GiB is its threshold).
  const multipart = !sync && operation !== 'cli-copy' && random() < 0.35;
  const size = sync ? between(random, 0, 96 * KiB) : multipart ? between(random, 2 * partSize + 1, 4 * partSize - 1) : between(random, 0, partSize);
  const files = sync ? between(random, 2, 6) : 1;
  const targets = TARGETS[operation][multipart ? 'multipart' : 'single'];
  const faults: FaultPlan[] = [];
  const count = pick(random, [0, 1, 1, 2, 2, 3]);
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.08 && driver === 'worker' && operation !== 'copy') {
      // Not CreateMultipartUpload: a server that creates the upload after the client gave up on the
      // answer leaves one no client can know of (S3's remedy is an AbortIncompleteMultipartUpload
      // lifecycle rule). See docs/reliability.md.
      const slow = targets.filter((t) => t !== 'CreateMultipartUpload');
      faults.push({ kind: 'slow-past-timeout', target: pick(random, slow), times: between(random, 1, 2), nth: between(random, 1, 2) });
    } else if (roll < 0.16) {
      faults.push({ kind: 'expiring-credentials', times: 1, nth: between(random, 1, 4) });
    } else if (roll < 0.24 && (operation === 'upload-file' || operation === 'download' || operation === 'cli-upload' || operation === 'cli-download')) {
      faults.push({ kind: 'kill-and-resume', times: 1, nth: 1 });
    } else {
      const target = pick(random, targets);
      const kind = pick(random, faultsFor(target));
      // Storms sometimes outlast the retry budget (5 attempts for parts, 3 for other requests).
      const times = kind === 'clock-skew' || kind === 'endless-listing' ? 1 : between(random, 1, 7);
      faults.push({ kind, target, times, nth: between(random, 1, 3) });
    }
  }
  return { seed, operation, driver, size, files, partSize, faults };
}

/** One line describing a scenario, for the report of a failing seed. */
export function describeScenario(s: Scenario): string {
  const faults = s.faults.map((f) => `${f.kind}${f.target ? ` on ${f.target}` : ''}${f.times > 1 ? ` x${f.times}` : ''}${f.nth > 1 ? ` from #${f.nth}` : ''}`);
  return `${s.operation} (${s.driver}), ${s.files > 1 ? `${s.files} files of up to ` : ''}${s.size} bytes, faults: ${faults.length ? faults.join(', ') : 'none'}`;
}
