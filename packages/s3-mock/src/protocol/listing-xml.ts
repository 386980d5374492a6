/** XML pieces shared by the listings: `encoding-type=url`, `<Owner>`, `<CommonPrefixes>`. */
import type { Owner } from '../engine/account.js';
import type { OperationContext } from './operation-context.js';
import { S3ProtocolError } from './protocol-error.js';
import { el, group, urlEncodeKey } from './xml-writer.js';

/** A key encoder for the request's `encoding-type` (only `url` exists). @throws S3ProtocolError `InvalidArgument` */
export function keyEncoding(ctx: OperationContext): (v: string | undefined) => string | undefined {
  const type = ctx.query('encoding-type');
  if (type === undefined) return (v) => v;
  if (type !== 'url') {
    throw S3ProtocolError.of('InvalidArgument', { ArgumentName: 'encoding-type', ArgumentValue: type.slice(0, 64) }, 'Invalid Encoding Method specified in Request');
  }
  return (v) => (v === undefined ? undefined : urlEncodeKey(v));
}

/** `<name><ID/><DisplayName/></name>`, or nothing without an owner. */
export const ownerXml = (name: string, o: Owner | undefined): string => (o ? group(name, el('ID', o.ID), el('DisplayName', o.DisplayName)) : '');

/** `<CommonPrefixes><Prefix/></CommonPrefixes>` per prefix. */
export const commonPrefixesXml = (list: readonly string[], enc: (v: string) => string | undefined): string[] =>
  list.map((p) => group('CommonPrefixes', el('Prefix', enc(p))));
