/**
 * The policy condition keys of a request, from its headers, query and connection: what a bucket
 * policy's `Condition` block can test. The engine adds the object's existing tags.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html
 */
import type { HttpRequest } from '@s3kit/primitives';
import { isAnonymous } from '../engine/account.js';
import type { Requester } from '../engine/account.js';
import type { ConditionContext } from '../engine/policy-conditions.js';

/** Where a request came from, and how the server in front of the mock answers it. */
export interface ConnectionInfo {
  /** The client's IP address. @default '127.0.0.1' */
  sourceIp?: string;
  /**
   * Answer CORS permissively where no bucket CORS rules apply (a preflight before routing, every
   * origin allowed and every header exposed): the HTTP server's `cors` option. A bucket with CORS
   * rules is answered from its rules, as S3 does.
   * @default false
   */
  permissiveCors?: boolean;
}

/** Request headers that are condition keys under their own name (`s3:x-amz-acl`). */
const HEADER_KEYS = [
  'x-amz-acl',
  'x-amz-grant-read',
  'x-amz-grant-write',
  'x-amz-grant-read-acp',
  'x-amz-grant-write-acp',
  'x-amz-grant-full-control',
  'x-amz-copy-source',
  'x-amz-metadata-directive',
  'x-amz-storage-class',
  'x-amz-server-side-encryption',
  'x-amz-server-side-encryption-aws-kms-key-id',
  'x-amz-server-side-encryption-customer-algorithm',
  'x-amz-object-lock-mode',
  'x-amz-object-lock-retain-until-date',
  'x-amz-object-lock-legal-hold',
  'x-amz-content-sha256',
] as const;

/** Query parameters of listings that are condition keys (`s3:prefix`). */
const QUERY_KEYS = ['prefix', 'delimiter', 'max-keys', 'versionId'] as const;

const first = (v: string | readonly string[] | undefined): string | undefined => (typeof v === 'string' ? v : v?.[0]);

/** The condition keys of `request` sent by `requester` at `now` (ms). */
export function conditionContext(request: HttpRequest, requester: Requester, connection: ConnectionInfo, now: number): ConditionContext {
  const h = request.headers;
  const context: Record<string, string | string[] | undefined> = {
    'aws:SecureTransport': request.protocol === 'https:' ? 'true' : 'false',
    'aws:SourceIp': (connection.sourceIp ?? '127.0.0.1').replace(/^::ffff:/, ''),
    'aws:Referer': h.referer,
    'aws:UserAgent': h['user-agent'],
    'aws:CurrentTime': new Date(now).toISOString(),
    'aws:EpochTime': String(Math.floor(now / 1000)),
    'aws:PrincipalType': isAnonymous(requester) ? 'Anonymous' : 'Account',
    'aws:userid': isAnonymous(requester) ? 'anonymous' : requester.ID,
  };
  for (const name of HEADER_KEYS) context[`s3:${name}`] = h[name];
  for (const name of QUERY_KEYS) context[`s3:${name === 'versionId' ? 'VersionId' : name}`] = first(request.query?.[name]);
  const tagging = h['x-amz-tagging'];
  if (tagging !== undefined) {
    const tags = [...new URLSearchParams(tagging)];
    for (const [k, v] of tags) context[`s3:RequestObjectTag/${k}`] = v;
    context['s3:RequestObjectTagKeys'] = tags.map(([k]) => k);
  }
  return context;
}
