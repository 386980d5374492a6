import cliProgress from 'cli-progress';
import { systemClock } from '@s3kit/primitives';
import type { Clock } from '@s3kit/primitives';
import type { TextSink } from './context.js';
import { formatBytes, formatRate } from './format.js';

/** One transfer (or a batch of them) being tracked. */
export interface ProgressTask {
  /** Adds transferred bytes. */
  advance(bytes: number): void;
  /** Marks it finished (its bar is removed, a plain line may be printed). */
  done(): void;
}

/** Where a multi-file transfer stands: files and bytes done, of those known so far. */
export interface OverallCounts {
  filesDone: number;
  /** Files started so far (more may follow while the source is still being listed). */
  filesKnown: number;
  bytesDone: number;
  /** Bytes of the files started so far. */
  bytesKnown: number;
}

/** The one line that sums up a multi-file transfer (like `aws s3 cp --recursive`'s `Completed ...`). */
export interface OverallProgress {
  update(counts: OverallCounts): void;
}

/** Tracks transfers: cli-progress bars on a terminal, plain lines otherwise, nothing in `--json` mode. */
export interface ProgressReporter {
  /** Starts tracking `total` bytes under `label`. */
  task(label: string, total: number): ProgressTask;
  /**
   * The summary line of a multi-file transfer: total bytes, files done of files known, speed and
   * ETA. Shown as a bar on a terminal; in `lines` mode the closing summary says it instead.
   */
  overall(): OverallProgress;
  /** Prints a line without garbling the bars. */
  log(line: string): void;
  /** Stops rendering (idempotent). */
  stop(): void;
}

/** How progress is shown. */
export type ProgressMode = 'bars' | 'lines' | 'none';

/** Options of {@link createProgressReporter}. */
export interface ProgressOptions {
  mode: ProgressMode;
  /** Where progress goes (stderr, so stdout stays parseable). */
  sink: TextSink;
  /** Time source for rates. @default systemClock */
  clock?: Clock;
  /** In `lines` mode, tasks at least this big print a line at each quarter. @default 16 MiB */
  linesThreshold?: number;
}

/** Picks the mode: none for `--json`/`--no-progress`, bars on a TTY, lines otherwise. */
export function progressMode(isTTY: boolean, json: boolean, disabled: boolean): ProgressMode {
  if (json || disabled) return 'none';
  return isTTY ? 'bars' : 'lines';
}

const NONE: ProgressTask = { advance: () => undefined, done: () => undefined };
const NO_OVERALL: OverallProgress = { update: () => undefined };

/** Creates a {@link ProgressReporter} for `options.mode`. */
export function createProgressReporter(options: ProgressOptions): ProgressReporter {
  const clock = options.clock ?? systemClock;
  if (options.mode === 'none') return { task: () => NONE, overall: () => NO_OVERALL, log: () => undefined, stop: () => undefined };
  if (options.mode === 'lines') return linesReporter(options.sink, clock, options.linesThreshold ?? 16 * 1024 * 1024);
  return barsReporter(options.sink, clock);
}

function linesReporter(sink: TextSink, clock: Clock, threshold: number): ProgressReporter {
  return {
    task(label, total) {
      const start = clock.now();
      let done = 0;
      let quarter = 0;
      return {
        advance(bytes) {
          done += bytes;
          if (total < threshold) return;
          const q = Math.floor((done * 4) / total);
          if (q > quarter && q < 4) {
            quarter = q;
            sink.write(`${label}: ${q * 25}% (${formatBytes(done)} of ${formatBytes(total)}, ${formatRate(done, clock.now() - start)})\n`);
          }
        },
        done() {
          if (total >= threshold) sink.write(`${label}: 100% (${formatBytes(done)}, ${formatRate(done, clock.now() - start)})\n`);
        },
      };
    },
    overall: () => NO_OVERALL,
    log: (line) => sink.write(`${line}\n`),
    stop: () => undefined,
  };
}

/** cli-progress needs a stream with `isTTY`; wrap the sink so tests can pass a plain one. */
function ttyStream(sink: TextSink): NodeJS.WritableStream {
  const stream = sink as TextSink & { isTTY?: boolean; columns?: number };
  if (stream.isTTY === true) return stream as unknown as NodeJS.WritableStream;
  return { isTTY: true, columns: 100, write: (chunk: string) => sink.write(chunk) } as unknown as NodeJS.WritableStream;
}

function barsReporter(sink: TextSink, clock: Clock): ProgressReporter {
  const multi = new cliProgress.MultiBar(
    {
      stream: ttyStream(sink),
      format: '{label} [{bar}] {percentage}% {done}/{size} {rate} ETA {eta_formatted}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      stopOnComplete: false,
      etaBuffer: 50,
      fps: 10,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let stopped = false;
  return {
    task(label, total) {
      const start = clock.now();
      let done = 0;
      const payload = (): Record<string, string> => ({
        label: label.length > 40 ? `...${label.slice(-37)}` : label.padEnd(40),
        done: formatBytes(done),
        size: formatBytes(total),
        rate: formatRate(done, clock.now() - start),
      });
      const bar = multi.create(Math.max(total, 1), 0, payload());
      let finished = false;
      return {
        advance(bytes) {
          done += bytes;
          bar.update(Math.min(done, Math.max(total, 1)), payload());
        },
        done() {
          if (finished) return;
          finished = true;
          bar.update(Math.max(total, 1), payload());
          multi.remove(bar);
        },
      };
    },
    overall() {
      const start = clock.now();
      let bar: cliProgress.SingleBar | undefined;
      return {
        update(c) {
          const payload = {
            label: `total: ${c.filesDone}/${c.filesKnown} files`.padEnd(40),
            done: formatBytes(c.bytesDone),
            size: formatBytes(c.bytesKnown),
            rate: formatRate(c.bytesDone, clock.now() - start),
          };
          const total = Math.max(c.bytesKnown, 1);
          if (bar === undefined) bar = multi.create(total, Math.min(c.bytesDone, total), payload);
          else {
            bar.setTotal(total);
            bar.update(Math.min(c.bytesDone, total), payload);
          }
        },
      };
    },
    log(line) {
      multi.log(`${line}\n`);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      multi.stop();
    },
  };
}
