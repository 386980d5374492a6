/**
 * Request authentication with @s3kit/sigv4's verifier: header or presigned SigV4, against the
 * mock's configured credentials, each mapped to the account it belongs to.
 */
import type { Clock, HttpRequest } from '@s3kit/primitives';
import { getAuthType, verifyRequest } from '@s3kit/sigv4';
import type { VerifiedRequest } from '@s3kit/sigv4';
import { ANONYMOUS } from '../engine/account.js';
import type { Account, Requester } from '../engine/account.js';
import { S3MockError } from '../engine/errors.js';
import { isSigV2, verifySigV2 } from './sigv2.js';

/** One access key the mock accepts. */
export interface MockCredentials {
  /** Access key id. */
  accessKeyId: string;
  /** Secret access key. */
  secretAccessKey: string;
  /** Session token requests must carry (temporary credentials). */
  sessionToken?: string;
  /**
   * The account these keys act as.
   * @default the engine's owner
   */
  account?: Account;
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
  /** The account of keys configured without one. */
  defaultAccount: Account;
  clock: Clock;
  maxSkewMs?: number | undefined;
  /** Accept SigV2 signatures. */
  sigV2: boolean;
}

/** Who sent a request, and its verified signature (`undefined` with auth `none`). */
export interface Authenticated {
  verified: VerifiedRequest | undefined;
  requester: Requester;
}

/** The access key id a request names (header or presigned), without checking anything. */
function claimedAccessKey(request: HttpRequest): string | undefined {
  const header = /Credential=([^/,\s]+)\//.exec(request.headers.authorization ?? '');
  if (header) return header[1];
  const query = request.query?.['X-Amz-Credential'];
  const credential = typeof query === 'string' ? query : query?.[0];
  return credential?.split('/')[0];
}

/**
 * Verifies `request` and says who sent it (an unsigned request is {@link ANONYMOUS}); `region`
 * (the addressed bucket's) must be the signing region when given. SigV2 is verified when enabled,
 * refused with 400 `InvalidRequest` otherwise. In `none` mode the requester is the account of the access key the request
 * names, or the default account.
 * @throws SignatureVerificationError with S3's codes (see @s3kit/sigv4 `verifyRequest`)
 */
export async function authenticate(request: HttpRequest, options: AuthOptions, region: string | undefined, virtualHostBucket?: string): Promise<Authenticated> {
  const { credentials } = options;
  const accountOf = (id: string | undefined): Account => credentials.find((c) => c.accessKeyId === id)?.account ?? options.defaultAccount;
  if (options.mode === 'none') return { verified: undefined, requester: accountOf(claimedAccessKey(request)) };
  if (isSigV2(request)) {
    if (!options.sigV2) throw new S3MockError('InvalidRequest', {}, 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.');
    const found = verifySigV2(request, credentials, options.clock, virtualHostBucket, options.maxSkewMs);
    return { verified: undefined, requester: found.account ?? options.defaultAccount };
  }
  // An unsigned request is the anonymous public: what it may do is the authorization step's call.
  if (getAuthType(request) === 'none') return { verified: undefined, requester: ANONYMOUS };
  const verified = await verifyRequest(request, {
    lookupSecret: (id) => {
      const found = credentials.find((c) => c.accessKeyId === id);
      return Promise.resolve(found && { secretAccessKey: found.secretAccessKey, sessionToken: found.sessionToken });
    },
    clock: options.clock,
    region,
    maxSkewMs: options.maxSkewMs,
  });
  return { verified, requester: accountOf(verified.accessKeyId) };
}
