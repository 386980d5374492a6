import { redactLogLine } from './logger.js';
import type { LogFields, Logger } from './logger.js';
import { redactValue } from './redact.js';

/**
 * The part of a pino logger {@link fromPino} uses. pino's methods take the merge object first and the
 * message second: `logger.info({ bucket }, 'upload done')`.
 */
export interface PinoLike {
  /** pino's `debug(mergeObject, message)`. */
  debug(obj: object, msg?: string): void;
  /** pino's `info(mergeObject, message)`. */
  info(obj: object, msg?: string): void;
  /** pino's `warn(mergeObject, message)`. */
  warn(obj: object, msg?: string): void;
  /** pino's `error(mergeObject, message)`. */
  error(obj: object, msg?: string): void;
  /** pino's `child(bindings)`. */
  child?(bindings: object): PinoLike;
  /** pino's `isLevelEnabled(level)`. */
  isLevelEnabled?(level: string): boolean;
}

/**
 * Adapts a pino logger (or anything with pino's `(obj, msg)` signature) to s3kit's {@link Logger}.
 * Fields, child bindings and messages are redacted before they reach pino.
 *
 * @example
 * ```ts
 * import pino from 'pino';
 * const client = createS3Client({ logger: fromPino(pino({ level: 'debug' })) });
 * ```
 */
export function fromPino(pino: PinoLike): Logger {
  const logger: Logger = {
    debug: (msg, fields) => {
      const line = redactLogLine(msg, fields);
      pino.debug(line.fields, line.msg);
    },
    info: (msg, fields) => {
      const line = redactLogLine(msg, fields);
      pino.info(line.fields, line.msg);
    },
    warn: (msg, fields) => {
      const line = redactLogLine(msg, fields);
      pino.warn(line.fields, line.msg);
    },
    error: (msg, fields) => {
      const line = redactLogLine(msg, fields);
      pino.error(line.fields, line.msg);
    },
  };
  const isEnabled = pino.isLevelEnabled?.bind(pino);
  if (isEnabled) logger.isLevelEnabled = (level) => isEnabled(level);
  const child = pino.child?.bind(pino);
  if (child) logger.child = (fields: LogFields) => fromPino(child(redactValue(fields) as Record<string, unknown>));
  return logger;
}
