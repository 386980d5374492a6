/**
 * Body limits checked from a request's headers, before a byte of its body is read: a body that
 * could never be accepted is refused at once (and, on a socket, the connection is closed instead
 * of reading it), so no client can make the mock buffer more than it would keep.
 */
import type { HttpRequest } from '@s3kit/primitives';
import type { S3Engine } from '../engine/engine.js';
import { ERRORS, S3MockError } from '../engine/errors.js';
import { insufficientStorage } from '../engine/storage.js';
import { S3ProtocolError } from './protocol-error.js';
import type { S3Operation } from './route.js';

/** Operations whose body is stored (object or part data); every other body is a small document. */
const STORED_BODY: ReadonlySet<S3Operation> = new Set(['PutObject', 'UploadPart', 'PostObject']);

/** Largest body of any other operation (configuration documents, Delete, CompleteMultipartUpload). */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** Unread bodies up to this size are read and discarded to keep the connection; larger ones close it. */
export const MAX_DRAINED_BYTES = 1024 * 1024;

function declared(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,16}$/.test(text.trim())) return undefined;
  return Number(text);
}

/** The raw `Content-Length` of a request, if it declares a valid one. */
export function declaredLength(request: HttpRequest): number | undefined {
  return declared(request.headers['content-length']);
}

/**
 * Checks what `request` declares against the limits; returns the bytes to reserve while its body
 * is read (the raw length of a body that will be stored, else 0).
 * @param reserved bytes other requests in flight have reserved
 * @throws S3MockError `EntityTooLarge` (over `maxObjectSize`), `InsufficientStorage` (over what is left of `maxStoredBytes`)
 * @throws S3ProtocolError `MaxMessageLengthExceeded` (a document over 2 MiB)
 */
export function checkDeclaredBody(operation: S3Operation, request: HttpRequest, engine: S3Engine, reserved: number): number {
  const raw = declaredLength(request);
  if (raw === undefined) return 0;
  if (!STORED_BODY.has(operation)) {
    if (raw > MAX_DOCUMENT_BYTES) throw S3ProtocolError.of('MaxMessageLengthExceeded', { MaxMessageLengthBytes: MAX_DOCUMENT_BYTES });
    return 0;
  }
  const size = declared(request.headers['x-amz-decoded-content-length']) ?? raw;
  if (size > engine.maxObjectSize) {
    throw new S3MockError('EntityTooLarge', { ProposedSize: size, MaxSizeAllowed: engine.maxObjectSize }, ERRORS.EntityTooLarge.message);
  }
  const { storedBytes, maxStoredBytes } = engine.storage();
  if (storedBytes + reserved + raw > maxStoredBytes) throw insufficientStorage(maxStoredBytes, storedBytes + reserved, raw);
  return raw;
}
