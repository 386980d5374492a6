import { readFileSync } from 'node:fs';
import { compose, createConsoleLogger, createUndiciTransport } from '@s3kit/primitives';
import type { HttpMiddleware, HttpTransport, UndiciTransport, UndiciTransportOptions } from '@s3kit/primitives';
import { S3Client } from '@s3kit/s3-core';
import type { S3ClientOptions } from '@s3kit/s3-core';
import { createDefaultCredentialsProvider } from '@s3kit/sigv4';
import type { AwsCredentials } from '@s3kit/sigv4';
import { stringFlag } from './args.js';
import type { FlagValues } from './args.js';
import type { RunContext } from './context.js';
import type { GlobalOptions } from './global-options.js';
import { UsageError } from './usage-error.js';

/** Connection settings taken from the command line (each one beats the environment and config files). */
export interface ConnectionFlags {
  endpointUrl?: string;
  region?: string;
  profile?: string;
  /** Static credentials (the demo's embedded server); otherwise the default chain runs over `ctx.env`. */
  credentials?: AwsCredentials;
}

/**
 * Reads `--endpoint-url`, `--region` and `--profile` from a command's own parsed flags. Commands
 * normally get these as global options (`ctx.globals`, which `createCliClient` reads); this is for
 * a command that parses them itself.
 */
export function connectionFlags(flags: FlagValues): ConnectionFlags {
  const out: ConnectionFlags = {};
  const endpointUrl = stringFlag(flags, 'endpoint-url');
  const region = stringFlag(flags, 'region');
  const profile = stringFlag(flags, 'profile');
  if (endpointUrl !== undefined) out.endpointUrl = endpointUrl;
  if (region !== undefined) out.region = region;
  if (profile !== undefined) out.profile = profile;
  return out;
}

/** The connection the global options ask for (`--endpoint-url`, `--region`, `--profile`). */
export function globalConnection(globals: GlobalOptions | undefined): ConnectionFlags {
  const out: ConnectionFlags = {};
  if (globals?.endpointUrl !== undefined) out.endpointUrl = globals.endpointUrl;
  if (globals?.region !== undefined) out.region = globals.region;
  if (globals?.profile !== undefined) out.profile = globals.profile;
  return out;
}

/** Headers that make a request signed; `--no-sign-request` drops them so the request is anonymous. */
const SIGNING_HEADERS = ['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'];

/** Drops the signature from every request (`--no-sign-request`): public buckets answer anonymous requests. */
export function anonymousRequests(): HttpMiddleware {
  return (next) => (request, options) => {
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !SIGNING_HEADERS.includes(name.toLowerCase())));
    return next({ ...request, headers }, options);
  };
}

/**
 * The undici options for `--no-verify-ssl`, `--ca-bundle` and the `--cli-*-timeout`s, or
 * undefined when none is given (the client's own default transport then serves).
 * @throws {UsageError} `ERR_USAGE` when the CA bundle cannot be read.
 */
export function transportOptions(globals: GlobalOptions | undefined): UndiciTransportOptions | undefined {
  if (globals === undefined) return undefined;
  const out: UndiciTransportOptions = {};
  let any = false;
  if (globals.readTimeoutMs !== undefined) {
    out.headersTimeoutMs = globals.readTimeoutMs;
    out.bodyTimeoutMs = globals.readTimeoutMs;
    any = true;
  }
  if (globals.connectTimeoutMs !== undefined) {
    // undici has no "forever": 0 means its longest wait.
    out.connectTimeoutMs = globals.connectTimeoutMs === 0 ? 2 ** 31 - 1 : globals.connectTimeoutMs;
    any = true;
  }
  if (!globals.verifySsl || globals.caBundle !== undefined) {
    out.tls = {};
    if (!globals.verifySsl) out.tls.rejectUnauthorized = false;
    if (globals.caBundle !== undefined) {
      try {
        out.tls.ca = readFileSync(globals.caBundle, 'utf8');
      } catch (cause) {
        throw new UsageError(`--ca-bundle ${JSON.stringify(globals.caBundle)} cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, 'give the path of a PEM file of certificate authorities');
      }
    }
    any = true;
  }
  return any ? out : undefined;
}

/**
 * An S3 client configured like the AWS CLI: the global options (`ctx.globals`) and `connection`,
 * then `AWS_*` variables of `ctx.env`, then the shared config and credentials files
 * (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, `~/.aws`). `--debug` logs every request to
 * stderr (redacted), `--no-sign-request` sends anonymous requests. `close()` also closes a transport
 * made here.
 * @throws {UsageError} `ERR_USAGE` when `--ca-bundle` cannot be read.
 */
export function createCliClient(ctx: RunContext, connection: ConnectionFlags = {}): S3Client {
  const env = ctx.env;
  const globals = ctx.globals;
  const merged = { ...globalConnection(globals), ...connection };
  const profile = merged.profile;
  const anonymous = globals?.signRequest === false && connection.credentials === undefined;
  const options: S3ClientOptions = {
    config: { env, ...(profile === undefined ? {} : { profile }) },
    // Anonymous requests are still signed (with throwaway keys), then stripped of their signature.
    credentials: anonymous
      ? { accessKeyId: 'anonymous', secretAccessKey: 'anonymous' }
      : (merged.credentials ?? createDefaultCredentialsProvider({ env, ...(profile === undefined ? {} : { profile }) })),
  };
  if (merged.endpointUrl !== undefined) options.endpoint = merged.endpointUrl;
  if (merged.region !== undefined) options.region = merged.region;
  if (profile !== undefined) options.profile = profile;
  if (globals?.debug === true) options.logger = createConsoleLogger({ stream: { write: (line: string) => ctx.stderr.write(line) }, level: 'debug', format: 'pretty' });
  const tuned = ctx.transport === undefined ? transportOptions(globals) : undefined;
  let made: UndiciTransport | undefined = tuned === undefined ? undefined : createUndiciTransport(tuned);
  if (anonymous && ctx.transport === undefined) made ??= createUndiciTransport();
  const base: HttpTransport | undefined = ctx.transport ?? made;
  if (base !== undefined) options.transport = anonymous ? compose(base, anonymousRequests()) : base;
  const client = new S3Client(options);
  if (made !== undefined) {
    const own = made;
    const close = client.close.bind(client);
    client.close = async () => {
      await close();
      await own.close();
    };
  }
  return client;
}
