/**
 * CopyObject, UploadPartCopy and CompleteMultipartUpload answer `200 OK` as soon as they start and
 * report the outcome in the body, which may still turn out to be an `<Error>`
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html). A 200 whose body is empty
 * or is not their result document therefore says nothing about success: a cut connection or a
 * proxy may have eaten it.
 */
import { NetworkError } from '@s3kit/primitives';
import type { OperationSpec } from '../interpreter/spec.js';

const ROOT = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)/;

/**
 * Checks that `text`, the body of a 2xx answer to an operation that reports its outcome in a 200
 * (`errorIn200`), is its result document (root element `outputRoot`, any namespace prefix).
 * @throws {NetworkError} `ERR_BODY_INVALID`, retryable (S3 documents these answers as retryable).
 */
export function checkResultDocument(spec: Pick<OperationSpec, 'name' | 'outputRoot' | 'errorIn200'>, text: string): void {
  if (spec.errorIn200 !== true || spec.outputRoot === undefined) return;
  const root = ROOT.exec(text)?.[1];
  if (root !== undefined && root.replace(/^[^:]*:/, '') === spec.outputRoot) return;
  const found = text.trim() === '' ? 'an empty body' : root === undefined ? 'a body that is not XML' : `a <${root}> document`;
  throw new NetworkError(`${spec.name} answered 200 with ${found} instead of <${spec.outputRoot}>: the outcome is unknown, so it is retried`, {
    code: 'ERR_BODY_INVALID',
    retryable: true,
  });
}
