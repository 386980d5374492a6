/** Signing a prepared request by its plan (plain, unsigned payload, aws-chunked), and per-region signers. */
import { UNSIGNED_PAYLOAD, createSigner } from '@s3kit/sigv4';
import type { ChunkedUploadOptions, SignOptions, Signer } from '@s3kit/sigv4';
import type { HttpRequest } from '@s3kit/primitives';
import type { ResolvedEndpoint } from '../endpoints/resolve-endpoint.js';
import type { ClientState } from './client-state.js';
import type { SigningPlan } from './prepare-body.js';

function chunkedOptions(plan: Extract<SigningPlan, { kind: 'streaming' }>): ChunkedUploadOptions {
  return { mode: plan.mode, decodedContentLength: plan.decodedContentLength, ...(plan.trailer ? { trailer: plan.trailer } : {}) };
}

function signOptionsFor(state: ClientState, region: string, service: string, plan: SigningPlan): SignOptions {
  const key = `${region}\n${service}${plan.kind === 'unsigned-payload' ? '\nU' : ''}`;
  let options = state.signOptions.get(key);
  if (options === undefined) {
    const base = service === 's3' ? { region } : { region, service };
    options = plan.kind === 'unsigned-payload' ? { ...base, payloadHash: 'UNSIGNED-PAYLOAD' } : base;
    state.signOptions.set(key, options);
  }
  return options;
}

/**
 * Signs `request` for `region` as `plan` says, as the endpoint's service (`s3`, `s3express`,
 * `s3-object-lambda`); a directory bucket's data-plane request with the bucket's S3 Express session;
 * a Multi-Region Access Point's with SigV4a (an aws-chunked body too, its chunks signed with ECDSA in
 * the signed modes). With static credentials, a plain SigV4 request is signed synchronously and
 * returned as it is (no promise, no extra turn of the microtask queue per request); every other
 * case returns a promise.
 */
export function signRequest(
  state: ClientState,
  request: HttpRequest,
  region: string,
  plan: SigningPlan,
  signal: AbortSignal | undefined,
  endpoint: Pick<ResolvedEndpoint, 'signingName' | 'authScheme' | 'signingRegionSet'>,
  bucket: string | undefined,
): HttpRequest | Promise<HttpRequest> {
  if (state.staticCredentials && plan.kind !== 'streaming' && endpoint.authScheme !== 'sigv4a' && endpoint.authScheme !== 'sigv4-s3express') {
    return state.signer.signSync(request, signOptionsFor(state, region, endpoint.signingName, plan));
  }
  return signAsync(state, request, region, plan, signal, endpoint, bucket);
}

/** {@link signRequest}'s cases that may wait: SigV4a, S3 Express sessions, streaming, credential providers. */
const signAsync: typeof signRequest = async (state, request, region, plan, signal, endpoint, bucket) => {
  if (endpoint.authScheme === 'sigv4a') {
    // A SigV4a signer has no clock offset of its own: sign at the client's corrected time.
    const at = { signingDate: state.clock.now() + state.signer.clockOffsetMs, regionSet: endpoint.signingRegionSet ?? '*', ...(signal ? { signal } : {}) };
    const v4a = state.sigV4aSigner();
    if (plan.kind === 'streaming') return v4a.signStreaming(request, { ...at, ...chunkedOptions(plan) });
    return v4a.sign(request, plan.kind === 'unsigned-payload' ? { ...at, payloadHash: UNSIGNED_PAYLOAD } : at);
  }
  let signer = state.signer;
  let staticCredentials = state.staticCredentials;
  if (endpoint.authScheme === 'sigv4-s3express' && bucket !== undefined) {
    const session = await state.expressSessions.get(bucket, signal);
    request.headers['x-amz-s3session-token'] = session.token;
    signer = session.signer;
    signer.setClockOffset(state.signer.clockOffsetMs);
    staticCredentials = true;
  }
  if (plan.kind === 'streaming') {
    return signer.signStreaming(request, {
      ...chunkedOptions(plan),
      region,
      ...(endpoint.signingName === 's3' ? {} : { service: endpoint.signingName }),
      ...(signal ? { signal } : {}),
    });
  }
  const options = signOptionsFor(state, region, endpoint.signingName, plan);
  if (staticCredentials) return signer.signSync(request, options);
  return signer.sign(request, signal ? { ...options, signal } : options);
};

/**
 * The signer of `region` (for what cannot take a per-call region: POST policies): the client's own
 * for its region, else one cached per region, with the same credentials and clock, and the client
 * signer's clock offset.
 */
export function signerFor(state: ClientState, region: string): Signer {
  if (region === state.region) return state.signer;
  let signer = state.regionSigners.get(region);
  if (signer === undefined) {
    signer = createSigner({ credentials: state.credentials, region, service: 's3', clock: state.clock });
    state.regionSigners.set(region, signer);
  }
  signer.setClockOffset(state.signer.clockOffsetMs);
  return signer;
}
