/**
 * The accounts `s3kit serve` runs with: `--user KEY:SECRET[:ID[:NAME[:EMAIL]]]` flags and a
 * `--users` JSON file, each an access key pair acting as one account of the mock.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MockCredentials } from '@s3kit/s3-mock';
import { UsageError } from '../usage-error.js';

/** One entry of a `--users` file. */
export interface ServeUser {
  accessKeyId: string;
  secretAccessKey: string;
  /** Canonical user id (64 hex digits, as S3 shows owners). @default derived from the access key */
  id?: string;
  /** @default the access key id */
  displayName?: string;
  /** For ACL grants by e-mail address. */
  email?: string;
}

const USER_HINT = 'give --user ACCESS_KEY:SECRET_KEY[:CANONICAL_ID[:DISPLAY_NAME[:EMAIL]]]';

/** A stable canonical id for keys given without one. */
function derivedId(accessKeyId: string): string {
  return createHash('sha256').update(`s3kit-serve:${accessKeyId}`).digest('hex');
}

/** The mock credentials (key pair and account) of one user. */
export function credentialsOf(user: ServeUser): MockCredentials {
  const account = {
    ID: user.id ?? derivedId(user.accessKeyId),
    DisplayName: user.displayName ?? user.accessKeyId,
    ...(user.email === undefined ? {} : { EmailAddress: user.email }),
  };
  return { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey, account };
}

/**
 * Parses one `--user` value.
 * @throws UsageError `ERR_USAGE` when the key or the secret is missing
 */
export function parseUserFlag(text: string): ServeUser {
  const [accessKeyId = '', secretAccessKey = '', id, displayName, email] = text.split(':');
  if (accessKeyId === '' || secretAccessKey === '') throw new UsageError('--user needs an access key and a secret key', USER_HINT);
  const user: ServeUser = { accessKeyId, secretAccessKey };
  if (id) user.id = id;
  if (displayName) user.displayName = displayName;
  if (email) user.email = email;
  return user;
}

function isUser(value: unknown): value is ServeUser {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const optional = (name: string): boolean => v[name] === undefined || typeof v[name] === 'string';
  return typeof v.accessKeyId === 'string' && v.accessKeyId !== '' && typeof v.secretAccessKey === 'string' && v.secretAccessKey !== '' && optional('id') && optional('displayName') && optional('email');
}

/**
 * Reads a `--users` file: a JSON array of {@link ServeUser}.
 * @throws UsageError `ERR_USAGE` when it cannot be read or is not such an array (the message never shows a secret)
 */
export async function readUsersFile(cwd: string, path: string): Promise<ServeUser[]> {
  const hint = 'give a JSON file: [{ "accessKeyId": "...", "secretAccessKey": "..." }]';
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (err) {
    throw new UsageError(`--users ${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`, hint);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text it fails on, which could be a secret: say only where it is.
    throw new UsageError(`--users ${path}: not valid JSON`, hint);
  }
  if (!Array.isArray(parsed) || !parsed.every(isUser)) {
    throw new UsageError(`--users ${path}: not an array of { accessKeyId, secretAccessKey, id?, displayName?, email? }`, 'each user needs a non-empty accessKeyId and secretAccessKey');
  }
  return parsed;
}
