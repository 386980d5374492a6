import { isAbortError, isConfigError, isCredentialsError, isNetworkError, isS3kitError, isValidationError } from '@s3kit/primitives';
import { isS3ServiceError } from '@s3kit/s3-core';
import { EXIT_CONFIG, EXIT_INTERRUPTED, EXIT_OTHER, EXIT_SERVICE, EXIT_USAGE } from './context.js';
import type { RunContext } from './context.js';
import { useColor } from './global-options.js';
import { isUsageError } from './usage-error.js';

const HINTS: Readonly<Record<string, string>> = {
  NoSuchBucket: "check the bucket name; 's3kit ls' lists your buckets",
  NoSuchKey: "check the key; 's3kit ls s3://bucket/prefix/' lists what is there",
  NotFound: "check the bucket and key; 's3kit ls' lists what is there",
  AccessDenied: 'your credentials are not allowed to do this; check the profile (--profile) and its policy',
  Forbidden: 'your credentials are not allowed to do this; check the profile (--profile) and its policy',
  InvalidAccessKeyId: 'the access key is unknown to this endpoint; check AWS_ACCESS_KEY_ID, --profile and --endpoint-url',
  SignatureDoesNotMatch: 'the secret key does not match the access key; check AWS_SECRET_ACCESS_KEY or the profile',
  BucketAlreadyExists: 'bucket names are global: pick another name',
  BucketAlreadyOwnedByYou: 'you already own this bucket',
  BucketNotEmpty: "delete its objects first ('s3kit rm s3://bucket --recursive') or use 's3kit rb --force'",
  InvalidBucketName: 'bucket names are 3-63 lowercase letters, digits, dots and hyphens',
  RequestTimeTooSkewed: "this machine's clock is off; sync it (NTP) and retry",
  SlowDown: 'the server is throttling: lower --concurrency or add --bwlimit',
  ERR_CREDENTIALS: 'no credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pick a profile with --profile',
  ERR_CONFIG: 'set --region (or AWS_REGION), and check --profile and --endpoint-url',
  ERR_NETWORK: 'could not reach the endpoint: check --endpoint-url and your network',
  ERR_TIMEOUT: 'the endpoint did not answer in time: check --endpoint-url and your network',
  ERR_CIRCUIT_OPEN: 'the endpoint kept failing, so requests were stopped for a while; retry later',
  ERR_ABORTED: 'interrupted',
};

/** The S3 or s3kit code of an error, if it has one. */
export function errorCode(err: unknown): string | undefined {
  return isS3kitError(err) ? err.code : undefined;
}

/** One line describing an error: its message, the S3 code and status when there is one. Never a secret (s3kit errors are redacted). */
export function describeError(err: unknown): string {
  if (isS3ServiceError(err)) {
    const id = err.requestId;
    return id === undefined || err.message.includes(`request id ${id}`) ? err.message : `${err.message} (request id ${id})`;
  }
  if (isUsageError(err)) return err.message;
  if (isS3kitError(err)) return `${err.message} [${err.code}]`;
  return err instanceof Error ? err.message : String(err);
}

/** OS and resolver codes of a connection that was never made (nothing reached the endpoint). */
const CONNECT_FAILURES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN']);

/** Said of a network error on a connection that was made and then broke (reset, cut mid-body). */
const BROKEN_CONNECTION_HINT = 'the connection to the endpoint broke off mid-request; retry, and check proxies or load balancers between you and it';

/** A hint for an error's code: what the user can do about it. */
export function hintFor(err: unknown): string | undefined {
  if (isUsageError(err)) return err.hint;
  if (isNetworkError(err) && err.code === 'ERR_NETWORK') {
    const errno = err.details?.errno;
    // Without an errno (or fetch's catch-all) the transport could not tell: the endpoint hint is the likelier help.
    if (typeof errno === 'string' && errno !== 'ERR_FETCH' && !CONNECT_FAILURES.has(errno)) return BROKEN_CONNECTION_HINT;
  }
  const code = errorCode(err);
  return code === undefined ? undefined : HINTS[code];
}

/**
 * The exit code of a command that stopped on `err`, from the AWS CLI v2 table: 252 bad command line
 * (usage and validation errors), 253 configuration or credentials, 254 the service answered with an
 * error, 130 interrupted, 255 anything else (could not connect, timeouts, bugs).
 */
export function exitCodeFor(err: unknown): number {
  if (isUsageError(err) || isValidationError(err)) return EXIT_USAGE;
  if (isConfigError(err) || isCredentialsError(err)) return EXIT_CONFIG;
  if (isS3ServiceError(err)) return EXIT_SERVICE;
  if (isAbortError(err)) return EXIT_INTERRUPTED;
  return EXIT_OTHER;
}

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const RESET = '\u001b[0m';

/**
 * Prints an error (and its hint) to stderr, or as JSON on stdout in `--json` mode, and returns
 * the exit code ({@link exitCodeFor}). With colour (`--color on`, or a terminal without `NO_COLOR`)
 * the `s3kit:` and `hint:` labels are red and yellow.
 */
export function reportError(ctx: RunContext, err: unknown, json: boolean): number {
  const hint = hintFor(err);
  if (json) {
    const body = { error: { code: errorCode(err) ?? 'ERR_UNKNOWN', message: describeError(err), ...(hint === undefined ? {} : { hint }) } };
    ctx.stdout.write(`${JSON.stringify(body)}\n`);
  } else {
    const color = useColor(ctx.globals, ctx.isTTY, ctx.env);
    ctx.stderr.write(`${color ? `${RED}s3kit:${RESET}` : 's3kit:'} ${describeError(err)}\n`);
    if (hint !== undefined) ctx.stderr.write(`${color ? `${YELLOW}hint:${RESET}` : 'hint:'} ${hint}\n`);
  }
  return exitCodeFor(err);
}
