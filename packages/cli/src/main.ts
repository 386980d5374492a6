import { setMaxListeners } from 'node:events';
import { COMMAND_TABLE } from './command-table.js';
import type { CommandRun, RunContext } from './context.js';
import { EXIT_OK, EXIT_USAGE } from './context.js';
import { splitGlobalOptions } from './global-options.js';
import { cliVersion } from './version.js';
/** Every command by name (each loaded on first use, from {@link COMMAND_TABLE}). */
export const COMMANDS: Readonly<Record<string, CommandRun>> = Object.fromEntries(
  Object.entries(COMMAND_TABLE).map(([name, load]) => [name, async (argv: readonly string[], ctx: RunContext) => (await load()).run(argv, ctx)]),
);

/** Top-level help. */
export const HELP = `usage: s3kit <command> [arguments] [flags]

commands (modelled on 'aws s3'):
  ls [s3://bucket[/prefix]]        list buckets, or prefixes and objects
  cp <src> <dst>                    copy a file/object (--recursive for trees)
  mv <src> <dst>                    copy, then delete the source
  rm s3://bucket/key                delete (--recursive for a prefix)
  sync <src> <dst>                  copy what changed (--delete, --size-only, --exact-timestamps, --checksum)
  mb s3://bucket                    make a bucket
  rb s3://bucket                    remove a bucket (--force empties it first)
  presign s3://bucket/key           print a presigned GET URL (--expires-in seconds)
  serve                             run an in-memory S3 server (prints its endpoint first)
  demo                              run the end-to-end demonstration (embedded server by default)
  api <operation> [--member value]  any S3 API operation, as 'aws s3api' ('s3kit api help' lists them)

commands aws s3 lacks:
  cat s3://bucket/key               write an object to stdout (--range 0-99, --range=-100)
  stat s3://bucket/key              what HeadObject says about an object (--json)
  du s3://bucket[/prefix]           total size and count, by storage class (--human-readable)
  completion bash|zsh|fish          print a shell completion script (commands, flags, s3:// URLs)

global options (before or after the command): --endpoint-url URL  --profile P  --region R
  --output json|text|table|yaml  --debug  --no-verify-ssl  --ca-bundle FILE  --no-sign-request
  --cli-read-timeout S  --cli-connect-timeout S  --color on|off|auto
common flags: --json  --no-progress  --quiet  --only-show-errors  --help  --version
transfer flags: --concurrency N  --part-size SIZE  --bwlimit RATE  --include P  --exclude P  --dryrun
settings also come from AWS_* environment variables and ~/.aws/config, ~/.aws/credentials.
run 's3kit <command> --help' for a command's flags.
`;

/**
 * Runs `s3kit` with `argv` (the arguments after the program name) and returns the exit code
 * (the AWS CLI v2's: 0 ok, 1 transfers failed, 2 skipped, 130 interrupted, 252 usage, 253
 * configuration, 254 service error, 255 other).
 * @example
 * ```ts
 * const code = await run(['ls', 's3://photos/'], { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), isTTY: false });
 * ```
 */
export async function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  let split;
  try {
    split = splitGlobalOptions(argv, ctx.globals);
  } catch (err) {
    // Loaded here so `s3kit --version` does not load s3-core.
    const { reportError } = await import('./report-error.js');
    return reportError(ctx, err, false);
  }
  const { globals, rest } = split;
  const at = rest.findIndex((arg) => !arg.startsWith('-'));
  const leading = at === -1 ? rest : rest.slice(0, at);
  const name = at === -1 ? undefined : rest[at]!;
  if (leading.includes('--version')) {
    ctx.stdout.write(`${cliVersion()}\n`);
    return EXIT_OK;
  }
  if (name === undefined || name === 'help' || leading.includes('--help') || leading.includes('-h')) {
    const asked = name === 'help' || leading.includes('--help') || leading.includes('-h');
    (asked ? ctx.stdout : ctx.stderr).write(HELP);
    return asked ? EXIT_OK : EXIT_USAGE;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    ctx.stderr.write(`s3kit: unknown command ${JSON.stringify(name)}\nhint: one of ${Object.keys(COMMANDS).join(', ')}; run 's3kit --help'\n`);
    return EXIT_USAGE;
  }
  return command([...leading, ...rest.slice(at + 1)], { ...ctx, globals });
}

/**
 * Runs `s3kit` for the current process: real streams and environment, SIGINT/SIGTERM abort the
 * command (a second signal exits at once).
 */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const controller = new AbortController();
  // Every request of a transfer listens on this one signal.
  setMaxListeners(0, controller.signal);
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await run(argv, {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
      isTTY: process.stderr.isTTY,
      signal: controller.signal,
      // Read only by `cp - s3://...`: touching process.stdin earlier would create it for every command.
      stdin: (async function* () {
        for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) yield chunk;
      })(),
      stdoutBytes: process.stdout,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
