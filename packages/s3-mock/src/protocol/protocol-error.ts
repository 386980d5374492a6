import { S3kitError } from '@s3kit/primitives';
import { ERRORS, isS3MockError } from '../engine/errors.js';

/** Status and default message of the error codes the protocol layer raises itself (engine codes come from {@link ERRORS}). */
export const PROTOCOL_ERRORS = {
  ...ERRORS,
  AccessForbidden: { status: 403, message: 'CORSResponse: This CORS request is not allowed.' },
  IncompleteBody: { status: 400, message: 'You did not provide the number of bytes specified by the Content-Length HTTP header.' },
  InternalError: { status: 500, message: 'We encountered an internal error. Please try again.' },
  InvalidURI: { status: 400, message: "Couldn't parse the specified URI." },
  MalformedPOSTRequest: { status: 400, message: 'The body of your POST request is not well-formed multipart/form-data.' },
  InvalidPolicyDocument: { status: 400, message: 'The content of the form does not meet the conditions specified in the policy document.' },
  MalformedACLError: { status: 400, message: 'The XML you provided was not well-formed or did not validate against our published schema.' },
  MaxMessageLengthExceeded: { status: 400, message: 'Your request was too big.' },
  MissingContentLength: { status: 411, message: 'You must provide the Content-Length HTTP header.' },
  RequestHeaderSectionTooLarge: { status: 400, message: 'Your request header section exceeds the maximum allowed size.' },
  ServiceUnavailable: { status: 503, message: 'Please reduce your request rate.' },
  SlowDown: { status: 503, message: 'Please reduce your request rate.' },
  XAmzContentSHA256Mismatch: { status: 400, message: "The provided 'x-amz-content-sha256' header does not match what was computed." },
} as const satisfies Record<string, { status: number; message: string }>;

/** A code of {@link PROTOCOL_ERRORS}. */
export type ProtocolErrorCode = keyof typeof PROTOCOL_ERRORS;

/** An S3 error as rendered on the wire. */
export interface S3ErrorDocument {
  status: number;
  code: string;
  message: string;
  /** Extra `<Error>` members, in order. */
  fields: Readonly<Record<string, string | number>>;
  /** Response headers the error carries (`x-amz-delete-marker`, `x-amz-version-id`). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * An error the protocol layer answers with (parsing, body and checksum checks, routing). Any
 * status and code can be given, so fault injection can answer with codes S3 uses (`SlowDown`,
 * `InternalError`, ...).
 */
export class S3ProtocolError extends S3kitError {
  override readonly name = 'S3ProtocolError' as const;
  /** HTTP status. */
  readonly status: number;
  /** Extra `<Error>` members. */
  readonly fields: Readonly<Record<string, string | number>>;

  constructor(code: string, status: number, message: string, fields: Readonly<Record<string, string | number>> = {}, cause?: unknown) {
    super(message, { code, details: { status, ...fields }, ...(cause === undefined ? {} : { cause }) });
    this.status = status;
    this.fields = fields;
  }

  /** An error with S3's status and default message for `code`. */
  static of(code: ProtocolErrorCode, fields: Readonly<Record<string, string | number>> = {}, message?: string, cause?: unknown): S3ProtocolError {
    const spec = PROTOCOL_ERRORS[code];
    return new S3ProtocolError(code, spec.status, message ?? spec.message, fields, cause);
  }
}

function stringFields(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/**
 * Maps anything thrown while serving a request to the S3 error to render: engine errors, protocol
 * errors, SigV4 verification errors (duck-typed on `name` and `statusCode`), and anything else as
 * a 500 `InternalError` (its message is not shown: it could hold internals).
 */
export function toErrorDocument(err: unknown): S3ErrorDocument {
  if (isS3MockError(err)) {
    const doc: S3ErrorDocument = { status: err.status, code: err.code, message: err.message, fields: err.fields };
    if (err.version) {
      doc.headers = { 'x-amz-version-id': err.version.VersionId, ...(err.version.DeleteMarker ? { 'x-amz-delete-marker': 'true' } : {}) };
    }
    return doc;
  }
  if (err instanceof S3ProtocolError) return { status: err.status, code: err.code, message: err.message, fields: err.fields };
  if (err instanceof Error && err.name === 'SignatureVerificationError') {
    const e = err as Error & { statusCode: number; code: string; details?: unknown };
    return { status: e.statusCode, code: e.code, message: e.message, fields: stringFields(e.details) };
  }
  const spec = PROTOCOL_ERRORS.InternalError;
  return { status: spec.status, code: 'InternalError', message: spec.message, fields: {} };
}
