import { startS3MockServer } from '@s3kit/s3-mock';
import type { MockCredentials, StartS3MockServerOptions } from '@s3kit/s3-mock';
import { booleanFlag, integerFlag, listFlag, sizeFlag, stringFlag } from '../args.js';
import { EXIT_OK } from '../context.js';
import type { RunContext } from '../context.js';
import { UsageError } from '../usage-error.js';
import { expectPositionals, runCommand } from './command.js';
import { requestLogLine } from './request-log.js';
import { credentialsOf, parseUserFlag, readUsersFile } from './serve-users.js';
import type { CommandDefinition, CommandScope } from './command.js';

const USAGE = `usage: s3kit serve [--port N] [--host 127.0.0.1] [--access-key K --secret-key S] [--user K:S[:ID[:NAME[:EMAIL]]]]...
                   [--users FILE] [--region R] [--max-stored SIZE] [--legacy-bucket-defaults] [--sigv2] [--log] [--json]
  Runs an in-memory S3 server (s3-mock) in the foreground until Ctrl-C (SIGINT) or SIGTERM.
  The first line of stdout is its endpoint, for --endpoint-url. Default credentials: test / test.
  --user          an account (repeatable): access key, secret key, and optionally its canonical id
                  (64 hex digits), display name and e-mail address; each --user is its own account
  --users FILE    accounts from a JSON file: [{ "accessKeyId", "secretAccessKey", "id", "displayName", "email" }]
  --max-stored    most bytes kept in memory (default 1GiB); beyond it, 507 InsufficientStorage
  --legacy-bucket-defaults
                  create buckets as S3 did before April 2023: ACLs in effect (ObjectWriter), no public
                  access block (default: as S3 does today, BucketOwnerEnforced and public access blocked)
  --sigv2         accept SigV2 signatures (header, query string, browser POST), off as on buckets S3 creates today
  --log           one line per request on stderr: time, method, path, status, error code, duration
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
  const users = listFlag(flags, 'user').map(parseUserFlag);
  const usersFile = stringFlag(flags, 'users');
  if (usersFile !== undefined) users.push(...(await readUsersFile(scope.ctx.cwd, usersFile)));
  const credentials: MockCredentials[] = users.map(credentialsOf);
  if (accessKey !== undefined && secretKey !== undefined) credentials.unshift({ accessKeyId: accessKey, secretAccessKey: secretKey });
  if (credentials.length > 0) options.credentials = credentials;
  const maxStored = sizeFlag(flags, 'max-stored');
  if (maxStored !== undefined) options.maxStoredBytes = maxStored;
  if (booleanFlag(flags, 'legacy-bucket-defaults')) options.legacyBucketDefaults = true;
  if (booleanFlag(flags, 'sigv2')) options.sigV2 = true;
  if (booleanFlag(flags, 'log')) options.onRequest = (r, ms) => scope.ctx.stderr.write(`${requestLogLine(r, ms, new Date())}\n`);
  // `--region` is a global option, taken off the command line before serve parses it.
  const region = stringFlag(flags, 'region') ?? scope.globals.region;
  if (region !== undefined) options.region = region;
  const server = await startS3MockServer(options);
  try {
    if (scope.json) scope.emit({ endpoint: server.endpoint, accessKeyId: accessKey ?? 'test', region: region ?? 'us-east-1' });
    else scope.ctx.stdout.write(`${server.endpoint}\n`);
    const keys = credentials.length > 0 ? credentials.map((c) => c.accessKeyId) : ['test'];
    scope.ctx.stderr.write(
      `s3kit serve: in-memory S3 at ${server.endpoint} (access key${keys.length > 1 ? 's' : ''} ${keys.map((k) => JSON.stringify(k)).join(', ')}); Ctrl-C stops it\n`,
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
    user: { type: 'string', multiple: true },
    users: { type: 'string' },
    'max-stored': { type: 'string' },
    log: { type: 'boolean' },
    'legacy-bucket-defaults': { type: 'boolean' },
    sigv2: { type: 'boolean' },
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
