/**
 * The declarative shape of an S3 operation. Each operation in `src/operations/` is one value of
 * {@link OperationSpec}, generated from AWS's model; the interpreter (`serialize-request.ts`,
 * `parse-response.ts`) is the only code that turns specs into requests and responses into outputs.
 * The vocabulary follows the model's (locations, wire names, payloads, XML traits), so adding an
 * operation needs a spec and, at most, a codec or a rule: never an interpreter change.
 */
import type { Codec } from './codecs.js';
import type { CodecName } from './codecs.js';
import type { RuleName } from './rules.js';

/**
 * Scalar member types. Timestamps: `timestamp` takes the location's default format (an HTTP date in
 * headers, ISO 8601 in query strings and XML); `iso8601`, `http-date` and `epoch-seconds` are
 * explicit formats (the model's `timestampFormat`).
 */
export type ScalarType = 'string' | 'integer' | 'long' | 'float' | 'boolean' | 'blob' | 'timestamp' | 'iso8601' | 'http-date' | 'epoch-seconds';

/** An XML namespace: `xmlns="uri"`, or `xmlns:prefix="uri"` with a prefix. */
export interface XmlNamespace {
  readonly uri: string;
  readonly prefix?: string;
}

/** An XML structure: child element (or attribute) bindings by member name. */
export interface XmlStructureShape {
  readonly type: 'structure';
  readonly members: Readonly<Record<string, XmlField>>;
  /** A namespace the element declares (ACL grantees declare `xsi` for their `xsi:type` attribute). */
  readonly namespace?: XmlNamespace;
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
  /** Element name of the items of a wrapped list. @default 'member' */
  readonly itemName?: string;
}

/** Any XML shape. */
export type XmlShape = ScalarType | XmlStructureShape | XmlListShape;

/** A member of an XML structure: its shape and, when it differs from the member name, its element name. */
export interface XmlField {
  readonly shape: XmlShape;
  /** Element (or attribute) name, with its prefix if any (`xsi:type`). @default the member name */
  readonly name?: string;
  /** Written and read as an attribute of the parent element rather than a child element. */
  readonly attribute?: boolean;
}

/**
 * Generic constraints from the model, checked before sending: string length (characters), number
 * range, list length, and a pattern (a JavaScript regular expression source).
 */
export interface Constraints {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
}

/** A domain rule: a registered name (see `rules.ts`) or your own check, throwing `ValidationError`. */
export type ValidationRule = RuleName | ((value: unknown, member: string) => void);

/** What every input binding may carry besides its location. */
interface InputCommon {
  /** The member must be given. */
  readonly required?: boolean;
  /** A domain rule (bucket names, key bytes, tag limits...). */
  readonly rule?: ValidationRule;
  /** Generic constraints from the model. */
  readonly constraints?: Constraints;
  /** The endpoint parameter this member feeds (the model's `contextParam`): `Bucket` decides the host. */
  readonly endpoint?: string;
}

/** Where an input member goes. */
export type InputBinding =
  /** A label of the URI template (`{Bucket}`, greedy `{Key+}`). */
  | (InputCommon & { readonly in: 'label'; readonly name: string; readonly type?: ScalarType })
  /**
   * A request header; `list` headers join their items with `, `; a `codec` turns a richer value into
   * the header text; `hostLabel` also fills the spec's `hostPrefix`.
   */
  | (InputCommon & {
      readonly in: 'header';
      readonly name: string;
      readonly type?: ScalarType;
      readonly list?: boolean;
      readonly codec?: CodecName | Codec;
      readonly hostLabel?: boolean;
    })
  /** A map sent as prefixed headers (`x-amz-meta-*`). */
  | (InputCommon & { readonly in: 'headers'; readonly prefix: string })
  /** A query parameter (a `list` repeats it). */
  | (InputCommon & { readonly in: 'query'; readonly name: string; readonly type?: ScalarType; readonly list?: boolean; readonly codec?: CodecName | Codec })
  /**
   * The request payload: raw bytes or a stream (`blob`), a string (`text`, e.g. a bucket policy), or
   * an XML document whose root element is `name` (`xml`, in the S3 namespace unless `namespace` says otherwise).
   */
  | (InputCommon & {
      readonly in: 'payload';
      readonly kind: 'blob' | 'text' | 'xml';
      readonly shape?: XmlStructureShape;
      readonly name?: string;
      readonly namespace?: XmlNamespace;
    })
  /** A child element of the request document whose root is the spec's `inputRoot` (SelectObjectContent). */
  | (InputCommon & { readonly in: 'xml'; readonly shape: XmlShape; readonly name?: string });

/** One event of an event stream: its payload member and how that payload reads. */
export interface EventSpec {
  /** Member receiving the payload: `blob` bytes, or an XML document read with `shape`. */
  readonly payload?: { readonly member: string; readonly shape: XmlShape };
}

