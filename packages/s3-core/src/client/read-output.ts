/** Turning a response into an operation's output, or into the `S3ServiceError` it carries. */
import { NetworkError } from '@s3kit/primitives';
import type { HttpResponse } from '@s3kit/primitives';
import { eventMessages } from '../body/event-stream.js';
import { readCappedBody } from '../body/read-capped.js';
import { createS3Body } from '../body/response-body.js';
import { isS3ErrorBody, parseS3Error } from '../errors/parse-s3-error.js';
import { S3ServiceError } from '../errors/s3-service-error.js';
import type { CompiledOperation } from '../interpreter/compile.js';
import { readBody, readEvents, readHeaders } from '../interpreter/parse-response.js';
import { isXmlParseError } from '../xml/xml-error.js';
import { withXmlParser } from '../xml/xml-parser.js';
import type { ClientState } from './client-state.js';
import { bodyChecks } from './response-checksum.js';
import { checkResultDocument } from './result-document.js';

/** The bucket and key of a call, for error fields and log lines. */
export function targetOf(op: CompiledOperation, input: Record<string, unknown>): { bucket?: string; key?: string } {
  const target: { bucket?: string; key?: string } = {};
  const bucket = op.bucketMember === undefined ? undefined : input[op.bucketMember];
  const key = op.keyMember === undefined ? undefined : input[op.keyMember];
  // Assigned, not spread from conditional objects: this runs for every streamed GetObject body.
  if (typeof bucket === 'string') target.bucket = bucket;
  if (typeof key === 'string') target.key = key;
  return target;
}

/** Reads the error of a non-2xx response (its body, if any, is consumed; `text` when already read). */
export async function errorOf(state: ClientState, op: CompiledOperation, input: Record<string, unknown>, response: HttpResponse, text?: string): Promise<S3ServiceError> {
  let bodyText = text ?? '';
  if (text === undefined) {
    try {
      bodyText = new TextDecoder().decode(await readCappedBody(response, state.maxBufferedBodyBytes, op.spec.name));
    } catch {
      await response.body.dump().catch(() => undefined);
    }
  }
  const now = state.clock.now();
  return withXmlParser(() => parseS3Error({ statusCode: response.statusCode, headers: response.headers, bodyText }, { operation: op.spec.name, ...targetOf(op, input), now }));
}

/**
 * Reads the output of a 2xx response: headers, then the XML body (checked for truncation and for an
 * `<Error>` document), or the streamed body handed to the caller (tracked until finished).
 * @throws {S3ServiceError} for an `<Error>` document in a 2xx answer.
 * @throws {NetworkError} `ERR_BODY_TRUNCATED`, `ERR_BODY_INVALID` (both retryable; also for a 200 that is not
 *   the result document of an operation that reports its outcome in a 200), `ERR_BODY_TOO_LARGE`.
 */
export async function readOutput(
  state: ClientState,
  op: CompiledOperation,
  input: Record<string, unknown>,
  response: HttpResponse,
  autoUrlEncoding: boolean,
  validate: boolean,
): Promise<Record<string, unknown>> {
  const output: Record<string, unknown> = {};
  readHeaders(op, response, output);
  if (op.readsBody) {
    const bytes = await readCappedBody(response, state.maxBufferedBodyBytes, op.spec.name);
    const declared = response.headers['content-length'];
    if (declared !== undefined && response.headers['content-encoding'] === undefined && Number(declared) !== bytes.byteLength) {
      throw new NetworkError(`${op.spec.name} response body truncated: received ${bytes.byteLength} of ${declared} bytes`, {
        code: 'ERR_BODY_TRUNCATED',
      });
    }
    const text = new TextDecoder().decode(bytes);
    // An <Error> document is an error whatever the status: S3 may answer 200 and fail later (CopyObject,
    // UploadPartCopy, CompleteMultipartUpload, and SlowDown on DeleteObjects has been seen in the wild).
    if (isS3ErrorBody(text)) {
      throw await errorOf(state, op, input, response, text);
    }
    const payload = op.outputPayload;
    checkResultDocument({ name: op.spec.name, errorIn200: op.spec.errorIn200, root: payload?.kind === 'xml' ? payload.member : undefined }, text);
    try {
      await withXmlParser(() => {
        readBody(op, text, output, autoUrlEncoding);
      });
    } catch (err) {
      // A 2xx body that is not XML is almost always a cut-off one: retry it as a network failure.
      if (isXmlParseError(err)) throw new NetworkError(`${op.spec.name} response body is not valid XML`, { code: 'ERR_BODY_INVALID', cause: err });
      throw err;
    }
  } else if (op.outputBody !== undefined) {
    const checks = bodyChecks(response, validate);
    const { bucket, key } = targetOf(op, input);
    const fields = { operation: op.spec.name, bucket, key };
    output[op.outputBody] = state.bodies.track(response.body, fields, (tracked) => createS3Body(tracked, checks));
  } else if (op.outputPayload?.kind === 'event-stream') {
    const { member, events = {} } = op.outputPayload;
    const target = targetOf(op, input);
    const fields = { operation: op.spec.name, bucket: target.bucket, key: target.key };
    const failure = (code: string, message: string | undefined): Error =>
      new S3ServiceError({ code, statusCode: response.statusCode, ...(message === undefined ? {} : { serviceMessage: message }), operation: op.spec.name, ...target });
    output[member] = state.bodies.track(response.body, fields, (tracked) => ({
      [Symbol.asyncIterator]: () => readEvents(events, eventMessages(tracked), failure),
    }));
  } else {
    await response.body.dump();
  }
  return output;
}
