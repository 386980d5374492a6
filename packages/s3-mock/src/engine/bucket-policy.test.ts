import { describe, expect, it } from 'vitest';
import { isPublicPolicy, parseBucketPolicy } from './bucket-policy.js';
import { evaluatePolicy } from './policy-evaluation.js';
import { ANONYMOUS } from './account.js';
import { expectS3Error } from './test-support/expect-s3-error.js';

const doc = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const alice = { ID: 'a'.repeat(64), DisplayName: 'alice', AccountId: '111122223333' };

describe('bucket policy documents', () => {
  it('refuses what is not a valid policy for the bucket', () => {
    expectS3Error(() => parseBucketPolicy('not json', 'pol'), 'MalformedPolicy');
    expectS3Error(() => parseBucketPolicy(doc([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*' }]), 'pol'), 'MalformedPolicy');
    expectS3Error(() => parseBucketPolicy(doc([{ Effect: 'Allow', NotPrincipal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::pol/*' }]), 'pol'), 'MalformedPolicy');
    expectS3Error(() => parseBucketPolicy(doc([{ Effect: 'Maybe', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::pol' }]), 'pol'), 'MalformedPolicy');
    expectS3Error(() => parseBucketPolicy(doc([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::pol', Condition: { Bogus: { k: 'v' } } }]), 'pol'), 'MalformedPolicy');
    expect(parseBucketPolicy(doc([{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::pol', 'arn:aws:s3:::pol/*'] }]), 'pol').Statement).toHaveLength(1);
  });

  it('is public when an unconditioned Allow names everyone', () => {
    const open = parseBucketPolicy(doc([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::pol' }]), 'pol');
    const narrowed = parseBucketPolicy(doc([{ Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::pol', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/32' } } }]), 'pol');
    const named = parseBucketPolicy(doc([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::pol' }]), 'pol');
    expect([isPublicPolicy(open), isPublicPolicy(narrowed), isPublicPolicy(named)]).toEqual([true, false, false]);
  });

  it('evaluates principal, action, resource and conditions; an explicit Deny wins', () => {
    const policy = parseBucketPolicy(
      doc([
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:Get*', Resource: 'arn:aws:s3:::pol/*' },
        { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::pol/secret/*' },
        { Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::pol', Condition: { StringEquals: { 's3:prefix': 'public/' } } },
      ]),
      'pol',
    );
    const ask = (action: string, resource: string, requester: Parameters<typeof evaluatePolicy>[1]['requester'], context = {}) => evaluatePolicy(policy, { action, resource, requester, context });
    expect(ask('s3:GetObject', 'arn:aws:s3:::pol/k', alice)).toBe('Allow');
    expect(ask('s3:getobject', 'arn:aws:s3:::pol/k', alice)).toBe('Allow');
    expect(ask('s3:GetObject', 'arn:aws:s3:::pol/k', ANONYMOUS)).toBeUndefined();
    expect(ask('s3:GetObject', 'arn:aws:s3:::pol/secret/k', alice)).toBe('Deny');
    expect(ask('s3:ListBucket', 'arn:aws:s3:::pol', ANONYMOUS, { 's3:prefix': 'public/' })).toBe('Allow');
    expect(ask('s3:ListBucket', 'arn:aws:s3:::pol', ANONYMOUS, { 's3:prefix': 'private/' })).toBeUndefined();
    expect(ask('s3:PutObject', 'arn:aws:s3:::pol/k', alice)).toBeUndefined();
  });
});
