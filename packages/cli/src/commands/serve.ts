import { startS3MockServer } from '@s3kit/s3-mock';
import type { StartS3MockServerOptions } from '@s3kit/s3-mock';
import { integerFlag, stringFlag } from '../args.js';
import { EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { UsageError } from '../usage-error.js';
import { expectPositionals, runCommand } from './command.js';
import type { CommandDefinition, CommandScope } from './command.js';

const USAGE = `usage: s3kit serve [--port N] [--host 127.0.0.1] [--access-key K --secret-key S] [--region R] [--json]
  Runs an in-memory S3 server (s3-mock) in the foreground until Ctrl-C (SIGINT) or SIGTERM.
  The first line of stdout is its endpoint, for --endpoint-url. Default credentials: test / test.
  Data lives in memory only and is gone when it stops. Keep it on loopback: it is not hardened.`;

/** Resolves when `signal` aborts (never without one). */
function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    else {
      signal.addEventListener(
        'abort',
        () => {
          resolve();
        },
        { once: true },
      );
    }
  });
}

async function body(scope: CommandScope): Promise<number> {
  expectPositionals(scope, 0, 0, 's3kit serve [--port N]');
  const flags = scope.flags;
  const accessKey = stringFlag(flags, 'access-key');
  const secretKey = stringFlag(flags, 'secret-key');
  if ((accessKey === undefined) !== (secretKey === undefined)) {
    throw new UsageError('--access-key and --secret-key go together', 'give both, or neither for the default test / test');
  }
  const portText = stringFlag(flags, 'port');
  const port = portText === '0' ? 0 : (integerFlag(flags, 'port', 65535) ?? 0);
  const options: StartS3MockServerOptions = { port, host: stringFlag(flags, 'host') ?? '127.0.0.1' };
  if (accessKey !== undefined && secretKey !== undefined) options.credentials = [{ accessKeyId: accessKey, secretAccessKey: secretKey }];
  const region = stringFlag(flags, 'region');
  if (region !== undefined) options.region = region;
  const server = await startS3MockServer(options);
  try {
    if (scope.json) scope.emit({ endpoint: server.endpoint, accessKeyId: accessKey ?? 'test', region: region ?? 'us-east-1' });
    else scope.ctx.stdout.write(`${server.endpoint}\n`);
    scope.ctx.stderr.write(
      `s3kit serve: in-memory S3 at ${server.endpoint} (access key ${JSON.stringify(accessKey ?? 'test')}); Ctrl-C stops it\n`,
    );
    await untilAborted(scope.ctx.signal);
  } finally {
    await server.stop();
  }
  scope.ctx.stderr.write('s3kit serve: stopped\n');
  return EXIT_OK;
}

/** `s3kit serve`. */
export const serveCommand: CommandDefinition = {
  name: 'serve',
  flags: {
    port: { type: 'string' },
    host: { type: 'string' },
    'access-key': { type: 'string' },
    'secret-key': { type: 'string' },
    region: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  usage: USAGE,
  body,
};

/**
 * Runs `s3kit serve` until `ctx.signal` aborts.
 * @example
 * ```ts
 * const stop = new AbortController();
 * const done = run(['--port', '9000'], { ...ctx, signal: stop.signal });
 * stop.abort(); await done;
 * ```
 */
export function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  return runCommand(serveCommand, argv, ctx);
}
