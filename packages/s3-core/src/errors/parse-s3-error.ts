import { REDACTED, isSecretField, parseRetryAfter, redactText } from '@s3kit/primitives';
import { parseXmlFast } from '../xml/fast-xml-reader.js';
import { XmlParserNotLoaded } from '../xml/xml-parser.js';
import type { XmlObject, XmlValue } from '../xml/xml-parser.js';
import { S3ServiceError } from './s3-service-error.js';

/** The parts of an HTTP response {@link parseS3Error} reads. Header names are lower-case. */
export interface S3ErrorResponse {
  /** HTTP status code. */
  statusCode: number;
  /** Lower-case header names to values. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body as text (`''` for HEAD or an empty body). */
  bodyText: string;
}

/** Where the failed request was going, for the error's message and fields. */
export interface S3ErrorContext {
  /** Operation name (`GetObject`). */
  operation?: string;
  /** The request's bucket. */
  bucket?: string;
  /** The request's object key. */
  key?: string;
  /**
   * Current time in epoch milliseconds, to turn an HTTP-date `Retry-After` into a delay.
   * @default Date.now()
   */
  now?: number;
}

/**
 * Codes given to error responses without a body (HEAD requests, some proxies), by status. The
 * names are the ones the AWS SDKs use, so code written against them keeps working. A HEAD 404 is
 * `NotFound`, not `NoSuchKey`: without a body S3 does not say whether the key or the bucket is
 * missing (use {@link isNotFoundError} to test for either).
 */
export const STATUS_ERROR_CODES: Readonly<Record<number, string>> = {
  301: 'PermanentRedirect',
  302: 'Found',
  304: 'NotModified',
  307: 'TemporaryRedirect',
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  411: 'MissingContentLength',
  412: 'PreconditionFailed',
  416: 'InvalidRange',
  429: 'TooManyRequests',
  500: 'InternalError',
  501: 'NotImplemented',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** Code for a response whose body is not an S3 `<Error>` document and whose status has no table entry. */
export const UNKNOWN_ERROR_CODE = 'UnknownError';

const ERROR_BODY = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?<Error[\s>]/;
const HANDLED = new Set(['Code', 'Message', 'RequestId', 'HostId']);
// Members that carry (part of) a signature: S3 echoes the signature the client sent in
// SignatureDoesNotMatch errors. StringToSign and CanonicalRequest are kept: they hold no secret and
// are what one compares to debug a signing mismatch.
const SIGNATURE_MEMBERS = new Set(['SignatureProvided']);

/**
 * Whether `text` is an S3 `<Error>` document. S3 can answer `200 OK` and still fail
 * (CopyObject, UploadPartCopy, CompleteMultipartUpload send the error in the body after the status
 * line went out); callers of those operations check the body with this.
 * @example `isS3ErrorBody('<?xml version="1.0"?>\n<Error><Code>SlowDown</Code></Error>') // true`
 */
export function isS3ErrorBody(text: string): boolean {
  return ERROR_BODY.test(text.length > 512 ? text.slice(0, 512) : text);
}

function textOf(value: XmlValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function errorElement(bodyText: string): XmlObject | undefined {
  if (!bodyText.includes('<')) return undefined;
  let doc: XmlObject;
  try {
    doc = parseXmlFast(bodyText);
  } catch (err) {
    if (err instanceof XmlParserNotLoaded) throw err;
    return undefined;
  }
  const root = doc.Error ?? (doc.ErrorResponse as XmlObject | undefined)?.Error;
  return typeof root === 'object' && !Array.isArray(root) ? root : undefined;
}

function redactMember(name: string, value: XmlValue): unknown {
  if (SIGNATURE_MEMBERS.has(name) || isSecretField(name)) return REDACTED;
  return typeof value === 'string' ? redactText(value) : value;
}

/**
 * Turns an S3 error response into an {@link S3ServiceError}.
 *
 * - `<Error>` bodies (with or without XML declaration, leading whitespace, namespace, or an
 *   `<ErrorResponse>` wrapper as some S3-compatible servers send): `Code`, `Message`, `RequestId`,
 *   `HostId` become fields; every other member (`Endpoint`, `Region`, `BucketName`,
 *   `ActualObjectSize`, `StringToSign`, ...) goes to `details`, with `SignatureProvided` redacted.
 * - Empty bodies (HEAD): the code comes from {@link STATUS_ERROR_CODES} (`404` -> `NotFound`,
 *   `403` -> `Forbidden`, `301` -> `PermanentRedirect`).
 * - Other bodies (an HTML page from a proxy): code `UnknownError`, the status kept, and the first
 *   200 characters of the body in `details.body`.
 *
 * The region comes from `x-amz-bucket-region` or the body's `<Region>`; request ids from the body
 * or the `x-amz-request-id` / `x-amz-id-2` headers; `retryAfterMs` from `Retry-After`.
 *
 * @example
 * ```ts
 * throw parseS3Error({ statusCode: 404, headers, bodyText }, { operation: 'GetObject', bucket, key });
 * ```
 */
export function parseS3Error(response: S3ErrorResponse, context: S3ErrorContext = {}): S3ServiceError {
  const { statusCode, headers, bodyText } = response;
  const element = bodyText.trim() === '' ? undefined : errorElement(bodyText);
  const details: Record<string, unknown> = {};
  let code: string;
  let serviceMessage: string | undefined;
  let requestId = headers['x-amz-request-id'];
  let hostId = headers['x-amz-id-2'];
  if (element) {
    code = textOf(element.Code)?.trim() || (STATUS_ERROR_CODES[statusCode] ?? UNKNOWN_ERROR_CODE);
    const message = textOf(element.Message);
    if (message !== undefined && collapse(message) !== '') serviceMessage = collapse(message);
    requestId = textOf(element.RequestId) || requestId;
    hostId = textOf(element.HostId) || hostId;
    for (const [name, value] of Object.entries(element)) {
      if (!HANDLED.has(name)) details[name] = redactMember(name, value);
    }
  } else if (bodyText.trim() === '') {
    code = STATUS_ERROR_CODES[statusCode] ?? UNKNOWN_ERROR_CODE;
  } else {
    code = UNKNOWN_ERROR_CODE;
    details.body = redactText(bodyText.slice(0, 200));
  }
  const region = headers['x-amz-bucket-region'] ?? textOf(element?.Region);
  const retryAfterMs = parseRetryAfter(headers['retry-after'], context.now ?? Date.now());
  return new S3ServiceError({
    code,
    statusCode,
    ...(serviceMessage === undefined ? {} : { serviceMessage }),
    ...(requestId ? { requestId } : {}),
    ...(hostId ? { hostId } : {}),
    ...(region ? { region } : {}),
    ...(context.operation === undefined ? {} : { operation: context.operation }),
    ...(context.bucket === undefined ? {} : { bucket: context.bucket }),
    ...(context.key === undefined ? {} : { key: context.key }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    details,
  });
}
