import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidationError } from '@s3kit/primitives';
import { createSigner } from './signer.js';
import { createSigningKeyCache, deriveSigningKey } from './signing-key.js';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'TOKEN' };
const signer = createSigner({ credentials, region: 'us-east-1', service: 's3' });
const signingDate = Date.UTC(2015, 11, 29);

describe('presignPost', () => {
  it('builds the policy, its base64 form and the signature over it', async () => {
    const { fields, policy } = await signer.presignPost({
      bucket: 'sigv4examplebucket',
      keyStartsWith: 'user/user1/',
      expiresIn: 3600,
      contentLengthRange: [1, 10_485_760],
      contentTypeStartsWith: 'image/',
      successActionStatus: 201,
      metadata: { UUID: '14365123651274' },
      fields: { acl: 'public-read' },
      conditions: [['starts-with', '$x-amz-meta-tag', '']],
      signingDate,
    });
    expect(policy.expiration).toBe('2015-12-29T01:00:00.000Z');
    expect(policy.conditions).toContainEqual({ bucket: 'sigv4examplebucket' });
    expect(policy.conditions).toContainEqual(['starts-with', '$key', 'user/user1/']);
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 10_485_760]);
    expect(policy.conditions).toContainEqual({ 'x-amz-security-token': 'TOKEN' });
    expect(fields).toMatchObject({
      key: 'user/user1/${filename}',
      acl: 'public-read',
      success_action_status: '201',
      'x-amz-meta-uuid': '14365123651274',
      'x-amz-algorithm': 'AWS4-HMAC-SHA256',
      'x-amz-credential': 'AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request',
      'x-amz-date': '20151229T000000Z',
      'x-amz-security-token': 'TOKEN',
    });
    expect(JSON.parse(Buffer.from(fields.policy!, 'base64').toString('utf8'))).toEqual(policy);
    const key = deriveSigningKey(credentials.secretAccessKey, '20151229', 'us-east-1', 's3');
    expect(fields['x-amz-signature']).toBe(createHmac('sha256', key).update(fields.policy!).digest('hex'));
  });

  it('supports an exact key and content type', async () => {
    const { fields, policy } = await signer.presignPost({ bucket: 'b', key: 'a.txt', contentType: 'text/plain', signingDate });
    expect(fields.key).toBe('a.txt');
    expect(fields['Content-Type']).toBe('text/plain');
    expect(policy.conditions).toContainEqual({ key: 'a.txt' });
    expect(policy.expiration).toBe('2015-12-29T01:00:00.000Z');
  });

  it('rejects bad input naming the field', async () => {
    const cases: [Parameters<typeof signer.presignPost>[0], string][] = [
      [{ bucket: '', key: 'k' }, 'bucket'],
      [{ bucket: 'b' }, 'key'],
      [{ bucket: 'b', key: 'k', keyStartsWith: 'p' }, 'key'],
      [{ bucket: 'b', key: 'k', expiresIn: 0 }, 'expiresIn'],
      [{ bucket: 'b', key: 'k', contentLengthRange: [5, 1] }, 'contentLengthRange'],
    ];
    for (const [options, field] of cases) {
      const err: unknown = await signer.presignPost(options).catch((e: unknown) => e);
      expect(isValidationError(err) && err.field).toBe(field);
    }
  });
});

describe('createSigningKeyCache', () => {
  it('derives once per scope, evicts the least recently used, and keys by a fingerprint', () => {
    const cache = createSigningKeyCache(2);
    const a = { accessKeyId: 'A', secretAccessKey: 's1' };
    const k1 = cache.get(a, '20150830', 'us-east-1', 's3');
    expect(k1).toEqual(deriveSigningKey('s1', '20150830', 'us-east-1', 's3'));
    expect(cache.get(a, '20150830', 'us-east-1', 's3')).toBe(k1);
    cache.get(a, '20150830', 'eu-west-1', 's3');
    expect(cache.get(a, '20150830', 'us-east-1', 's3')).toBe(k1); // from the map, refreshed
    cache.get(a, '20150831', 'us-east-1', 's3'); // evicts eu-west-1
    expect(cache.size).toBe(2);
    // Same id, rotated secret: a different key.
    expect(cache.get({ accessKeyId: 'A', secretAccessKey: 's2' }, '20150830', 'us-east-1', 's3')).not.toEqual(k1);
    cache.clear();
    expect(cache.size).toBe(0);
    const off = createSigningKeyCache(0);
    off.get(a, '20150830', 'us-east-1', 's3');
    expect(off.size).toBe(0);
  });
});

describe('signPostPolicyDocument (a caller-supplied policy, byte for byte)', () => {
  const plain = createSigner({ credentials: { accessKeyId: 'AKIDPOLICY', secretAccessKey: 'policy-secret' }, region: 'eu-west-1', service: 's3' });
  const credential = 'AKIDPOLICY/20310102/eu-west-1/s3/aws4_request';
  const document = `{ "expiration": "2031-01-02T12:00:00Z",\n  "conditions": [ {"bucket": "photos"}, ["starts-with", "$key", "u/"],\n    {"x-amz-algorithm": "AWS4-HMAC-SHA256"}, {"x-amz-credential": "${credential}"}, {"x-amz-date": "20310102T030405Z"} ] }\n`;

  it('keeps the exact bytes (spacing, order) in the policy field and signs that text', async () => {
    const { fields } = await plain.signPostPolicyDocument(document);
    expect(Buffer.from(fields.policy!, 'base64').toString('utf8')).toBe(document);
    const key = deriveSigningKey('policy-secret', '20310102', 'eu-west-1', 's3');
    expect(fields['x-amz-signature']).toBe(createHmac('sha256', key).update(fields.policy!).digest('hex'));
    expect(fields).toMatchObject({ 'x-amz-algorithm': 'AWS4-HMAC-SHA256', 'x-amz-credential': credential, 'x-amz-date': '20310102T030405Z' });
    const fromBytes = await plain.signPostPolicyDocument(new TextEncoder().encode(document));
    expect(fromBytes.fields).toEqual(fields);
  });

  it('refuses a document that is not JSON, lacks a signing condition, or names other credentials', async () => {
    const rejects = async (doc: string, rule: RegExp): Promise<void> => {
      const err: unknown = await plain.signPostPolicyDocument(doc).catch((e: unknown) => e);
      expect(isValidationError(err)).toBe(true);
      expect((err as { rule: string }).rule).toMatch(rule);
    };
    await rejects('{ not json', /JSON document/);
    await rejects('{"conditions": []}', /expiration/);
    await rejects(document.replace('{"x-amz-date": "20310102T030405Z"}', '{"acl": "private"}'), /x-amz-date/);
    await rejects(document.replace('AKIDPOLICY/', 'AKIDOTHER/'), /x-amz-credential/);
    await rejects(document.replace('{"x-amz-algorithm": "AWS4-HMAC-SHA256"}, ', ''), /x-amz-algorithm/);
  });
});
