import { COMMON_FLAGS, integerFlag } from '../args.js';
import { globalConnection } from '../client.js';
import { EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { runDemo } from '../demo/run-demo.js';
import type { DemoStep } from '../demo/run-demo.js';
import { formatBytes, formatDuration, formatRate, formatTable } from '../format.js';
import { UsageError } from '../usage-error.js';
import { expectPositionals, progressFor, runCommand, transferSettings } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';

const USAGE = `usage: s3kit demo [--endpoint-url URL] [--size-mib N] [--files N] [--changed N] [--concurrency N] [--part-size SIZE] [--json]
  Runs the end-to-end demonstration. Without --endpoint-url it starts the embedded in-memory S3
  server on 127.0.0.1 (no configuration needed). It creates a bucket, uploads a generated file of
  --size-mib MiB (default 256) with progress, syncs a generated tree of --files files (default 2000),
  changes --changed of them (default 50, 1 in 40 for smaller trees) and re-syncs (only those move), downloads the big file in
  parallel ranges and checks its SHA-256, fetches it again through a presigned URL with plain fetch,
  prints a summary table with throughputs, then deletes everything it created.
  Against a real endpoint, credentials come from the AWS_* variables, --profile or ~/.aws.`;

function row(step: DemoStep): string[] {
  return [
    step.step,
    step.items === 0 ? '-' : String(step.items),
    step.bytes === 0 ? '-' : formatBytes(step.bytes),
    formatDuration(step.ms),
    step.bytes === 0 ? '-' : step.items > 1 ? `${formatRate(step.bytes, step.ms)}, ${Math.round((step.items * 1000) / Math.max(step.ms, 1))} files/s` : formatRate(step.bytes, step.ms),
    step.note,
  ];
}

async function body(scope: CommandScope): Promise<number> {
  expectPositionals(scope, 0, 0, 's3kit demo [--endpoint-url URL]');
  const sizeMiB = integerFlag(scope.flags, 'size-mib', 1024 * 1024) ?? 256;
  const files = integerFlag(scope.flags, 'files', 1_000_000) ?? 2000;
  // 50 of the default 2000; proportionally fewer for small trees.
  const changed = integerFlag(scope.flags, 'changed', 1_000_000) ?? Math.min(50, Math.ceil(files / 40));
  if (changed > files) throw new UsageError(`--changed ${changed} is more than --files ${files}`, `e.g. --files ${files} --changed ${Math.max(1, Math.floor(files / 40))}`);
  const settings = transferSettings(scope);
  const progress = progressFor(scope);
  const result = await runDemo(scope.ctx, {
    sizeMiB,
    files,
    changed,
    connection: globalConnection(scope.globals),
    settings,
    progress,
    print: (line) => {
      if (scope.ctx.isTTY && !scope.json) progress.log(line);
      else scope.print(line);
    },
  });
  scope.print('');
  scope.print(`s3kit demo against ${result.embedded ? 'the embedded in-memory S3' : result.endpoint} (bucket ${result.bucket}, now deleted)`);
  scope.print('');
  if (!scope.json) scope.ctx.stdout.write(formatTable(['step', 'items', 'bytes', 'time', 'throughput', 'notes'], result.steps.map(row)));
  scope.emit(result);
  return EXIT_OK;
}

/** `s3kit demo`. */
export const demoCommand: CommandDefinition = {
  name: 'demo',
  flags: {
    ...COMMON_FLAGS,
    'size-mib': { type: 'string' },
    files: { type: 'string' },
    changed: { type: 'string' },
    concurrency: { type: 'string' },
    'part-size': { type: 'string' },
    bwlimit: { type: 'string' },
  },
  usage: USAGE,
  body,
};

/**
 * Runs `s3kit demo` with `argv` (the arguments after `demo`).
 * @example
 * ```ts
 * await run(['--size-mib', '8', '--files', '50'], ctx);
 * ```
 */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(demoCommand, argv, ctx);
}
