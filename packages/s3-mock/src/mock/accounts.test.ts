import { describe, expect, it } from 'vitest';
import { createS3Mock } from './create-s3-mock.js';
import { createTestClient } from './test-client.js';

const ALICE = { ID: 'a'.repeat(64), DisplayName: 'alice' };
const BOB = { ID: 'b'.repeat(64), DisplayName: 'bob' };

function twoAccounts() {
  const mock = createS3Mock({
    credentials: [
      { accessKeyId: 'AKIDALICE', secretAccessKey: 'alice-secret', account: ALICE },
      { accessKeyId: 'AKIDBOB', secretAccessKey: 'bob-secret', account: BOB },
      { accessKeyId: 'AKIDDEFAULT', secretAccessKey: 'default-secret' },
    ],
  });
  return {
    mock,
    alice: createTestClient(mock, { accessKeyId: 'AKIDALICE', secretAccessKey: 'alice-secret' }).send,
    bob: createTestClient(mock, { accessKeyId: 'AKIDBOB', secretAccessKey: 'bob-secret' }).send,
    owner: createTestClient(mock, { accessKeyId: 'AKIDDEFAULT', secretAccessKey: 'default-secret' }).send,
  };
}

describe('access keys mapped to accounts', () => {
  it('buckets and objects belong to the account that created them', async () => {
    const { mock, alice } = twoAccounts();
    expect((await alice('PUT', '/alices')).status).toBe(200);
    expect((await alice('PUT', '/alices/k', { body: 'v' })).status).toBe(200);
    const list = await alice('GET', '/alices', { query: { 'list-type': '2', 'fetch-owner': 'true' } });
    expect(list.text).toContain(`<Owner><ID>${ALICE.ID}</ID><DisplayName>alice</DisplayName></Owner>`);
    expect(mock.engine.listBuckets({}, ALICE).Buckets.map((b) => b.Name)).toEqual(['alices']);
  });

  it('ListBuckets shows only the requester\'s buckets, with the requester as owner', async () => {
    const { alice, bob, owner } = twoAccounts();
    await alice('PUT', '/alices');
    await bob('PUT', '/bobs');
    const bobs = await bob('GET', '/');
    expect(bobs.text).toContain('<Name>bobs</Name>');
    expect(bobs.text).not.toContain('alices');
    expect(bobs.text).toContain(`<Owner><ID>${BOB.ID}</ID><DisplayName>bob</DisplayName></Owner>`);
    // Keys configured without an account act as the engine's owner.
    expect((await owner('GET', '/')).text).toContain('<DisplayName>s3kit-mock</DisplayName>');
  });

  it('another account is refused (no ACL or policy grants it) and cannot take the bucket name', async () => {
    const { alice, bob } = twoAccounts();
    await alice('PUT', '/alices');
    await alice('PUT', '/alices/k', { body: 'v' });
    for (const [method, path] of [['GET', '/alices/k'], ['PUT', '/alices/x'], ['DELETE', '/alices/k'], ['GET', '/alices'], ['DELETE', '/alices']] as const) {
      const res = await bob(method, path, method === 'PUT' ? { body: 'x' } : {});
      expect([method, path, res.status, res.text.includes('<Code>AccessDenied</Code>')]).toEqual([method, path, 403, true]);
    }
    const taken = await bob('PUT', '/alices');
    expect([taken.status, taken.text.includes('BucketAlreadyExists')]).toEqual([409, true]);
    expect((await alice('GET', '/alices/k')).text).toBe('v');
    // A missing bucket is a 404 whoever asks.
    expect((await bob('GET', '/nobody/k')).status).toBe(404);
  });
});
