/**
 * One call of an operation: validate and serialize, add checksums, sign, send through the middleware
 * stack under the retry strategy, follow a wrong-region answer once, correct clock skew, read the output.
 */
import { TimeoutError, isAbortError, isReplayableBody } from '@s3kit/primitives';
import type { HttpResponse } from '@s3kit/primitives';
import type { CompiledOperation } from '../interpreter/compile.js';
import { serializeRequest } from '../interpreter/serialize-request.js';
import type { ResponseMetadata } from '../interpreter/spec.js';
import { correctClockSkew } from './clock-skew.js';
import { regionOf } from './client-state.js';
import { startDeadline } from './deadline.js';
import type { ClientState } from './client-state.js';
import type { SendOptions } from './client-options.js';
import { prepareBody } from './prepare-body.js';
import { errorOf, readOutput } from './read-output.js';
import { redirectRegion } from './region-redirect.js';
import { signRequest } from './request-signing.js';
import { wantsResponseValidation } from './response-checksum.js';

/** Codes with which S3 Express refuses a session token (a new session may succeed). */
const SESSION_REFUSED: ReadonlySet<string> = new Set(['ExpiredToken', 'InvalidToken']);

/** What one attempt hands back. */
interface AttemptResult {
  output: Record<string, unknown>;
  response: HttpResponse;
}

/**
 * Runs `op` with `input` under the client's retry strategy, with `options.timeoutMs` as the deadline
 * of the whole call; the output carries `$metadata`.
 */
export async function sendOperation(state: ClientState, op: CompiledOperation, input: Record<string, unknown>, options: SendOptions): Promise<Record<string, unknown>> {
  let signal = options.signal;
  const timer = options.timeoutMs === undefined ? undefined : startDeadline(options.timeoutMs);
  const deadline = timer?.signal;
  if (deadline) signal = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const body = op.bodyMember === undefined ? undefined : input[op.bodyMember];
  const replayable = body === undefined || typeof body === 'string' || body instanceof Uint8Array;
  let attempts = 0;
  try {
    const { output, response } = await state.retry.run(
      (context) => {
        attempts = context.attempt;
        return attempt(state, op, input, context.signal, replayable);
      },
      { replayable, ...(signal ? { signal } : {}), ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }) },
    );
    const metadata: ResponseMetadata = {
      httpStatusCode: response.statusCode,
      requestId: response.headers['x-amz-request-id'],
      extendedRequestId: response.headers['x-amz-id-2'],
      attempts,
    };
    output.$metadata = metadata;
    return output;
  } catch (err) {
    if (deadline?.aborted === true && isAbortError(err) && options.signal?.aborted !== true) {
      throw new TimeoutError(`${op.spec.name} did not finish within ${options.timeoutMs} ms`, { phase: 'total', cause: err, retryable: false });
    }
    throw err;
  } finally {
    timer?.release();
  }
}

async function attempt(
  state: ClientState,
  op: CompiledOperation,
  input: Record<string, unknown>,
  signal: AbortSignal | undefined,
  replayable: boolean,
): Promise<AttemptResult> {
  const bucket = op.bucketMember === undefined ? undefined : (input[op.bucketMember] as string | undefined);
  let region = regionOf(state, bucket);
  for (let hop = 0; ; hop++) {
    const endpoint = state.endpoints.get(bucket, region, op.endpointFlags);
    const { request, autoUrlEncoding } = serializeRequest(op, input, endpoint);
    request.headers['user-agent'] = state.userAgent;
    const plan = prepareBody(op, input, request, state);
    const validate = wantsResponseValidation(state, op, input, request);
    const signedOffset = state.signer.clockOffsetMs;
    const signing = signRequest(state, request, region, plan, signal, endpoint, bucket);
    const signed = signing instanceof Promise ? await signing : signing;
    const breaker = state.breaker;
    breaker?.tag(signed, endpoint);
    let response: HttpResponse;
    try {
      response = await state.transport.send(signed, signal ? { signal } : {});
    } finally {
      breaker?.untag(signed);
    }
    try {
      const status = response.statusCode;
      if (status < 200 || status >= 300) {
        const error = await errorOf(state, op, input, response);
        const redirect = state.followRegionRedirects ? redirectRegion(error, region, hop, bucket) : undefined;
        if (redirect !== undefined && bucket !== undefined && (replayable || isReplayableBody(request.body))) {
          region = redirect;
          state.bucketRegions.set(bucket, region);
          continue;
        }
        correctClockSkew(state.signer, state.clock, error, response, signedOffset);
        if (endpoint.authScheme === 'sigv4-s3express' && bucket !== undefined && SESSION_REFUSED.has(error.code)) {
          // The session expired early or was revoked: forget it, and let the retry create another.
          state.expressSessions.drop(bucket);
          Object.defineProperty(error, 'retryable', { value: true, enumerable: true, configurable: true });
        }
        throw error;
      }
      return { output: await readOutput(state, op, input, response, autoUrlEncoding, validate), response };
    } catch (err) {
      // Whatever failed after the headers arrived, the body must not keep the connection.
      await response.body.dump().catch(() => undefined);
      throw err;
    }
  }
}
