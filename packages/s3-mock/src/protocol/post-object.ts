/**
 * Browser-form POST uploads (`POST /bucket` with `multipart/form-data`): the form's signature
 * (SigV4, or SigV2 when enabled) and policy are checked, the file is stored as PutObject would store
 * it, and the answer follows `success_action_status` / `success_action_redirect`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html
 */
import { bytesToBase64 } from '@s3kit/primitives';
import { deriveSigningKey, hmacHex } from '@s3kit/sigv4';
import { ANONYMOUS } from '../engine/account.js';
import type { Requester } from '../engine/account.js';
import { S3MockError } from '../engine/errors.js';
import { aclFromHeaders } from './acl-xml.js';
import { parseTaggingXml } from './bucket-handlers.js';
import { encryptionFromHeaders, encryptionHeaders } from './encryption-headers.js';
import { hmac, sameSignature as same } from './hmac.js';
import { parseFormData } from './form-data.js';
import { checkPostPolicy } from './post-policy.js';
import type { FormData } from './form-data.js';
import { compact, contentHeadersFrom, metadataFrom } from './http-headers.js';
import { lockFromHeaders } from './object-lock-handlers.js';
import { versionHeader, xmlReply } from './operation-context.js';
import type { OperationContext, Reply } from './operation-context.js';
import { S3ProtocolError } from './protocol-error.js';
import { resolveRequestChecksum } from './request-checksum.js';
import { el, xmlDocument } from './xml-writer.js';

const signatureMismatch = (): S3MockError => new S3MockError('SignatureDoesNotMatch');

/** Who signed the form: the account of its access key, after checking its signature of the policy. */
function formRequester(ctx: OperationContext, field: (name: string) => string | undefined): Requester {
  const policy = field('policy');
  const v4 = field('x-amz-signature') !== undefined || field('x-amz-algorithm') !== undefined;
  const v2 = field('awsaccesskeyid') !== undefined || field('signature') !== undefined;
  if (policy === undefined) {
    if (v4 || v2) throw S3ProtocolError.of('InvalidArgument', { ArgumentName: 'policy' }, 'Bucket POST must contain a field named \'policy\' when it is signed.');
    return ANONYMOUS;
  }
  let accessKeyId: string | undefined;
  let check: (secret: string) => boolean;
  if (v4) {
    const [id, date, region, service] = (field('x-amz-credential') ?? '').split('/');
    const signature = field('x-amz-signature');
    if (field('x-amz-algorithm') !== 'AWS4-HMAC-SHA256' || !id || !date || !region || !service || signature === undefined) {
      throw S3ProtocolError.of('InvalidArgument', { ArgumentName: 'x-amz-credential' }, 'POST requires x-amz-algorithm, x-amz-credential, x-amz-date and x-amz-signature.');
    }
    accessKeyId = id;
    check = (secret) => same(hmacHex(deriveSigningKey(secret, date, region, service), policy), signature.toLowerCase());
  } else {
    if (!ctx.sigV2) throw S3ProtocolError.of('InvalidRequest', {}, 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.');
    accessKeyId = field('awsaccesskeyid');
    const signature = field('signature');
    if (accessKeyId === undefined) throw S3ProtocolError.of('InvalidArgument', { ArgumentName: 'AWSAccessKeyId' }, "Bucket POST must contain a field named 'AWSAccessKeyId'.");
    if (signature === undefined) throw S3ProtocolError.of('InvalidArgument', { ArgumentName: 'Signature' }, "Bucket POST must contain a field named 'Signature'.");
    check = (secret) => same(bytesToBase64(hmac('sha1', secret, policy)), signature);
  }
  const key = ctx.keys(accessKeyId);
  if (!key) throw new S3MockError('InvalidAccessKeyId', { AWSAccessKeyId: accessKeyId.slice(0, 128) });
  if (!check(key.secretAccessKey)) throw signatureMismatch();
  return key.account;
}

/** The form's fields that S3 reads like the headers of a PutObject. */
function headerLike(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, { value }] of form.fields) out[name] = value;
  return out;
}

/** The POST Object handler. */
export async function postObject(ctx: OperationContext): Promise<Reply> {
  const { bytes } = await ctx.body();
  const form = parseFormData(ctx.headers['content-type'] ?? '', bytes);
  const field = (name: string): string | undefined => form.fields.get(name)?.value;
  if (!form.file) throw S3ProtocolError.of('InvalidArgument', { ArgumentName: 'file' }, 'POST requires exactly one file upload per request.');
  const keyField = field('key');
  if (keyField === undefined) throw S3ProtocolError.of('InvalidArgument', { ArgumentName: 'key' }, "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.");
  const requester = formRequester(ctx, field);
  // The policy sees the key as stored: with ${filename} replaced by the file's name.
  const Key = keyField.replace(/\$\{filename\}/g, form.file.filename ?? '');
  form.fields.set('key', { name: form.fields.get('key')!.name, value: Key });
  const policy = field('policy');
  if (policy !== undefined) checkPostPolicy(policy, ctx.bucket, form, form.file.bytes.byteLength, ctx.now());
  ctx.engine.authorize(ctx.context('PutObject', { Bucket: ctx.bucket, Key }), requester);
  const h = headerLike(form);
  const tagging = field('tagging');
  const out = ctx.engine.putObject(
    compact({
      Bucket: ctx.bucket,
      Key,
      Body: form.file.bytes,
      ...contentHeadersFrom(h),
      Metadata: metadataFrom(h),
      StorageClass: h['x-amz-storage-class'],
      Tagging: tagging === undefined ? undefined : parseTaggingXml(tagging),
      ...aclFromHeaders(h),
      ...encryptionFromHeaders(h),
      ...lockFromHeaders(h),
      Checksum: resolveRequestChecksum(h, {}, form.file.bytes),
    }),
    requester,
  );
  const r = ctx.request;
  const host = r.headers.host ?? r.hostname;
  const location = `${r.protocol}//${host}/${ctx.route.virtualHost ? '' : `${ctx.bucket}/`}${Key.split('/').map(encodeURIComponent).join('/')}`;
  const headers = { etag: out.ETag, location, ...versionHeader(out.VersionId), ...encryptionHeaders(out) };
  const redirect = field('success_action_redirect') ?? field('redirect');
  if (redirect !== undefined) {
    const target = new URL(redirect);
    target.searchParams.set('bucket', ctx.bucket);
    target.searchParams.set('key', Key);
    target.searchParams.set('etag', out.ETag);
    return { status: 303, headers: { ...headers, location: target.toString() }, body: new Uint8Array(0) };
  }
  const status = field('success_action_status');
  if (status === '201') {
    return xmlReply(xmlDocument('PostResponse', [el('Location', location), el('Bucket', ctx.bucket), el('Key', Key), el('ETag', out.ETag)], false), headers, 201);
  }
  return { status: status === '200' ? 200 : 204, headers, body: new Uint8Array(0) };
}
