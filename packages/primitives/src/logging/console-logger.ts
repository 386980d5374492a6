import { systemClock } from '../clock/clock.js';
import type { Clock } from '../clock/clock.js';
import { ValidationError } from '../errors/errors.js';
import { LOG_LEVELS, meetsLevel, redactLogLine } from './logger.js';
import type { LogFields, Logger, LogLevel } from './logger.js';

/** `process.stderr`, or the console where there is no process (browsers, workerd). */
function defaultStream(): LogStream {
  const proc = (globalThis as { process?: { stderr?: LogStream } }).process;
  return (
    proc?.stderr ?? {
      write: (line: string) => {
        console.error(line.trimEnd());
      },
    }
  );
}

/** Where {@link createConsoleLogger} writes: anything with `write(string)`, like `process.stderr`. */
export interface LogStream {
  /** Writes one line (newline included). */
  write(chunk: string): unknown;
}

/** Options of {@link createConsoleLogger}. */
export interface ConsoleLoggerOptions {
  /**
   * Lowest level written; `'silent'` writes nothing.
   * @default 'info'
   */
  level?: LogLevel | 'silent';
  /**
   * `'json'`: one JSON object per line (`time`, `level`, `msg`, then the fields).
   * `'pretty'`: `time LEVEL msg key=value ...` for people.
   * @default 'json'
   */
  format?: 'json' | 'pretty';
  /**
   * Output.
   * @default process.stderr
   */
  stream?: LogStream;
  /**
   * Time source for the `time` field.
   * @default systemClock
   */
  clock?: Clock;
  /** Fields added to every line. */
  fields?: LogFields;
}

function prettyValue(value: unknown): string {
  return typeof value === 'string' && /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
}

/**
 * Creates a {@link Logger} that writes JSON lines (or pretty text) to a stream. Messages and fields
 * are redacted before writing.
 *
 * @throws {ValidationError} `ERR_VALIDATION` for an unknown level or format.
 * @example
 * ```ts
 * const logger = createConsoleLogger({ level: 'debug' });
 * logger.info('upload done', { bucket: 'photos', parts: 12 });
 * // {"time":"2024-05-01T10:00:00.000Z","level":"info","msg":"upload done","bucket":"photos","parts":12}
 * ```
 */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  if (level !== 'silent' && !LOG_LEVELS.includes(level)) {
    throw new ValidationError({ field: 'level', rule: `must be one of ${LOG_LEVELS.join(', ')}, silent`, value: level });
  }
  const format: string = options.format ?? 'json';
  if (format !== 'json' && format !== 'pretty') throw new ValidationError({ field: 'format', rule: 'must be json or pretty', value: format });
  const stream = options.stream ?? defaultStream();
  const clock = options.clock ?? systemClock;

  const make = (bound: LogFields): Logger => {
    const write = (lineLevel: LogLevel, message: string, fields: LogFields | undefined): void => {
      if (!meetsLevel(lineLevel, level)) return;
      const { msg, fields: redacted } = redactLogLine(message, { ...bound, ...fields });
      const time = new Date(clock.now()).toISOString();
      if (format === 'json') {
        // The line's own keys are set first for ordering and again last so a field cannot overwrite them.
        const line = { time, level: lineLevel, msg, ...redacted };
        Object.assign(line, { time, level: lineLevel, msg });
        stream.write(`${JSON.stringify(line)}\n`);
      } else {
        const pairs = Object.entries(redacted)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => ` ${k}=${prettyValue(v)}`)
          .join('');
        stream.write(`${time} ${lineLevel.toUpperCase().padEnd(5)} ${msg}${pairs}\n`);
      }
    };
    return {
      debug: (msg, fields) => {
        write('debug', msg, fields);
      },
      info: (msg, fields) => {
        write('info', msg, fields);
      },
      warn: (msg, fields) => {
        write('warn', msg, fields);
      },
      error: (msg, fields) => {
        write('error', msg, fields);
      },
      child: (fields) => make({ ...bound, ...fields }),
      isLevelEnabled: (lineLevel) => meetsLevel(lineLevel, level),
    };
  };
  return make(options.fields ?? {});
}
