/** Presigned URLs for any operation and presigned POST forms, signed for the bucket's region. */
import { ValidationError } from '@s3kit/primitives';
import type { PostPolicyOptions, PostPolicyResult, PresignedRequest } from '@s3kit/sigv4';
import type { CompiledOperation } from '../interpreter/compile.js';
import { serializeRequest } from '../interpreter/serialize-request.js';
import { regionOf } from './client-state.js';
import type { ClientState } from './client-state.js';
import { signerFor } from './request-signing.js';

/** Presigned request: the URL plus the headers the caller must send with it (those that were signed). */
export interface PresignedUrl {
  /** The URL, query-signed. */
  url: string;
  /** HTTP method to use. */
  method: string;
  /** Headers that were signed and must be sent unchanged (`content-type`, SSE-C headers...). */
  headers: Record<string, string>;
}

/** Options of `S3Client.presign`. */
export interface PresignUrlOptions {
  /** Validity in seconds, 1 to 604800 (7 days). @default 900 */
  expiresIn?: number;
  /** Signing time. @default now (plus the clock offset) */
  signingDate?: Date;
  /** Aborts a pending credentials fetch. */
  signal?: AbortSignal;
}

/** Options of `S3Client.presignPost`: the sigv4 POST policy options without the bucket's region. */
export type PresignPostOptions = PostPolicyOptions & { signingDate?: Date; signal?: AbortSignal };

/** A presigned POST form: where to send it and its fields (the file goes last, as `file`). */
export interface PresignedPost extends PostPolicyResult {
  /** The form's target URL. */
  url: string;
}

/** Presigns `op` with `input` as a URL (the body, if any, is left out of the signature). */
export async function presignOperation(state: ClientState, op: CompiledOperation, input: Record<string, unknown>, options: PresignUrlOptions): Promise<PresignedUrl> {
  const bucket = op.bucketMember === undefined ? undefined : (input[op.bucketMember] as string | undefined);
  const region = regionOf(state, bucket);
  const endpoint = state.endpoints.get(bucket, region, op.endpointFlags);
  const { request } = serializeRequest(op, input, endpoint);
  delete request.body;
  const expiresIn = options.expiresIn ?? 900;
  const signal = options.signal ? { signal: options.signal } : {};
  let signed: PresignedRequest;
  if (endpoint.authScheme === 'sigv4a') {
    // A SigV4a signer has no clock offset of its own: sign at the client's corrected time.
    const signingDate = options.signingDate ?? state.clock.now() + state.signer.clockOffsetMs;
    signed = await state.sigV4aSigner().presign(request, { expiresIn, signingDate, regionSet: endpoint.signingRegionSet ?? '*', ...signal });
  } else {
    signed = await state.signer.presign(request, { expiresIn, region, ...(options.signingDate ? { signingDate: options.signingDate } : {}), ...signal });
  }
  const headers: Record<string, string> = {};
  for (const name in signed.headers) if (name !== 'host') headers[name] = signed.headers[name]!;
  return { url: signed.url, method: signed.method, headers };
}

/**
 * Presigns a browser POST upload form for `options.bucket`, in the bucket's region.
 * @throws {ValidationError} `ERR_VALIDATION` for a Multi-Region Access Point (POST policies are signed with SigV4 only).
 */
export async function presignPostForm(state: ClientState, options: PresignPostOptions): Promise<PresignedPost> {
  const region = regionOf(state, options.bucket);
  const endpoint = state.endpoints.get(options.bucket, region);
  if (endpoint.authScheme === 'sigv4a') {
    throw new ValidationError({ field: 'bucket', rule: 'cannot be a Multi-Region Access Point: s3kit signs POST policies with SigV4 only', value: options.bucket });
  }
  const result = await signerFor(state, region).presignPost(options);
  const port = endpoint.port === undefined ? '' : `:${endpoint.port}`;
  const path = endpoint.style === 'path' ? endpoint.pathPrefix : `${endpoint.pathPrefix}/`;
  return { ...result, url: `${endpoint.protocol}//${endpoint.hostname}${port}${path}` };
}
