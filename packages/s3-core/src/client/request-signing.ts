/** Signing a prepared request by its plan (plain, unsigned payload, aws-chunked), and per-region signers. */
import { createSigner } from '@s3kit/sigv4';
import type { SignOptions, Signer } from '@s3kit/sigv4';
import type { HttpRequest } from '@s3kit/primitives';
import type { ClientState } from './client-state.js';
import type { SigningPlan } from './prepare-body.js';

function signOptionsFor(state: ClientState, region: string, plan: SigningPlan): SignOptions {
  const key = plan.kind === 'unsigned-payload' ? `${region}\nU` : region;
  let options = state.signOptions.get(key);
  if (options === undefined) {
    options = plan.kind === 'unsigned-payload' ? { region, payloadHash: 'UNSIGNED-PAYLOAD' } : { region };
    state.signOptions.set(key, options);
  }
  return options;
}

/** Signs `request` for `region` as `plan` says (synchronously with static credentials). */
export async function signRequest(state: ClientState, request: HttpRequest, region: string, plan: SigningPlan, signal: AbortSignal | undefined): Promise<HttpRequest> {
  if (plan.kind === 'streaming') {
    return state.signer.signStreaming(request, {
      mode: plan.mode,
      decodedContentLength: plan.decodedContentLength,
      region,
      ...(plan.trailer ? { trailer: plan.trailer } : {}),
      ...(signal ? { signal } : {}),
    });
  }
  const options = signOptionsFor(state, region, plan);
  if (state.staticCredentials) return state.signer.signSync(request, options);
  return state.signer.sign(request, signal ? { ...options, signal } : options);
}

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
