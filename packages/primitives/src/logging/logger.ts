import { redactText, redactValue } from './redact.js';

/** Severity of a log line, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Every {@link LogLevel}, lowest first. */
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Structured context of a log line. Adapters redact it (`redactValue`) before writing. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * The logging port: a message and structured fields per level. s3kit never logs a secret, and every
 * adapter in this package passes fields through `redactValue` so that a secret handed in by mistake
 * is still removed.
 *
 * Adapters: {@link noopLogger} (the default), `createConsoleLogger` (JSON lines or pretty text) and
 * `fromPino` (wraps a pino logger, whose methods take `(obj, msg)`).
 */
export interface Logger {
  /** Detail for debugging: every request and response. */
  debug(msg: string, fields?: LogFields): void;
  /** Normal events worth keeping. */
  info(msg: string, fields?: LogFields): void;
  /** Something went wrong but was handled (a retried 503, say). */
  warn(msg: string, fields?: LogFields): void;
  /** A failure the caller will see. */
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child?(fields: LogFields): Logger;
  /** Whether a line at `level` would be written, so callers can skip building its fields. Absent means yes. */
  isLevelEnabled?(level: LogLevel): boolean;
}

const noop = (): void => {
  // Logging is off.
};

/** A {@link Logger} that discards everything; the default wherever a logger is optional. */
export const noopLogger: Logger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => noopLogger,
  isLevelEnabled: () => false,
};

/** Whether a line at `level` is written by a logger whose threshold is `threshold`. */
export function meetsLevel(level: LogLevel, threshold: LogLevel | 'silent'): boolean {
  return threshold !== 'silent' && LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(threshold);
}

/** Redacts a message and its fields for writing; used by every adapter. */
export function redactLogLine(msg: string, fields: LogFields | undefined): { msg: string; fields: Record<string, unknown> } {
  return { msg: redactText(msg), fields: fields ? (redactValue(fields) as Record<string, unknown>) : {} };
}
