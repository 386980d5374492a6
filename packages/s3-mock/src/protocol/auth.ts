/**
 * Request authentication with @s3kit/sigv4's verifier: header or presigned SigV4, against the
 * mock's configured credentials.
 */
import type { Clock, HttpRequest } from '@s3kit/primitives';
import { verifyRequest } from '@s3kit/sigv4';
import type { VerifiedRequest } from '@s3kit/sigv4';

/** One access key the mock accepts. */
export interface MockCredentials {
  /** Access key id. */
  accessKeyId: string;
  /** Secret access key. */
  secretAccessKey: string;
  /** Session token requests must carry (temporary credentials). */
  sessionToken?: string;
}

/**
 * The credentials a mock accepts when none are configured: `test` / `test`, the convention of
 * LocalStack and most S3 emulators, so `AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test` works.
 */
export const DEFAULT_MOCK_CREDENTIALS: readonly MockCredentials[] = Object.freeze([
  Object.freeze({ accessKeyId: 'test', secretAccessKey: 'test' }),
]);

/** Authentication settings of a handler. */
export interface AuthOptions {
  /** `verify` checks every signature; `none` accepts any request (bodies are still decoded). */
  mode: 'verify' | 'none';
  credentials: readonly MockCredentials[];
  clock: Clock;
  maxSkewMs?: number | undefined;
}

/**
 * Verifies `request`; `region` (the addressed bucket's) must be the signing region when given.
 * Resolves `undefined` in `none` mode.
 * @throws SignatureVerificationError with S3's codes (see @s3kit/sigv4 `verifyRequest`)
 */
export async function authenticate(request: HttpRequest, options: AuthOptions, region: string | undefined): Promise<VerifiedRequest | undefined> {
  if (options.mode === 'none') return undefined;
  const { credentials } = options;
  return verifyRequest(request, {
    lookupSecret: (id) => {
      const found = credentials.find((c) => c.accessKeyId === id);
      return Promise.resolve(found && { secretAccessKey: found.secretAccessKey, sessionToken: found.sessionToken });
    },
    clock: options.clock,
    region,
    maxSkewMs: options.maxSkewMs,
  });
}
