import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createS3Mock } from './create-s3-mock.js';
import type { S3MockOptions } from './create-s3-mock.js';
import { createTestClient } from './test-client.js';

const MAIN = { ID: 'a'.repeat(64), DisplayName: 'main', EmailAddress: 'main@example.com' };
const ALT = { ID: 'b'.repeat(64), DisplayName: 'alt', EmailAddress: 'alt@example.com' };

function setup(options: S3MockOptions = {}) {
  const mock = createS3Mock({
    credentials: [
      { accessKeyId: 'MAIN', secretAccessKey: 'main-secret', account: MAIN },
      { accessKeyId: 'ALT', secretAccessKey: 'alt-secret', account: ALT },
    ],
    ...options,
  });
  return {
    mock,
    main: createTestClient(mock, { accessKeyId: 'MAIN', secretAccessKey: 'main-secret' }).send,
    alt: createTestClient(mock, { accessKeyId: 'ALT', secretAccessKey: 'alt-secret' }).send,
    anon: (method: string, path: string, o: Parameters<ReturnType<typeof createTestClient>['send']>[2] = {}) => createTestClient(mock).send(method, path, { ...o, unsigned: true }),
  };
}

const code = (text: string): string | undefined => /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
const permissions = (xml: string): string[] =>
  [...xml.matchAll(/<Grant>.*?(?:<ID>([^<]+)<\/ID>|<URI>([^<]+)<\/URI>).*?<Permission>([^<]+)<\/Permission><\/Grant>/g)].map((m) => `${m[1]?.slice(-9) ?? m[2]?.split('/').pop() ?? ''}:${m[3]}`);

