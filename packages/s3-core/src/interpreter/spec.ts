/**
 * The declarative shape of an S3 operation. Each operation in `src/operations/` is one value of
 * {@link OperationSpec}; the interpreter (`serialize-request.ts`, `parse-response.ts`) is the only
 * code that turns specs into requests and responses into outputs.
 */

/** Scalar member types. `timestamp` is an HTTP-date in headers and ISO 8601 in XML and queries; `iso8601` is ISO 8601 everywhere. */
export type ScalarType = 'string' | 'integer' | 'boolean' | 'timestamp' | 'iso8601';

/** An XML structure: child element bindings by member name. */
export interface XmlStructureShape {
  readonly type: 'structure';
  readonly members: Readonly<Record<string, XmlField>>;
}

/**
 * An XML list. `flattened` lists repeat their element directly in the parent (`<Contents>` in
 * `ListBucketResult`); wrapped lists have a container element holding `itemName` elements
 * (`<TagSet><Tag/></TagSet>`, `<Buckets><Bucket/></Buckets>`).
 */
export interface XmlListShape {
  readonly type: 'list';
  readonly member: XmlShape;
  readonly flattened: boolean;
  /** Element name of the items of a wrapped list. */
  readonly itemName?: string;
}

/** Any XML shape. */
export type XmlShape = ScalarType | XmlStructureShape | XmlListShape;

/** A member of an XML structure: its shape and, when it differs from the member name, its element name. */
export interface XmlField {
  readonly shape: XmlShape;
  /** Element name. @default the member name */
  readonly name?: string;
}

/** Client-side validation rules, checked before anything is sent (each throws `ValidationError`). */
export type ValidationRule =
  | 'bucketName'
  | 'createBucketName'
  | 'objectKey'
  | 'partNumber'
  | 'metadata'
  | 'objectTagging'
  | 'objectTagSet'
  | 'bucketTagSet'
  | 'deleteObjects'
  | 'nonNegativeInteger'
  | 'uploadId';

/** Where an input member goes. */
export type InputBinding =
  /** The bucket or key label of the path (`/{Bucket}/{Key+}`), or the bucket host label. */
  | { readonly in: 'label'; readonly rule?: ValidationRule; readonly required?: boolean }
  /** A request header. */
  | {
      readonly in: 'header';
      readonly name: string;
      readonly type?: ScalarType | 'tagging' | 'copySource' | 'sseCustomerKey';
      /** For `sseCustomerKey`: the header receiving the key's base64 MD5 unless given. */
      readonly md5Header?: string;
      readonly rule?: ValidationRule;
      readonly required?: boolean;
    }
  /** A map sent as prefixed headers (`x-amz-meta-*`). */
  | { readonly in: 'prefixHeaders'; readonly name: string; readonly rule?: ValidationRule }
  /** A query parameter. */
  | { readonly in: 'query'; readonly name: string; readonly type?: ScalarType; readonly rule?: ValidationRule; readonly required?: boolean }
  /** The raw request body (bytes, text or a stream). */
  | { readonly in: 'body' }
  /** The request body as an XML document whose root element is `root`. */
  | { readonly in: 'xml'; readonly root: string; readonly shape: XmlStructureShape; readonly rule?: ValidationRule; readonly required?: boolean };

/** Where an output member comes from. */
export type OutputBinding =
  | { readonly in: 'header'; readonly name: string; readonly type?: ScalarType }
  | { readonly in: 'prefixHeaders'; readonly name: string }
  | { readonly in: 'status' }
  /** The streaming response body. */
  | { readonly in: 'body' }
  /** A child element of the response document's root. */
  | { readonly in: 'xml'; readonly shape: XmlShape; readonly name?: string; readonly urlEncoded?: boolean }
  /** The whole root element of the response document (`CopyObjectResult`). */
  | { readonly in: 'xmlRoot'; readonly shape: XmlStructureShape };

/** How a list operation pages: tokens copied from output to input until `truncated` is false or a token is absent. */
export interface PaginatorSpec {
  /** Input members receiving the next-page tokens, in the order of {@link PaginatorSpec.outputTokens}. */
  readonly inputTokens: readonly string[];
  /** Output members carrying the next-page tokens. */
  readonly outputTokens: readonly string[];
  /** Output member saying whether there are more pages (absent: the first output token decides). */
  readonly truncated?: string;
  /** Input member limiting the page size. */
  readonly pageSize?: string;
  /** Output member holding the page's items. */
  readonly items: string;
}

/**
 * Checksum behaviour of an operation (the smithy `httpChecksum` / `httpChecksumRequired` traits).
 */
