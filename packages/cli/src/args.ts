import { parseArgs } from 'node:util';
import type { PathFilter } from '@s3kit/s3-transfer';
import { UsageError } from './usage-error.js';

/** One flag a command accepts. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  /** Repeatable (`--include a --include b`). */
  multiple?: boolean;
  short?: string;
}

/**
 * Flags every S3 command accepts (output). The connection options (`--endpoint-url`, `--region`,
 * `--profile`...) are global options, taken out of the command line before a command parses it.
 */
export const COMMON_FLAGS = {
  json: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  quiet: { type: 'boolean' },
  'only-show-errors': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, FlagSpec>;

/** Flags of the commands that move bytes. */
export const TRANSFER_FLAGS = {
  recursive: { type: 'boolean', short: 'r' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  dryrun: { type: 'boolean' },
  concurrency: { type: 'string' },
  'part-size': { type: 'string' },
  bwlimit: { type: 'string' },
  'content-type': { type: 'string' },
  metadata: { type: 'string' },
  resume: { type: 'boolean' },
  checksum: { type: 'boolean' },
} as const satisfies Record<string, FlagSpec>;

/** Parsed flag values: strings, booleans, or string arrays for repeatable flags. */
export type FlagValues = Record<string, string | boolean | string[] | undefined>;

/** Parsed command line. */
export interface ParsedArgs {
  flags: FlagValues;
  positionals: string[];
  /** `--include`/`--exclude` in command-line order (the last match wins). */
  filters: PathFilter[];
}

/**
 * Parses `argv` with `node:util` `parseArgs` (strict): unknown flags and missing values become a
 * {@link UsageError} naming the command's help.
 * @throws {UsageError} `ERR_USAGE`
 */
export function parseCommandArgs(command: string, argv: readonly string[], flags: Record<string, FlagSpec>): ParsedArgs {
  try {
    const { values, positionals, tokens } = parseArgs({ args: [...argv], options: flags, strict: true, allowPositionals: true, tokens: true });
    const filters: PathFilter[] = [];
    for (const token of tokens) {
      if (token.kind === 'option' && (token.name === 'include' || token.name === 'exclude') && token.value !== undefined) {
        filters.push({ kind: token.name, pattern: token.value });
      }
    }
    return { flags: values as FlagValues, positionals, filters };
  } catch (err) {
    throw new UsageError(`${command}: ${parseArgsMessage(err)}`, `run 's3kit ${command} --help' for the accepted flags`);
  }
}

/**
 * The first sentence of a `parseArgs` error, without its advice about `--` (which quotes the
 * flag oddly and rarely helps: a mistyped flag is the usual cause).
 */
function parseArgsMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]!}`;
  const first = message.split('\n')[0] ?? message;
  const end = first.indexOf('. ');
  return end === -1 ? first.replace(/\.$/, '') : first.slice(0, end);
}

/** A string flag's value, if given. */
export function stringFlag(flags: FlagValues, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** A boolean flag's value (false when absent). */
export function booleanFlag(flags: FlagValues, name: string): boolean {
  return flags[name] === true;
}

/** A repeatable flag's values, in command-line order. */
export function listFlag(flags: FlagValues, name: string): string[] {
  const value = flags[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1000,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
};

/**
 * Parses a byte size: `8388608`, `8MiB`, `8M` (binary), `8MB` (decimal); `/s` is accepted for rates.
 * @throws {UsageError} `ERR_USAGE` for anything else.
 */
export function parseSize(flag: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)(?:\/s)?$/i.exec(text.trim());
  const unit = m ? SIZE_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new UsageError(`--${flag} ${JSON.stringify(text)} is not a size`, `give bytes or a unit, e.g. --${flag} 8MiB (also KiB, GiB, MB)`);
  }
  const value = Math.floor(Number(m[1]) * unit);
  if (value <= 0) throw new UsageError(`--${flag} must be greater than zero`, `e.g. --${flag} 8MiB`);
  return value;
}

/** An optional size flag. @throws {UsageError} `ERR_USAGE` */
export function sizeFlag(flags: FlagValues, name: string): number | undefined {
  const text = stringFlag(flags, name);
  return text === undefined ? undefined : parseSize(name, text);
}

/**
 * An optional positive integer flag within `[1, max]`.
 * @throws {UsageError} `ERR_USAGE`
 */
export function integerFlag(flags: FlagValues, name: string, max: number): number | undefined {
  const text = stringFlag(flags, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max) {
    throw new UsageError(`--${name} ${JSON.stringify(text)} is not a whole number from 1 to ${max}`, `e.g. --${name} 8`);
  }
  return value;
}

/**
 * Parses `--metadata k=v,k2=v2` (the AWS CLI shorthand).
 * @throws {UsageError} `ERR_USAGE` for an entry without `=`.
 */
export function parseMetadata(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of text.split(',')) {
    if (entry.trim() === '') continue;
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`--metadata entry ${JSON.stringify(entry)} is not key=value`, 'e.g. --metadata owner=me,stage=test');
    out[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
  }
  return out;
}
