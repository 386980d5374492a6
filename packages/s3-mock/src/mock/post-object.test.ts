import { createHmac } from 'node:crypto';
import { createSigner } from '@s3kit/sigv4';
import { describe, expect, it } from 'vitest';
import { createS3Mock } from './create-s3-mock.js';
import { createTestClient, testRequest } from './test-client.js';

const KEYS = { accessKeyId: 'POSTER', secretAccessKey: 'poster-secret' };

async function form(fields: Record<string, string>, file: string, filename?: string) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  data.append('file', new Blob([file], { type: 'text/plain' }), filename ?? 'upload.txt');
  const req = new Request('http://x', { method: 'POST', body: data });
  return { body: new Uint8Array(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}

function setup(sigV2 = false) {
  const mock = createS3Mock({ credentials: [KEYS], sigV2, legacyBucketDefaults: true, seed: { buckets: { forms: {} } } });
  const { deliver, send } = createTestClient(mock, KEYS);
  const post = async (fields: Record<string, string>, file = 'hello', filename?: string) => {
    const { body, contentType } = await form(fields, file, filename);
    return deliver(testRequest('POST', '/forms', { body, headers: { 'content-type': contentType, 'content-length': String(body.byteLength) } }));
  };
  return { mock, post, send };
}

const signer = createSigner({ credentials: KEYS, region: 'us-east-1', service: 's3' });
const code = (text: string): string | undefined => /<Code>([^<]+)<\/Code>/.exec(text)?.[1];

describe('browser-form POST uploads', () => {
  it('stores a SigV4-signed upload, with ${filename}, and answers as success_action_status says', async () => {
    const { post, send } = setup();
    const signed = await signer.presignPost({ bucket: 'forms', keyStartsWith: 'in/', contentLengthRange: [1, 10], successActionStatus: 201, metadata: { who: 'me' } });
    const res = await post(signed.fields, 'hello', 'greeting.txt');
    expect(res.status).toBe(201);
    expect(res.text).toContain('<Key>in/greeting.txt</Key>');
    const got = await send('GET', '/forms/in/greeting.txt');
    expect([got.text, got.headers['x-amz-meta-who']]).toEqual(['hello', 'me']);
    expect(code((await post(signed.fields, 'x'.repeat(11))).text)).toBe('EntityTooLarge');
    expect(code((await post({ ...signed.fields, 'x-amz-signature': '0'.repeat(64) })).text)).toBe('SignatureDoesNotMatch');
    expect(code((await post({ ...signed.fields, extra: 'field' })).text)).toBe('AccessDenied');
  });

  it('SigV2 form signatures only with the sigV2 option; policy errors; anonymous uploads need public write', async () => {
    const expiration = new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const policy = Buffer.from(JSON.stringify({ expiration, conditions: [{ bucket: 'forms' }, ['starts-with', '$key', ''], ['content-length-range', 0, 100]] })).toString('base64');
    const signature = createHmac('sha1', KEYS.secretAccessKey).update(policy).digest('base64');
    const v2 = { key: 'v2.txt', AWSAccessKeyId: KEYS.accessKeyId, policy, signature };
    expect(code((await setup(false).post(v2)).text)).toBe('InvalidRequest');
    const { post, send } = setup(true);
    expect((await post(v2)).status).toBe(204);
    expect((await send('GET', '/forms/v2.txt')).text).toBe('hello');
    expect(code((await post({ ...v2, signature: 'AAAA' })).text)).toBe('SignatureDoesNotMatch');
    expect(code((await post({ ...v2, AWSAccessKeyId: 'NOBODY' })).text)).toBe('InvalidAccessKeyId');
    const { signature: _s, ...unsigned } = v2;
    expect(code((await post(unsigned)).text)).toBe('InvalidArgument');
    const expired = Buffer.from(JSON.stringify({ expiration: '2000-01-01T00:00:00Z', conditions: [] })).toString('base64');
    expect(code((await post({ ...v2, policy: expired, signature: createHmac('sha1', KEYS.secretAccessKey).update(expired).digest('base64') })).text)).toBe('AccessDenied');
    expect(code((await post({ AWSAccessKeyId: KEYS.accessKeyId, policy, signature })).text)).toBe('InvalidArgument');
    expect((await post({ key: 'anon.txt' })).status).toBe(403);
    await send('PUT', '/forms', { query: { acl: '' }, headers: { 'x-amz-acl': 'public-read-write' } });
    const redirected = await post({ key: 'anon.txt', success_action_redirect: 'http://example.com/done' });
    expect([redirected.status, redirected.headers.location]).toEqual([303, expect.stringMatching(/^http:\/\/example\.com\/done\?bucket=forms&key=anon\.txt&etag=/) as string]);
  });
});
