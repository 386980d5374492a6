import { S3Client } from '@s3kit/s3-core';
import type { S3ClientOptions } from '@s3kit/s3-core';
import { createDefaultCredentialsProvider } from '@s3kit/sigv4';
import type { AwsCredentials } from '@s3kit/sigv4';
import { stringFlag } from './args.js';
import type { FlagValues } from './args.js';
import type { RunContext } from './context.js';

/** Connection settings taken from the command line (each one beats the environment and config files). */
export interface ConnectionFlags {
  endpointUrl?: string;
  region?: string;
  profile?: string;
  /** Static credentials (the demo's embedded server); otherwise the default chain runs over `ctx.env`. */
  credentials?: AwsCredentials;
}

/** Reads `--endpoint-url`, `--region` and `--profile`. */
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

/**
 * An S3 client configured like the AWS CLI: flags, then `AWS_*` variables of `ctx.env`, then the
 * shared config and credentials files (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, `~/.aws`).
 */
export function createCliClient(ctx: RunContext, connection: ConnectionFlags): S3Client {
  const env = ctx.env;
  const profile = connection.profile;
  const options: S3ClientOptions = {
    config: { env, ...(profile === undefined ? {} : { profile }) },
    credentials: connection.credentials ?? createDefaultCredentialsProvider({ env, ...(profile === undefined ? {} : { profile }) }),
  };
  if (connection.endpointUrl !== undefined) options.endpoint = connection.endpointUrl;
  if (connection.region !== undefined) options.region = connection.region;
  if (profile !== undefined) options.profile = profile;
  if (ctx.transport) options.transport = ctx.transport;
  return new S3Client(options);
}
