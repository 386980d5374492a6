/** ACLs on the wire: `x-amz-acl` and `x-amz-grant-*` headers, and `<AccessControlPolicy>` documents. */
import { CANNED_ACLS } from '../engine/acl.js';
import type { AccessControlPolicy, AclInput, CannedAcl, Grant, Grantee, Permission } from '../engine/acl.js';
import { ownerXml } from './listing-xml.js';
import { S3ProtocolError } from './protocol-error.js';
import { childText, childrenNamed, parseXml } from './xml-reader.js';
import type { XmlNode } from './xml-reader.js';
import { el, group, xmlDocument } from './xml-writer.js';

type Headers = Readonly<Record<string, string>>;

/** `x-amz-grant-*` header names and the permission each grants. */
const GRANT_HEADERS: readonly (readonly [string, Permission])[] = [
  ['x-amz-grant-read', 'READ'],
  ['x-amz-grant-write', 'WRITE'],
  ['x-amz-grant-read-acp', 'READ_ACP'],
  ['x-amz-grant-write-acp', 'WRITE_ACP'],
  ['x-amz-grant-full-control', 'FULL_CONTROL'],
];

function granteeOf(kind: string, value: string): Grantee {
  if (kind === 'id') return { Type: 'CanonicalUser', ID: value };
  if (kind === 'emailaddress') return { Type: 'AmazonCustomerByEmail', EmailAddress: value };
  if (kind === 'uri') return { Type: 'Group', URI: value };
  throw S3ProtocolError.of('InvalidArgument', { ArgumentName: 'x-amz-grant', ArgumentValue: kind.slice(0, 64) }, 'Argument format not recognized');
}

/**
 * The ACL a write's headers ask for.
 * @throws S3ProtocolError `InvalidArgument` (an unknown canned ACL or grantee kind)
 */
export function aclFromHeaders(headers: Headers): AclInput {
  const out: AclInput = {};
  const canned = headers['x-amz-acl'];
  if (canned !== undefined) {
    if (!(CANNED_ACLS as readonly string[]).includes(canned)) throw S3ProtocolError.of('InvalidArgument', { ArgumentName: 'x-amz-acl', ArgumentValue: canned.slice(0, 64) });
    out.ACL = canned as CannedAcl;
  }
  const grants: Grant[] = [];
  for (const [name, Permission] of GRANT_HEADERS) {
    const value = headers[name];
    if (value === undefined) continue;
    for (const m of value.matchAll(/([A-Za-z]+)\s*=\s*"?([^",]*)"?/g)) grants.push({ Grantee: granteeOf(m[1]!.toLowerCase(), m[2]!.trim()), Permission });
  }
  if (grants.length > 0) out.Grants = grants;
  return out;
}

function grantOf(node: XmlNode): Grant {
  const grantee = childrenNamed(node, 'Grantee')[0];
  const permission = childText(node, 'Permission');
  if (!grantee || permission === undefined || !['FULL_CONTROL', 'WRITE', 'WRITE_ACP', 'READ', 'READ_ACP'].includes(permission)) throw S3ProtocolError.of('MalformedACLError');
  const id = childText(grantee, 'ID');
  const uri = childText(grantee, 'URI');
  const email = childText(grantee, 'EmailAddress');
  // The grantee's xsi:type attribute names what its children already say.
  const Grantee: Grantee | undefined =
    id !== undefined ? { Type: 'CanonicalUser', ID: id } : uri !== undefined ? { Type: 'Group', URI: uri } : email !== undefined ? { Type: 'AmazonCustomerByEmail', EmailAddress: email } : undefined;
  if (!Grantee) throw S3ProtocolError.of('MalformedACLError');
  return { Grantee, Permission: permission as Permission };
}

/** Parses an `<AccessControlPolicy>` body. @throws S3ProtocolError `MalformedACLError`, `MalformedXML` */
export function parseAccessControlPolicy(xml: string): { Grants: Grant[] } {
  const root = parseXml(xml);
  if (root.name !== 'AccessControlPolicy') throw S3ProtocolError.of('MalformedACLError');
  const list = childrenNamed(root, 'AccessControlList');
  if (list.length !== 1) throw S3ProtocolError.of('MalformedACLError');
  return { Grants: childrenNamed(list[0]!, 'Grant').map(grantOf) };
}

function granteeXml(g: Grantee): string {
  const open = `<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="${g.Type}">`;
  if (g.Type === 'CanonicalUser') return `${open}${el('ID', g.ID)}${el('DisplayName', g.DisplayName)}</Grantee>`;
  if (g.Type === 'Group') return `${open}${el('URI', g.URI)}</Grantee>`;
  return `${open}${el('EmailAddress', g.EmailAddress)}</Grantee>`;
}

/** An `<AccessControlPolicy>` document. */
export function accessControlPolicyXml(acl: AccessControlPolicy): string {
  return xmlDocument('AccessControlPolicy', [
    ownerXml('Owner', acl.Owner),
    group('AccessControlList', ...acl.Grants.map((g) => group('Grant', granteeXml(g.Grantee), el('Permission', g.Permission)))),
  ]);
}
