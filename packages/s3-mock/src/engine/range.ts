import { S3MockError } from './errors.js';

/** A resolved byte range, inclusive at both ends. */
export interface ByteRange {
  /** First byte offset. */
  start: number;
  /** Last byte offset (inclusive). */
  end: number;
}

const SINGLE = /^bytes=(\d*)-(\d*)$/;

/**
 * Resolves a `Range` header against an object of `size` bytes, as S3 does for GetObject.
 *
 * - `bytes=a-b`, `bytes=a-`, `bytes=-n` are honoured; an end past the object is clamped.
 * - Anything S3 ignores gives `undefined` (whole object, 200): other units, syntax errors, `a > b`,
 *   and multiple ranges (`bytes=0-1,5-6`; S3 does not support multipart/byteranges and answers 200).
 *
 * @throws S3MockError `InvalidRange` (416, fields `ActualObjectSize`, `RangeRequested`) when the range
 * starts at or past the end, is a zero-length suffix, or the object is empty.
 */
export function resolveRange(header: string, size: number): ByteRange | undefined {
  const m = SINGLE.exec(header.trim());
  if (!m) return undefined;
  const [, first = '', last = ''] = m;
  const unsatisfiable = (): S3MockError =>
    new S3MockError('InvalidRange', { ActualObjectSize: size, RangeRequested: header });
  if (first === '') {
    if (last === '') return undefined;
    const n = Number(last);
    if (n === 0 || size === 0) throw unsatisfiable();
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= size) throw unsatisfiable();
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { start, end };
}

/**
 * Parses `x-amz-copy-source-range` (`bytes=first-last`, both required) against a source of `size` bytes.
 * @throws S3MockError `InvalidArgument` when malformed or outside the source object
 */
export function resolveCopySourceRange(header: string, size: number): ByteRange {
  const m = /^bytes=(\d+)-(\d+)$/.exec(header.trim());
  if (!m) {
    throw new S3MockError(
      'InvalidArgument',
      { ArgumentName: 'x-amz-copy-source-range', ArgumentValue: header },
      'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
    );
  }
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (start > end || end >= size) {
    throw new S3MockError(
      'InvalidArgument',
      { ArgumentName: 'x-amz-copy-source-range', ArgumentValue: header },
      `Range specified is not valid for source object of size: ${size}`,
    );
  }
  return { start, end };
}
