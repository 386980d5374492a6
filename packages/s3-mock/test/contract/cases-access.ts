/** Contract cases: ACLs, object ownership and the public access block on buckets created today. */
import { expect } from 'vitest';
import type { ContractCase } from './contract-case.js';
import { expectError, expectOk } from './contract-case.js';
import { pathOf } from './raw-client.js';
import { xmlBlocks, xmlText } from './xml.js';

export const ACCESS_CASES: readonly ContractCase[] = [
  {
    op: 'GetBucketAcl',
    behaviour: 'a new bucket: the owner has FULL_CONTROL, nobody else anything',
    async run({ c, newBucket }) {
      const b = await newBucket();
      const acl = await c.send('GET', pathOf(b), { query: { acl: '' } });
      expectOk(acl);
      const grants = xmlBlocks(acl.text, 'Grant');
      expect(grants.map((g) => [xmlText(g, 'ID'), xmlText(g, 'Permission')])).toEqual([[xmlText(acl.text, 'ID'), 'FULL_CONTROL']]);
    },
  },
  {
    op: 'GetBucketOwnershipControls',
    behaviour: 'a new bucket has ACLs disabled (BucketOwnerEnforced), as S3 creates buckets since April 2023',
    rgw: { aws: '200 BucketOwnerEnforced', rgw: 'no ownership controls: ?ownershipControls is ignored and the bucket is listed (ListBucketResult)' },
    async run({ c, newBucket, expected }) {
      const res = await c.send('GET', pathOf(await newBucket()), { query: { ownershipControls: '' } });
      expectOk(res);
      expect(xmlText(res.text, 'ObjectOwnership')).toBe(expected('BucketOwnerEnforced', undefined));
    },
  },
  {
    op: 'GetPublicAccessBlock',
    behaviour: 'a new bucket blocks public access (all four settings on)',
    rgw: { aws: '200, every setting true', rgw: '200, every setting false (root element BlockPublicAccessBlockConfiguration)' },
    async run({ c, newBucket, expected }) {
      const res = await c.send('GET', pathOf(await newBucket()), { query: { publicAccessBlock: '' } });
      expectOk(res);
      for (const name of ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets']) expect(xmlText(res.text, name)).toBe(expected('true', 'false'));
    },
  },
  {
    op: 'PutObject',
    behaviour: 'x-amz-acl: public-read on a new bucket: 400 AccessControlListNotSupported',
    rgw: { aws: '400 AccessControlListNotSupported', rgw: '200, ACL applied' },
    async run({ c, newBucket, rgwDiffers }) {
      const res = await c.send('PUT', pathOf(await newBucket(), 'k'), { body: 'x', headers: { 'x-amz-acl': 'public-read' } });
      if (rgwDiffers()) expectOk(res);
      else expectError(res, 400, 'AccessControlListNotSupported');
    },
  },
  {
    op: 'PutObjectAcl',
    behaviour: 'ACLs on (ObjectWriter, no public access block): a public-read object is readable anonymously, a private one is not',
    rgw: { aws: 'PutBucketOwnershipControls ObjectWriter: 200', rgw: '400 InvalidArgument (ownership controls unsupported; ACLs are always on)' },
    async run({ c, newBucket, rgwDiffers }) {
      const b = await newBucket();
      const oc = await c.send('PUT', pathOf(b), { query: { ownershipControls: '' }, body: '<OwnershipControls xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ObjectOwnership>ObjectWriter</ObjectOwnership></Rule></OwnershipControls>' });
      if (rgwDiffers()) expectError(oc, 400, 'InvalidArgument');
      else expectOk(oc);
      const unblocked = await c.send('DELETE', pathOf(b), { query: { publicAccessBlock: '' } });
      expect([200, 204]).toContain(unblocked.status);
      expectOk(await c.send('PUT', pathOf(b, 'open'), { body: 'open' }));
      expectOk(await c.send('PUT', pathOf(b, 'open'), { query: { acl: '' }, headers: { 'x-amz-acl': 'public-read' } }));
      expectOk(await c.send('PUT', pathOf(b, 'closed'), { body: 'closed' }));
      expect((await c.send('GET', pathOf(b, 'open'), { auth: 'none' })).text).toBe('open');
      expectError(await c.send('GET', pathOf(b, 'closed'), { auth: 'none' }), 403, 'AccessDenied');
    },
  },
  {
    op: 'PutBucketPolicy',
    behaviour: 'a policy allowing s3:GetObject to everyone: stored verbatim (204), anonymous GET allowed, list still refused',
    async run({ c, newBucket }) {
      const b = await newBucket();
      const unblocked = await c.send('DELETE', pathOf(b), { query: { publicAccessBlock: '' } });
      expect([200, 204]).toContain(unblocked.status);
      expectOk(await c.send('PUT', pathOf(b, 'k'), { body: 'public' }));
      const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${b}/*` }] });
      expectOk(await c.send('PUT', pathOf(b), { query: { policy: '' }, body: policy }), 204);
      expect(JSON.parse((await c.send('GET', pathOf(b), { query: { policy: '' } })).text)).toEqual(JSON.parse(policy));
      expect((await c.send('GET', pathOf(b, 'k'), { auth: 'none' })).text).toBe('public');
      expectError(await c.send('GET', pathOf(b), { auth: 'none' }), 403, 'AccessDenied');
    },
  },
  {
    op: 'PutBucketPolicy',
    behaviour: 'a resource outside the bucket: 400 MalformedPolicy; none stored: 404 NoSuchBucketPolicy',
    rgw: { aws: '400 MalformedPolicy (Policy has invalid resource)', rgw: '204, the policy is stored' },
    async run({ c, newBucket, rgwDiffers }) {
      const b = await newBucket();
      expectError(await c.send('GET', pathOf(b), { query: { policy: '' } }), 404, 'NoSuchBucketPolicy');
      const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::some-other-bucket/*' }] });
      const res = await c.send('PUT', pathOf(b), { query: { policy: '' }, body: policy });
      if (rgwDiffers()) expectOk(res, 204);
      else expectError(res, 400, 'MalformedPolicy');
    },
  },
];
