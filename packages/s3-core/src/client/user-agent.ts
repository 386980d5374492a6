/** The `User-Agent` s3kit sends: who is calling, on what runtime, and (optionally) for which application. */
import { ValidationError } from '@s3kit/primitives';
import { packageVersion, runtimeInfo } from '#platform/runtime-info';

export { packageVersion } from '#platform/runtime-info';

const APP_ID = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,50}$/;

/**
 * The `User-Agent` of a client: `s3kit/<version> (node/<version>; <platform>; <arch>) s3-core/<version>`
 * (`(web)` in browsers and workerd), then `app/<appId>` when given.
 * @throws {ValidationError} `ERR_VALIDATION` for an application id that is not 1 to 50 token characters.
 */
export function userAgent(appId: string | undefined): string {
  const v = packageVersion();
  const base = `s3kit/${v} (${runtimeInfo()}) s3-core/${v}`;
  if (appId === undefined || appId === '') return base;
  if (!APP_ID.test(appId)) throw new ValidationError({ field: 'userAgentAppId', rule: 'must be 1 to 50 letters, digits or token symbols (no spaces)', value: appId });
  return `${base} app/${appId}`;
}
