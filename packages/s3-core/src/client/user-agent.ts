/** The `User-Agent` s3kit sends: who is calling, on what runtime, and (optionally) for which application. */
import { readFileSync } from 'node:fs';
import { ValidationError } from '@s3kit/primitives';

let version: string | undefined;

/** This package's version, read once from its own `package.json` (one directory above `dist/`). */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}

const APP_ID = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,50}$/;

/**
 * The `User-Agent` of a client: `s3kit/<version> (node/<version>; <platform>; <arch>) s3-core/<version>`,
 * then `app/<appId>` when given.
 * @throws {ValidationError} `ERR_VALIDATION` for an application id that is not 1 to 50 token characters.
 */
export function userAgent(appId: string | undefined): string {
  const v = packageVersion();
  const base = `s3kit/${v} (node/${process.versions.node}; ${process.platform}; ${process.arch}) s3-core/${v}`;
  if (appId === undefined || appId === '') return base;
  if (!APP_ID.test(appId)) throw new ValidationError({ field: 'userAgentAppId', rule: 'must be 1 to 50 letters, digits or token symbols (no spaces)', value: appId });
  return `${base} app/${appId}`;
}
