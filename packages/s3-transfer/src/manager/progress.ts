import type { Clock } from '@s3kit/primitives';

/** A progress report of one transfer. */
export interface TransferProgress {
  /** Bucket of the object. */
  Bucket: string;
  /** Key of the object. */
  Key: string;
  /** Bytes transferred so far (bytes of a failed attempt are taken back when it is retried). */
  loadedBytes: number;
  /** Total bytes, when known (unknown for streams until they end). */
  totalBytes: number | undefined;
  /** Average rate over the last few seconds, bytes per second (0 at first). */
  bytesPerSecond: number;
  /** Estimated ms left, when the total and a rate are known. */
  etaMs: number | undefined;
}

/** Receives progress reports; must not throw. */
export type ProgressListener = (progress: TransferProgress) => void;

const WINDOW_MS = 5_000;

/** Counts bytes of one transfer and reports progress with rate and ETA. */
export interface ProgressTracker {
  /** Adds (or, negative, takes back) bytes and reports. */
  add(bytes: number): void;
  /** Sets the total once known. */
  setTotal(total: number): void;
  /** Bytes so far. */
  readonly loaded: number;
}

/** Creates a {@link ProgressTracker}; `listener` may be undefined (then it only counts). */
export function createProgressTracker(Bucket: string, Key: string, total: number | undefined, clock: Clock, listener: ProgressListener | undefined): ProgressTracker {
  let loaded = 0;
  let totalBytes = total;
  const samples: { at: number; loaded: number }[] = [{ at: clock.now(), loaded: 0 }];
  return {
    get loaded() {
      return loaded;
    },
    setTotal(value) {
      totalBytes = value;
    },
    add(bytes) {
      loaded += bytes;
      if (!listener) return;
      const now = clock.now();
      samples.push({ at: now, loaded });
      while (samples.length > 2 && now - samples[1]!.at >= WINDOW_MS) samples.shift();
      const first = samples[0]!;
      const elapsed = now - first.at;
      const bytesPerSecond = elapsed > 0 ? Math.max(0, ((loaded - first.loaded) * 1000) / elapsed) : 0;
      const etaMs = totalBytes !== undefined && bytesPerSecond > 0 ? Math.max(0, ((totalBytes - loaded) * 1000) / bytesPerSecond) : undefined;
      listener({ Bucket, Key, loadedBytes: loaded, totalBytes, bytesPerSecond, etaMs });
    },
  };
}
