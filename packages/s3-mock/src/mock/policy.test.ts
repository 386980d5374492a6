import { describe, expect, it } from 'vitest';
import { createS3Mock } from './create-s3-mock.js';
import { createTestClient } from './test-client.js';

const MAIN = { ID: 'a'.repeat(64), DisplayName: 'main', AccountId: '111111111111' };
const ALT = { ID: 'b'.repeat(64), DisplayName: 'alt', AccountId: '222222222222' };

function setup() {
  const mock = createS3Mock({
    credentials: [
      { accessKeyId: 'MAIN', secretAccessKey: 'main-secret', account: MAIN },
      { accessKeyId: 'ALT', secretAccessKey: 'alt-secret', account: ALT },
    ],
  });
  const anon = createTestClient(mock).send;
  return {
    main: createTestClient(mock, { accessKeyId: 'MAIN', secretAccessKey: 'main-secret' }).send,
    alt: createTestClient(mock, { accessKeyId: 'ALT', secretAccessKey: 'alt-secret' }).send,
    anon: (method: string, path: string, o: Parameters<typeof anon>[2] = {}) => anon(method, path, { ...o, unsigned: true }),
  };
}

const policy = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const code = (text: string): string | undefined => /<Code>([^<]+)<\/Code>/.exec(text)?.[1];

describe('bucket policies', () => {
  it('stores the text verbatim; a public policy is refused while BlockPublicPolicy is on, then grants anonymous reads', async () => {
    const { main, anon } = setup();
    await main('PUT', '/pol');
    await main('PUT', '/pol/k', { body: 'k' });
    expect(code((await main('GET', '/pol', { query: { policy: '' } })).text)).toBe('NoSuchBucketPolicy');
    const text = policy([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::pol/*' }]);
    expect((await main('PUT', '/pol', { query: { policy: '' }, body: text })).status).toBe(403);
    expect((await main('DELETE', '/pol', { query: { publicAccessBlock: '' } })).status).toBe(204);
    expect((await main('GET', '/pol', { query: { policyStatus: '' } })).text).toContain('<IsPublic>false</IsPublic>');
    expect((await main('PUT', '/pol', { query: { policy: '' }, body: text })).status).toBe(204);
    expect((await main('GET', '/pol', { query: { policy: '' } })).text).toBe(text);
    expect((await main('GET', '/pol', { query: { policyStatus: '' } })).text).toContain('<IsPublic>true</IsPublic>');
    expect((await anon('GET', '/pol/k')).text).toBe('k');
    expect((await anon('GET', '/pol', { query: { 'list-type': '2' } })).status).toBe(403);
    const restrict = '<PublicAccessBlockConfiguration><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>';
    await main('PUT', '/pol', { query: { publicAccessBlock: '' }, body: restrict });
    expect((await anon('GET', '/pol/k')).status).toBe(403);
    expect(code((await main('PUT', '/pol', { query: { policy: '' }, body: '{"Statement": [' })).text)).toBe('MalformedPolicy');
  });

  it('grants another account by its account id; conditions on tags, headers and transport; Deny wins, but never locks the owner out of the policy', async () => {
    const { main, alt } = setup();
    await main('PUT', '/cond');
    await main('PUT', '/cond/open', { body: 'o', headers: { 'x-amz-tagging': 'security=public' } });
    await main('PUT', '/cond/closed', { body: 'c' });
    const text = policy([
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ALT.AccountId}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::cond/*', Condition: { StringEquals: { 's3:ExistingObjectTag/security': 'public' } } },
      { Effect: 'Allow', Principal: { AWS: ALT.AccountId }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::cond/*', Condition: { StringEquals: { 's3:x-amz-server-side-encryption': 'AES256' } } },
      { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::cond', 'arn:aws:s3:::cond/*'], Condition: { StringEquals: { 'aws:UserAgent': 'blocked-agent' } } },
    ]);
    expect((await main('PUT', '/cond', { query: { policy: '' }, body: text })).status).toBe(204);
    expect((await alt('GET', '/cond/open')).text).toBe('o');
    expect((await alt('GET', '/cond/closed')).status).toBe(403);
    expect((await alt('PUT', '/cond/new', { body: 'n' })).status).toBe(403);
    expect((await alt('PUT', '/cond/new', { body: 'n', headers: { 'x-amz-server-side-encryption': 'AES256' } })).status).toBe(200);
    expect((await main('GET', '/cond/open', { headers: { 'user-agent': 'blocked-agent' } })).status).toBe(403);
    expect((await main('DELETE', '/cond', { query: { policy: '' }, headers: { 'user-agent': 'blocked-agent' } })).status).toBe(204);
  });
});
