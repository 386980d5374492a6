import { booleanFlag, integerFlag, parseCommandArgs, parseMetadata, sizeFlag, stringFlag } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import { EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { splitGlobalOptions } from '../global-options.js';
import type { GlobalOptions } from '../global-options.js';
import { createProgressReporter, progressMode } from '../progress.js';
import type { ProgressReporter } from '../progress.js';
import { reportError } from '../report-error.js';
import { DEFAULT_PART_SIZE, MIN_PART_SIZE } from '@s3kit/s3-transfer';
import { DEFAULT_CONCURRENCY } from '../transfer/settings.js';
import type { TransferSettings } from '../transfer/settings.js';
import { UsageError } from '../usage-error.js';

/** What a command body gets: the parsed arguments and the output helpers. */
export interface CommandScope extends ParsedArgs {
  ctx: RunContext;
  /** The global options, from anywhere on the command line. */
  globals: GlobalOptions;
  /** `--json` or `--output json`. */
  json: boolean;
  /** `--quiet` or `--only-show-errors`: no result lines, no progress, no summary; errors and warnings still show. */
  quiet: boolean;
  /** Writes one result line to stdout (suppressed in `--json` mode and by `--quiet`). */
  print(line: string): void;
  /** Writes one JSON document to stdout (only in `--json` mode). */
  emit(value: unknown): void;
}

/** A command's definition: its name, flags, usage text and body (returning the exit code). */
export interface CommandDefinition {
  name: string;
  flags: Record<string, FlagSpec>;
  usage: string;
  body(scope: CommandScope): Promise<number>;
}

/**
 * Runs a command: parses flags (`--help` prints the usage), runs the body, and turns any error
 * into a message with a hint and an exit code (2 for usage errors, 1 otherwise).
 */
export async function runCommand(definition: CommandDefinition, argv: readonly string[], ctx: RunContext): Promise<number> {
  let json = argv.includes('--json') || ctx.globals?.output === 'json';
  try {
    const { globals, rest } = splitGlobalOptions(argv, ctx.globals);
    json ||= globals.output === 'json';
    const parsed = parseCommandArgs(definition.name, rest, definition.flags);
    if (booleanFlag(parsed.flags, 'help')) {
      ctx.stdout.write(definition.usage.endsWith('\n') ? definition.usage : `${definition.usage}\n`);
      return EXIT_OK;
    }
    const quiet = booleanFlag(parsed.flags, 'quiet') || booleanFlag(parsed.flags, 'only-show-errors');
    const scoped: RunContext = { ...ctx, globals };
    const scope: CommandScope = {
      ...parsed,
      ctx: scoped,
      globals,
      json,
      quiet,
      print: (line) => {
        if (!json && !quiet) ctx.stdout.write(`${line}\n`);
      },
      emit: (value) => {
        if (json) ctx.stdout.write(`${JSON.stringify(value)}\n`);
      },
    };
    return await definition.body(scope);
  } catch (err) {
    return reportError(ctx, err, json);
  }
}

/**
 * Checks the number of positional arguments.
 * @throws {UsageError} `ERR_USAGE` naming the expected form.
 */
export function expectPositionals(scope: CommandScope, min: number, max: number, form: string): void {
  const n = scope.positionals.length;
  if (n < min || n > max) throw new UsageError(`expected ${form}, got ${n === 0 ? 'no arguments' : scope.positionals.join(' ')}`, `usage: ${form}`);
}

/** The transfer settings from `--concurrency`, `--part-size`, `--bwlimit`, `--content-type`, `--metadata`, `--resume`. */
export function transferSettings(scope: CommandScope): TransferSettings {
  const flags = scope.flags;
  const partSize = sizeFlag(flags, 'part-size') ?? DEFAULT_PART_SIZE;
  if (partSize < MIN_PART_SIZE) throw new UsageError('--part-size must be at least 5MiB (the smallest part S3 accepts)', 'e.g. --part-size 8MiB');
  const bwlimit = sizeFlag(flags, 'bwlimit');
  const contentType = stringFlag(flags, 'content-type');
  const metadata = stringFlag(flags, 'metadata');
  return {
    concurrency: integerFlag(flags, 'concurrency', 256) ?? DEFAULT_CONCURRENCY,
    partSize,
    bandwidthLimit: bwlimit,
    contentType,
    metadata: metadata === undefined ? undefined : parseMetadata(metadata),
    resume: booleanFlag(flags, 'resume'),
    signal: scope.ctx.signal,
  };
}

/** The progress reporter for this command's output mode. */
export function progressFor(scope: CommandScope): ProgressReporter {
  return createProgressReporter({
    mode: progressMode(scope.ctx.isTTY, scope.json, scope.quiet || booleanFlag(scope.flags, 'no-progress')),
    sink: scope.ctx.stderr,
  });
}