export interface ChecksumSpec {
  /** A checksum (Content-MD5 at least) must be sent: DeleteObjects, Put*Tagging. */
  readonly required?: boolean;
  /** The operation sends a payload checksum when the client's `requestChecksumCalculation` asks (PutObject, UploadPart). */
  readonly requestAlgorithmMember?: string;
  /** Input member enabling response validation (`ChecksumMode`). */
  readonly responseModeMember?: string;
}

/** `encoding-type=url` handling of listing operations. */
export interface UrlEncodingSpec {
  /** Input member of the encoding type (`EncodingType`). */
  readonly member: string;
  /** Output members decoded when the client asked for `url` itself: top-level names, or `List.Member`. */
  readonly fields: readonly string[];
}

/** Input bindings of an operation, one per input member. */
export type InputBindings<I> = { readonly [K in keyof I]-?: InputBinding };
/** Output bindings of an operation, one per output member (except `$metadata`). */
export type OutputBindings<O> = { readonly [K in Exclude<keyof O, '$metadata'>]-?: OutputBinding };

/** One S3 operation as data. `I` and `O` are its input and output types. */
export interface OperationSpec<I = object, O = object> {
  /** AWS operation name, `GetObject`. */
  readonly name: string;
  /** HTTP method. */
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD';
  /** Path template: service (`/`), bucket (`/{Bucket}`) or object (`/{Bucket}/{Key+}`). */
  readonly path: '/' | '/{Bucket}' | '/{Bucket}/{Key+}';
  /** Fixed query parameters (`uploads`, `tagging`, `list-type=2`). */
  readonly query?: Readonly<Record<string, string>>;
  /** Input member bindings. */
  readonly input: InputBindings<I>;
  /** Output member bindings. */
  readonly output: OutputBindings<O>;
  /** Root element of the XML response, when the output has XML members. */
  readonly outputRoot?: string;
  /** S3 may answer 200 with an `<Error>` body (CopyObject, UploadPartCopy, CompleteMultipartUpload). */
  readonly errorIn200?: boolean;
  /** Checksum traits. */
  readonly checksum?: ChecksumSpec;
  /** `encoding-type=url` decoding. */
  readonly urlEncoding?: UrlEncodingSpec;
  /** Pagination. */
  readonly paginator?: PaginatorSpec;
  /** The default Content-Type of an XML request body. @default 'application/xml' */
  readonly contentType?: string;
}

/** What every output carries besides its members. */
export interface ResponseMetadata {
  /** HTTP status code. */
  httpStatusCode: number;
  /** `x-amz-request-id`. */
  requestId: string | undefined;
  /** `x-amz-id-2`. */
  extendedRequestId: string | undefined;
  /** Attempts made (1 without retries). */
  attempts: number;
}

/** Marker type tying a spec to its input and output types. */
export interface Operation<I, O> extends OperationSpec<I, O> {
  /** Phantom: the input type. Never set at run time. */
  readonly __input?: I;
  /** Phantom: the output type. Never set at run time. */
  readonly __output?: O;
}

/** Input type of an {@link Operation}. */
export type InputOf<T> = T extends Operation<infer I, unknown> ? I : never;
/** Output type of an {@link Operation}, with `$metadata`. */
export type OutputOf<T> = T extends Operation<unknown, infer O> ? O & { $metadata: ResponseMetadata } : never;

/**
 * Declares an operation: checks at compile time that every input and output member is bound.
 * @example
 * ```ts
 * export const DeleteBucket = defineOperation<DeleteBucketInput, DeleteBucketOutput>({
 *   name: 'DeleteBucket', method: 'DELETE', path: '/{Bucket}',
 *   input: { Bucket: { in: 'label', rule: 'bucketName', required: true }, ExpectedBucketOwner: { in: 'header', name: 'x-amz-expected-bucket-owner' } },
 *   output: {},
 * });
 * ```
 */
export function defineOperation<I, O>(spec: OperationSpec<I, O>): Operation<I, O> {
  return spec;
}

/** A structure shape. */
export function struct(members: Readonly<Record<string, XmlShape | XmlField>>): XmlStructureShape {
  const out: Record<string, XmlField> = {};
  for (const [name, field] of Object.entries(members)) {
    out[name] = typeof field === 'string' || 'type' in field ? { shape: field } : field;
  }
  return { type: 'structure', members: out };
}

/** A flattened list (items repeat in the parent). */
export function flatList(member: XmlShape): XmlListShape {
  return { type: 'list', member, flattened: true };
}

/** A wrapped list (`<Container><Item/>...</Container>`). */
export function wrappedList(member: XmlShape, itemName: string): XmlListShape {
  return { type: 'list', member, flattened: false, itemName };
}
