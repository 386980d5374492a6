import { S3kitError } from '@s3kit/primitives';

const BRAND = Symbol.for('@s3kit/s3-mock/error');

/** HTTP status and S3's default message text for one error code. */
export interface S3ErrorSpec {
  /** HTTP status S3 answers with. */
  readonly status: number;
  /** S3's usual `<Message>` text. */
  readonly message: string;
}

/**
 * Every S3 error code the engine can raise, with S3's HTTP status and message text, as data.
 * The protocol layer renders these into `<Error>` XML (304 `NotModified` has no body).
 */
export const ERRORS = {
  AccessControlListNotSupported: { status: 400, message: 'The bucket does not allow ACLs' },
  AccessDenied: { status: 403, message: 'Access Denied' },
  BadDigest: { status: 400, message: 'The Content-MD5 you specified did not match what we received.' },
  BadRequest: { status: 400, message: 'Bad Request' },
  BucketAlreadyExists: {
    status: 409,
    message:
      'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
  },
  BucketAlreadyOwnedByYou: {
    status: 409,
    message: 'Your previous request to create the named bucket succeeded and you already own it.',
  },
  BucketNotEmpty: { status: 409, message: 'The bucket you tried to delete is not empty' },
  EntityTooLarge: { status: 400, message: 'Your proposed upload exceeds the maximum allowed size' },
  EntityTooSmall: { status: 400, message: 'Your proposed upload is smaller than the minimum allowed object size.' },
  InsufficientStorage: { status: 507, message: 's3-mock has no room for this request (see its maxStoredBytes option)' },
  InvalidAccessKeyId: { status: 403, message: 'The AWS Access Key Id you provided does not exist in our records.' },
  InvalidArgument: { status: 400, message: 'Invalid Argument' },
  InvalidBucketAclWithObjectOwnership: { status: 400, message: 'Bucket cannot have ACLs set with ObjectOwnership\'s BucketOwnerEnforced setting' },
  InvalidEncryptionAlgorithmError: { status: 400, message: 'The encryption request you specified is not valid. The valid value is AES256.' },
  InvalidBucketState: { status: 409, message: 'The request is not valid with the current state of the bucket.' },
  InvalidRetentionPeriod: { status: 400, message: 'Default retention period must be a positive integer value.' },
  InvalidBucketName: { status: 400, message: 'The specified bucket is not valid.' },
  InvalidDigest: { status: 400, message: 'The Content-MD5 you specified was invalid.' },
  InvalidObjectState: { status: 403, message: 'The operation is not valid for the object\'s storage class' },
  InvalidPart: {
    status: 400,
    message:
      "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
  },
  InvalidPartNumber: { status: 416, message: 'The requested partnumber is not satisfiable' },
  InvalidPartOrder: {
    status: 400,
    message: 'The list of parts was not in ascending order. The parts list must be specified in order by part number.',
  },
  InvalidRange: { status: 416, message: 'The requested range is not satisfiable' },
  InvalidRequest: { status: 400, message: 'Invalid Request' },
  InvalidStorageClass: { status: 400, message: 'The storage class you specified is not valid' },
  InvalidTag: { status: 400, message: 'The tag provided was not a valid tag.' },
  KeyTooLongError: { status: 400, message: 'Your key is too long' },
  MalformedPolicy: { status: 400, message: 'Policies must be valid JSON and the first byte must be \'{\'' },
  MalformedXML: {
    status: 400,
    message: 'The XML you provided was not well-formed or did not validate against our published schema',
  },
  MissingSecurityHeader: { status: 400, message: 'Your request was missing a required header' },
  MetadataTooLarge: { status: 400, message: 'Your metadata headers exceed the maximum allowed metadata size' },
  NoSuchBucket: { status: 404, message: 'The specified bucket does not exist' },
  ServerSideEncryptionConfigurationNotFoundError: { status: 404, message: 'The server side encryption configuration was not found' },
  ObjectLockConfigurationNotFoundError: { status: 404, message: 'Object Lock configuration does not exist for this bucket' },
  NoSuchObjectLockConfiguration: { status: 404, message: 'The specified object does not have a ObjectLock configuration' },
  NoSuchCORSConfiguration: { status: 404, message: 'The CORS configuration does not exist' },
  NoSuchLifecycleConfiguration: { status: 404, message: 'The lifecycle configuration does not exist' },
  NoSuchWebsiteConfiguration: { status: 404, message: 'The specified bucket does not have a website configuration' },
  InvalidTargetBucketForLogging: { status: 400, message: 'The target bucket for logging does not exist' },
  NoSuchBucketPolicy: { status: 404, message: 'The bucket policy does not exist' },
  NoSuchPublicAccessBlockConfiguration: { status: 404, message: 'The public access block configuration was not found' },
  OwnershipControlsNotFoundError: { status: 404, message: 'The bucket ownership controls were not found' },
  NoSuchKey: { status: 404, message: 'The specified key does not exist.' },
  NoSuchTagSet: { status: 404, message: 'The TagSet does not exist' },
  NoSuchVersion: { status: 404, message: 'The specified version does not exist.' },
  MethodNotAllowed: { status: 405, message: 'The specified method is not allowed against this resource.' },
  NoSuchUpload: {
    status: 404,
    message:
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
  },
  NotImplemented: { status: 501, message: 'A header you provided implies functionality that is not implemented' },
  NotModified: { status: 304, message: 'Not Modified' },
  UnresolvableGrantByEmailAddress: { status: 400, message: 'The e-mail address you provided does not match any account on record.' },
  RequestTimeTooSkewed: { status: 403, message: 'The difference between the request time and the current time is too large.' },
  SignatureDoesNotMatch: { status: 403, message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.' },
  PreconditionFailed: { status: 412, message: 'At least one of the pre-conditions you specified did not hold' },
} as const satisfies Record<string, S3ErrorSpec>;

/** An S3 error code the engine raises (a key of {@link ERRORS}). */
export type S3ErrorCode = keyof typeof ERRORS;

/**
 * Extra `<Error>` members S3 adds for some codes (`BucketName`, `Key`, `ActualObjectSize`, `Condition`,
 * `UploadId`, `ArgumentName`, `ArgumentValue`, ...), plus for `NotModified` the `ETag`/`LastModified`
 * the protocol layer should send as headers. Values are strings or numbers, rendered as text.
 */
export type S3ErrorFields = Readonly<Record<string, string | number>>;

/** The version an error is about. */
export interface ErrorVersion {
  /** Its version id. */
  readonly VersionId: string;
  /** Whether it is a delete marker. */
  readonly DeleteMarker: boolean;
}

/**
 * The one error the engine throws: an S3 error code kept verbatim, its HTTP status, S3's message
 * text and the extra `<Error>` fields.
 *
 * @example
 * ```ts
 * try { engine.getObject({ Bucket: 'b', Key: 'k' }); }
 * catch (err) { if (isS3MockError(err) && err.code === 'NoSuchKey') console.log(err.status, err.fields); }
 * ```
 */
export class S3MockError extends S3kitError {
  override readonly name = 'S3MockError' as const;
  /** S3's error code, verbatim (`NoSuchKey`). */
  declare readonly code: S3ErrorCode;
  /** HTTP status code to answer with. */
  readonly status: number;
  /** Extra `<Error>` members (`Key`, `BucketName`, `ActualObjectSize`, `Condition`, ...). */
  readonly fields: S3ErrorFields;
  /** The version the error is about, when S3 names it in headers (`x-amz-version-id`, `x-amz-delete-marker`). */
  readonly version: ErrorVersion | undefined;

  /**
   * @param code - S3 error code; status and default message come from {@link ERRORS}.
   * @param fields - extra `<Error>` members.
   * @param message - overrides the default message (S3 varies it for `InvalidArgument`, `InvalidRequest`, `InvalidTag`...).
   * @param version - the version it is about (a delete marker read, a version that does not allow the method).
   */
  constructor(code: S3ErrorCode, fields: S3ErrorFields = {}, message?: string, version?: ErrorVersion) {
    const spec: S3ErrorSpec = ERRORS[code];
    super(message ?? spec.message, { code, details: { status: spec.status, ...fields } });
    this.status = spec.status;
    this.fields = fields;
    this.version = version;
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }
}

/** Whether `value` is an {@link S3MockError} (from any installed copy of this package). */
export function isS3MockError(value: unknown): value is S3MockError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