/** Where an output member comes from. */
export type OutputBinding =
  | { readonly in: 'header'; readonly name: string; readonly type?: ScalarType; readonly list?: boolean; readonly codec?: CodecName | Codec }
  | { readonly in: 'headers'; readonly prefix: string }
  | { readonly in: 'status' }
  /**
   * The response payload: the streamed body (`blob`), its text (`text`), its root element read as a
   * structure (`xml`), or decoded event-stream messages by event type (`event-stream`).
   */
  | {
      readonly in: 'payload';
      readonly kind: 'blob' | 'text' | 'xml' | 'event-stream';
      readonly shape?: XmlStructureShape;
      readonly events?: Readonly<Record<string, EventSpec>>;
    }
  /** A child element of the response document's root (or the root itself, when it is a text element of that name). */
  | { readonly in: 'xml'; readonly shape: XmlShape; readonly name?: string };

/** How a list operation pages (the model's paginators): tokens copied from output to input. */
export interface PaginatorSpec {
  /** Input members receiving the next-page tokens, in the order of {@link PaginatorSpec.outputTokens}. */
  readonly inputTokens: readonly string[];
  /**
   * Output expressions carrying the next-page tokens: a member, a path (`Contents[-1].Key`), or
   * alternatives (`NextMarker || Contents[-1].Key`).
   */
  readonly outputTokens: readonly string[];
  /** Output member saying whether there are more pages (absent: the first output token decides). */
  readonly truncated?: string;
  /** Input member limiting the page size. */
  readonly pageSize?: string;
  /** Output members holding the page's items. */
  readonly items: readonly string[];
}

/** Checksum behaviour of an operation (the model's `httpChecksum` trait). */
export interface ChecksumSpec {
  /** A checksum (Content-MD5 at least) must be sent: DeleteObjects, Put*Tagging, PutBucketAcl... */
  readonly required?: boolean;
  /** The input member naming the algorithm to send (PutObject, UploadPart...). */
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
  /**
   * The model's request URI: a path template with labels (`/{Bucket}/{Key+}`) and fixed query
   * parameters (`?uploads`, `?list-type=2`). The bucket label goes to the host in virtual-hosted style.
   */
  readonly uri: string;
  /** A host prefix with header labels (`{RequestRoute}.`). */
  readonly hostPrefix?: string;
  /** Input member bindings. */
  readonly input: InputBindings<I>;
  /** Output member bindings. */
  readonly output: OutputBindings<O>;
  /** Root element of a request document made of `xml` members (the model's input `locationName`). */
  readonly inputRoot?: { readonly name: string; readonly namespace?: XmlNamespace };
  /** Endpoint parameters the operation sets (the model's `staticContextParams`). */
  readonly endpointContext?: Readonly<Record<string, boolean | string>>;
  /** The payload is sent unsigned (`UNSIGNED-PAYLOAD`). */
  readonly unsignedPayload?: boolean;
  /** S3 may answer 200 with an `<Error>` body (CopyObject, UploadPartCopy, CompleteMultipartUpload). */
  readonly errorIn200?: boolean;
  /** Checksum traits. */
  readonly checksum?: ChecksumSpec;
  /** `encoding-type=url` decoding. */
  readonly urlEncoding?: UrlEncodingSpec;
  /** Pagination. */
  readonly paginator?: PaginatorSpec;
  /** The Content-Type of an XML request body. @default 'application/xml' */
  readonly contentType?: string;
  /** A domain rule across members, run after the member checks (throws `ValidationError`). */
  check?(input: I): void;
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
export type InputOf<T> = T extends Operation<infer I, infer _O> ? I : never;
/** Output type of an {@link Operation}, with `$metadata`. */
export type OutputOf<T> = T extends Operation<infer _I, infer O> ? O & { $metadata: ResponseMetadata } : never;

/**
 * Declares an operation: checks at compile time that every input and output member is bound. Use
 * it for an operation s3kit lacks (a vendor extension), with the binding helpers.
 * @example
 * ```ts
 * import { defineOperation, bucketLabel } from '@s3kit/s3-core';
 * const GetBucketQuota = defineOperation<{ Bucket: string }, { Quota?: number }>({
 *   name: 'GetBucketQuota', method: 'GET', uri: '/{Bucket}?quota',
 *   input: { Bucket: bucketLabel },
 *   output: { Quota: { in: 'xml', shape: 'long' } },
 * });
 * const { Quota } = await client.send(GetBucketQuota, { Bucket: 'photos' });
 * ```
 */
export function defineOperation<I, O>(spec: OperationSpec<I, O>): Operation<I, O> {
  return spec;
}

/** A structure shape from members given as shapes or fields. */
export function struct(members: Readonly<Record<string, XmlShape | XmlField>>, namespace?: XmlNamespace): XmlStructureShape {
  const out: Record<string, XmlField> = {};
  for (const [name, field] of Object.entries(members)) {
    out[name] = typeof field === 'string' || 'type' in field ? { shape: field } : field;
  }
  return namespace === undefined ? { type: 'structure', members: out } : { type: 'structure', members: out, namespace };
}

/** A flattened list (items repeat in the parent). */
export function flatList(member: XmlShape): XmlListShape {
  return { type: 'list', member, flattened: true };
}

/** A wrapped list (`<Container><Item/>...</Container>`). */
export function wrappedList(member: XmlShape, itemName: string): XmlListShape {
  return { type: 'list', member, flattened: false, itemName };
}
