/**
 * CopyObject, UploadPartCopy and CompleteMultipartUpload answer `200 OK` as soon as they start and
 * report the outcome in the body, which may still turn out to be an `<Error>`
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html). A 200 whose body is empty
 * or is not their result document therefore says nothing about success: a cut connection or a
 * proxy may have eaten it.
 */
import { NetworkError } from '@s3kit/primitives';

const ROOT = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)/;

/** What {@link checkResultDocument} needs to know of an operation. */
export interface ResultDocumentSpec {
  /** The operation's name, for the message. */
  readonly name: string;
  /** Whether it reports its outcome in a 200 (the spec's `errorIn200`). */
  readonly errorIn200?: boolean | undefined;
  /** The root element its result document must have, when the spec names it (an XML payload member). */
  readonly root?: string | undefined;
}

/**
 * Checks that `text`, the body of a 2xx answer to an operation that reports its outcome in a 200,
 * is a result document: an XML element, with root `root` (any namespace prefix) when given.
 * @throws {NetworkError} `ERR_BODY_INVALID`, retryable (S3 documents these answers as retryable).
 */
export function checkResultDocument(spec: ResultDocumentSpec, text: string): void {
  if (spec.errorIn200 !== true) return;
  const root = ROOT.exec(text)?.[1];
  if (root !== undefined && (spec.root === undefined || root.replace(/^[^:]*:/, '') === spec.root)) return;
  const found = text.trim() === '' ? 'an empty body' : root === undefined ? 'a body that is not XML' : `a <${root}> document`;
  const expected = spec.root === undefined ? 'its result document' : `<${spec.root}>`;
  throw new NetworkError(`${spec.name} answered 200 with ${found} instead of ${expected}: the outcome is unknown, so it is retried`, {
    code: 'ERR_BODY_INVALID',
    retryable: true,
  });
}