describe('ACLs and ownership (defaults of S3 today: BucketOwnerEnforced, public access blocked)', () => {
  it('new buckets disable ACLs: only the owner has access, and ACLs other than the owner\'s are refused', async () => {
    const { main, alt, anon } = setup();
    expect((await main('PUT', '/enforced')).status).toBe(200);
    expect(permissions((await main('GET', '/enforced', { query: { acl: '' } })).text)).toEqual([`${MAIN.ID.slice(-9)}:FULL_CONTROL`]);
    expect((await main('GET', '/enforced', { query: { ownershipControls: '' } })).text).toContain('<ObjectOwnership>BucketOwnerEnforced</ObjectOwnership>');
    expect((await main('GET', '/enforced', { query: { publicAccessBlock: '' } })).text).toContain('<BlockPublicAcls>true</BlockPublicAcls>');
    const publicAcl = await main('PUT', '/enforced', { query: { acl: '' }, headers: { 'x-amz-acl': 'public-read' } });
    expect([publicAcl.status, code(publicAcl.text)]).toEqual([400, 'AccessControlListNotSupported']);
    expect(code((await main('PUT', '/enforced/k', { body: 'x', headers: { 'x-amz-acl': 'public-read' } })).text)).toBe('AccessControlListNotSupported');
    expect((await main('PUT', '/enforced/k', { body: 'x', headers: { 'x-amz-acl': 'bucket-owner-full-control' } })).status).toBe(200);
    // `private` from the bucket owner's account gives the bucket owner full control: equivalent, accepted.
    expect((await main('PUT', '/enforced/k', { body: 'x', headers: { 'x-amz-acl': 'private' } })).status).toBe(200);
    expect((await main('PUT', '/enforced/k', { body: 'x', headers: { 'x-amz-grant-full-control': `id=${MAIN.ID}` } })).status).toBe(200);
    expect((await alt('GET', '/enforced/k')).status).toBe(403);
    // From another account, `private` names the writer: refused; bucket-owner-full-control is accepted.
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { CanonicalUser: ALT.ID }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::enforced/*' }] };
    expect((await main('PUT', '/enforced', { query: { policy: '' }, body: JSON.stringify(policy) })).status).toBe(204);
    expect(code((await alt('PUT', '/enforced/from-alt', { body: 'x', headers: { 'x-amz-acl': 'private' } })).text)).toBe('AccessControlListNotSupported');
    expect((await alt('PUT', '/enforced/from-alt', { body: 'x', headers: { 'x-amz-acl': 'bucket-owner-full-control' } })).status).toBe(200);
    expect((await anon('GET', '/enforced/k')).status).toBe(403);
    const created = await main('PUT', '/enforced-public', { headers: { 'x-amz-acl': 'public-read' } });
    expect(code(created.text)).toBe('InvalidBucketAclWithObjectOwnership');
  });
});

describe('ACLs in effect (legacyBucketDefaults)', () => {
  it('canned ACLs on buckets and objects decide who may list, read and write; the owner grant comes last', async () => {
    const { main, alt, anon } = setup({ legacyBucketDefaults: true });
    expect((await main('PUT', '/pub', { headers: { 'x-amz-acl': 'public-read' } })).status).toBe(200);
    expect(permissions((await main('GET', '/pub', { query: { acl: '' } })).text)).toEqual(['AllUsers:READ', `${MAIN.ID.slice(-9)}:FULL_CONTROL`]);
    await main('PUT', '/pub/open', { body: 'o', headers: { 'x-amz-acl': 'public-read' } });
    await main('PUT', '/pub/closed', { body: 'c' });
    expect((await anon('GET', '/pub/open')).text).toBe('o');
    expect((await anon('GET', '/pub/closed')).status).toBe(403);
    expect((await anon('GET', '/pub', { query: { 'list-type': '2' } })).status).toBe(200);
    // Who may list the bucket learns a key is missing (404); anyone else gets 403.
    expect((await anon('GET', '/pub/missing')).status).toBe(404);
    await main('PUT', '/priv');
    expect((await alt('GET', '/priv/missing')).status).toBe(403);
    expect((await alt('PUT', '/pub/new', { body: 'n' })).status).toBe(403);
    await main('PUT', '/pub', { query: { acl: '' }, headers: { 'x-amz-acl': 'public-read-write' } });
    expect((await alt('PUT', '/pub/new', { body: 'n' })).status).toBe(200);
    // An object another account wrote is theirs: the bucket owner reads it only if granted.
    expect((await main('GET', '/pub/new')).status).toBe(403);
    await alt('PUT', '/pub/new', { body: 'n', headers: { 'x-amz-acl': 'bucket-owner-read' } });
    expect((await main('GET', '/pub/new')).text).toBe('n');
  });

  it('grants by id, e-mail and group, from headers and from an AccessControlPolicy body', async () => {
    const { main, alt } = setup({ legacyBucketDefaults: true });
    await main('PUT', '/grants');
    await main('PUT', '/grants/k', { body: 'k' });
    expect((await main('PUT', '/grants/k', { query: { acl: '' }, headers: { 'x-amz-grant-read': `emailAddress="${ALT.EmailAddress}"` } })).status).toBe(200);
    expect((await alt('GET', '/grants/k')).text).toBe('k');
    const body = `<AccessControlPolicy><Owner><ID>${MAIN.ID}</ID></Owner><AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${ALT.ID}</ID></Grantee><Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>`;
    expect((await main('PUT', '/grants', { query: { acl: '' }, body })).status).toBe(200);
    expect((await alt('GET', '/grants', { query: { 'list-type': '2' } })).status).toBe(200);
    const acl = (await main('GET', '/grants', { query: { acl: '' } })).text;
    expect(acl).toContain(`xsi:type="CanonicalUser"><ID>${ALT.ID}</ID><DisplayName>alt</DisplayName>`);
    expect(code((await main('PUT', '/grants', { query: { acl: '' }, headers: { 'x-amz-grant-read': 'emailAddress="nobody@example.com"' } })).text)).toBe('UnresolvableGrantByEmailAddress');
    expect(code((await main('PUT', '/grants', { query: { acl: '' }, headers: { 'x-amz-grant-read': 'id="unknown"' } })).text)).toBe('InvalidArgument');
    expect(code((await main('PUT', '/grants', { query: { acl: '' }, headers: { 'x-amz-acl': 'private', 'x-amz-grant-read': `id="${ALT.ID}"` } })).text)).toBe('InvalidRequest');
    expect(code((await main('PUT', '/grants', { query: { acl: '' } })).text)).toBe('MissingSecurityHeader');
  });

  it('the public access block refuses public ACLs and makes existing ones count for nothing', async () => {
    const { main, anon } = setup({ legacyBucketDefaults: true });
    await main('PUT', '/blk', { headers: { 'x-amz-acl': 'public-read' } });
    await main('PUT', '/blk/k', { body: 'k', headers: { 'x-amz-acl': 'public-read' } });
    expect((await anon('GET', '/blk/k')).status).toBe(200);
    const pab = '<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls></PublicAccessBlockConfiguration>';
    expect((await main('PUT', '/blk', { query: { publicAccessBlock: '' }, body: pab })).status).toBe(200);
    expect((await anon('GET', '/blk/k')).status).toBe(403);
    expect((await main('PUT', '/blk/k2', { body: 'k', headers: { 'x-amz-acl': 'public-read' } })).status).toBe(403);
    expect((await main('DELETE', '/blk', { query: { publicAccessBlock: '' } })).status).toBe(204);
    expect(code((await main('GET', '/blk', { query: { publicAccessBlock: '' } })).text)).toBe('NoSuchPublicAccessBlockConfiguration');
    expect((await anon('GET', '/blk/k')).status).toBe(200);
  });

  it('ownership controls: BucketOwnerPreferred gives the bucket owner what is written with bucket-owner-full-control; expected bucket owner is checked', async () => {
    const { main, alt } = setup({ legacyBucketDefaults: true });
    await main('PUT', '/own', { headers: { 'x-amz-acl': 'public-read-write' } });
    expect(code((await main('GET', '/own', { query: { ownershipControls: '' } })).text)).toBe('OwnershipControlsNotFoundError');
    const preferred = '<OwnershipControls><Rule><ObjectOwnership>BucketOwnerPreferred</ObjectOwnership></Rule></OwnershipControls>';
    expect((await main('PUT', '/own', { query: { ownershipControls: '' }, body: preferred })).status).toBe(200);
    await alt('PUT', '/own/k', { body: 'k', headers: { 'x-amz-acl': 'bucket-owner-full-control' } });
    expect((await main('GET', '/own/k', { query: { acl: '' } })).text).toContain(`<Owner><ID>${MAIN.ID}</ID>`);
    const enforced = '<OwnershipControls><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>';
    expect(code((await main('PUT', '/own', { query: { ownershipControls: '' }, body: enforced })).text)).toBe('InvalidBucketAclWithObjectOwnership');
    expect((await alt('GET', '/own', { query: { 'list-type': '2' }, headers: { 'x-amz-expected-bucket-owner': `${MAIN.ID}x` } })).status).toBe(403);
    expect((await alt('GET', '/own', { query: { 'list-type': '2' }, headers: { 'x-amz-expected-bucket-owner': MAIN.ID } })).status).toBe(200);
  });

  it('DeleteObjects authorizes each key; a copy needs read access to its source', async () => {
    const { main, alt } = setup({ legacyBucketDefaults: true });
    await main('PUT', '/src');
    await main('PUT', '/src/secret', { body: 's' });
    await alt('PUT', '/dst');
    expect((await alt('PUT', '/dst/copy', { headers: { 'x-amz-copy-source': '/src/secret' } })).status).toBe(403);
    await main('PUT', '/src', { query: { acl: '' }, headers: { 'x-amz-grant-write': `id="${ALT.ID}"` } });
    await alt('PUT', '/src/mine', { body: 'm' });
    const body = '<Delete><Object><Key>mine</Key></Object><Object><Key>secret</Key></Object></Delete>';
    const res = await alt('POST', '/src', { query: { delete: '' }, body, headers: { 'content-md5': createHash('md5').update(body).digest('base64') } });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<Deleted><Key>mine</Key></Deleted>');
    // The bucket grants alt WRITE: deleting is allowed for every key (as S3: WRITE lets a grantee delete any object).
    expect(res.text).toContain('<Deleted><Key>secret</Key></Deleted>');
    await main('PUT', '/src', { query: { acl: '' }, headers: { 'x-amz-acl': 'private' } });
    await main('PUT', '/src/again', { body: 'a' });
    const denied = await alt('POST', '/src', { query: { delete: '' }, body: '<Delete><Object><Key>again</Key></Object></Delete>', headers: { 'content-md5': createHash('md5').update('<Delete><Object><Key>again</Key></Object></Delete>').digest('base64') } });
    expect([denied.status, denied.text.includes('<Error><Key>again</Key><Code>AccessDenied</Code>')]).toEqual([200, true]);
  });
});
