import type { Writable } from 'node:stream';
import type { HttpTransport } from '@s3kit/primitives';
import type { GlobalOptions } from './global-options.js';

/** Something text can be written to (a process stream, or a test's string sink). */
export interface TextSink {
  write(chunk: string): unknown;
}

/** Everything a command touches outside its arguments: injected so tests run commands in-process. */
export interface RunContext {
  /** Results (listings, `upload: ...` lines, JSON). */
  stdout: TextSink;
  /** Progress, warnings and errors. */
  stderr: TextSink;
  /** Environment variables (AWS_* settings, credentials). */
  env: Record<string, string | undefined>;
  /** Directory relative local paths resolve against. */
  cwd: string;
  /** Whether stderr is a terminal: progress bars when true, plain lines otherwise. */
  isTTY: boolean;
  /** HTTP transport for S3 clients (tests pass an in-process s3-mock transport). @default undici */
  transport?: HttpTransport;
  /** Stops the command (Ctrl-C); long-running commands such as `serve` run until it aborts. */
  signal?: AbortSignal;
  /**
   * The global options (`--endpoint-url`, `--region`, `--output`...), taken from anywhere on the
   * command line before the command runs. @default defaultGlobalOptions()
   */
  globals?: GlobalOptions;
  /** Bytes for `cp - s3://b/k` (the process's stdin). @default none: reading `-` is a usage error */
  stdin?: AsyncIterable<Uint8Array>;
  /** Where `cp s3://b/k -` and `cat` write object bytes (the process's stdout). @default none: writing `-` is a usage error */
  stdoutBytes?: Writable;
}

/**
 * A command's entry point: returns the exit code, as the AWS CLI v2 documents them (`EXIT_*`).
 */
export type CommandRun = (argv: readonly string[], ctx: RunContext) => Promise<number>;

/** Exit code: success. */
export const EXIT_OK = 0;
/** Exit code: the command ran but one or more transfers failed. */
export const EXIT_FAILURES = 1;
/** Exit code: nothing failed, but files or objects were skipped (keys with no safe local path). */
export const EXIT_SKIPPED = 2;
/** Exit code: interrupted (SIGINT, SIGTERM). */
export const EXIT_INTERRUPTED = 130;
/** Exit code: bad flags or arguments (invalid command line). */
export const EXIT_USAGE = 252;
/** Exit code: invalid configuration or environment (region, profile, credentials). */
export const EXIT_CONFIG = 253;
/** Exit code: the service answered with an error. */
export const EXIT_SERVICE = 254;
/** Exit code: any other failure (could not connect, timed out, a bug). */
export const EXIT_OTHER = 255;
