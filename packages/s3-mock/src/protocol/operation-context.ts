/** What an operation handler receives and returns. */
import type { HttpRequest } from '@s3kit/primitives';
import type { VerifiedRequest } from '@s3kit/sigv4';
import type { AccessRequest } from '../engine/access.js';
import type { Account, Requester } from '../engine/account.js';
import type { S3Engine } from '../engine/engine.js';
import type { ObjectChecksum } from '../engine/records.js';
import type { ReadBody } from './request-body.js';
import { checksumElement, checksumHeader } from './request-checksum.js';
import type { Route } from './route.js';
import { el } from './xml-writer.js';
import { S3ProtocolError } from './protocol-error.js';

/** A complete response: status, lower-case headers and the whole body. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The request as an operation handler sees it. */
export interface OperationContext {
  request: HttpRequest;
  route: Route;
  engine: S3Engine;
  /** The verified signature, `undefined` with auth `none`. */
  verified: VerifiedRequest | undefined;
  /** Who sent the request: passed to every engine call. */
  requester: Requester;
  /** Lower-case request headers. */
  headers: Readonly<Record<string, string>>;
  /** The bucket (routes below the service level always have one). */
  bucket: string;
  /** The key (object-level routes always have one). */
  key: string;
  /** Reads, decodes and checks the body (once). */
  body(): Promise<ReadBody>;
  /** First value of a query parameter. */
  query(name: string): string | undefined;
  /** The secret and account of an access key the mock accepts (for requests signed in their body: browser POST). */
  keys(accessKeyId: string): { secretAccessKey: string; account: Account } | undefined;
  /** Whether SigV2 signatures are accepted (`sigV2` option). */
  sigV2: boolean;
  /** The handler clock's time, in ms. */
  now(): number;
  /** An access request for another target of this request (a copy source, one key of DeleteObjects), with its condition keys. */
  context(operation: string, target: { Bucket: string; Key?: string; VersionId?: string }): AccessRequest;
}

/** An operation implementation. */
export type OperationHandler = (ctx: OperationContext) => Promise<Reply> | Reply;

const encoder = new TextEncoder();
const EMPTY = new Uint8Array(0);

/** A reply with an XML body. */
export function xmlReply(xml: string, headers: Record<string, string> = {}, status = 200): Reply {
  const body = encoder.encode(xml);
  return { status, headers: { 'content-type': 'application/xml', ...headers }, body };
}

/** A reply without a body. */
export function emptyReply(status = 200, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: EMPTY };
}

/** The `x-amz-version-id` header, when there is a version id to show. */
export function versionHeader(versionId: string | undefined): Record<string, string> {
  return versionId === undefined ? {} : { 'x-amz-version-id': versionId };
}

/** `x-amz-checksum-*` and `x-amz-checksum-type` headers for a checksum. */
export function checksumHeaders(checksum: ObjectChecksum | undefined): Record<string, string> {
  if (!checksum) return {};
  return { [checksumHeader(checksum.algorithm)]: checksum.value, 'x-amz-checksum-type': checksum.type };
}

/** `<ChecksumX>` and `<ChecksumType>` elements for a checksum. */
export function checksumElements(checksum: ObjectChecksum | undefined, withType = true): string {
  if (!checksum) return '';
  return el(checksumElement(checksum.algorithm), checksum.value) + (withType ? el('ChecksumType', checksum.type) : '');
}

/** Requires an XML body to be present and small. @throws S3ProtocolError `MissingRequestBodyError`-like `MalformedXML` */
export async function xmlBody(ctx: OperationContext, maxBytes = 2 * 1024 * 1024): Promise<string> {
  const { bytes } = await ctx.body();
  if (bytes.byteLength === 0 || bytes.byteLength > maxBytes) throw S3ProtocolError.of('MalformedXML');
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
