import { S3kitError, isS3kitError } from '@s3kit/primitives';

/** Code of {@link XmlParseError}. */
export const ERR_XML = 'ERR_XML';

/**
 * An XML document could not be read: malformed markup, an unknown entity, or a refused construct
 * (`<!DOCTYPE>`, which S3 never sends and which is the door to entity-expansion attacks).
 */
export class XmlParseError extends S3kitError {
  override readonly name = 'XmlParseError' as const;
  declare readonly code: typeof ERR_XML;
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: ERR_XML, cause: options.cause });
  }
}

/** Whether `value` is an {@link XmlParseError} (from any installed copy of this package). */
export function isXmlParseError(value: unknown): value is XmlParseError {
  return isS3kitError(value) && value.name === 'XmlParseError';
}
