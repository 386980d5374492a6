import type { HttpTransport } from '@s3kit/primitives';

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
}

/** A command's entry point: returns the exit code (0 ok, 1 some failures, 2 usage). */
export type CommandRun = (argv: readonly string[], ctx: RunContext) => Promise<number>;

/** Exit code: success. */
export const EXIT_OK = 0;
/** Exit code: the command ran but some operations failed. */
export const EXIT_FAILURES = 1;
/** Exit code: bad flags or arguments. */
export const EXIT_USAGE = 2;
