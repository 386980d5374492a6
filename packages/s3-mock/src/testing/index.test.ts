import { describe, expect, it } from 'vitest';
import { createS3Mock } from '../mock/create-s3-mock.js';
import { createTestClient } from '../mock/test-client.js';
import { installS3MockMatchers, s3MockMatchers, useS3Mock } from './index.js';

describe('useS3Mock', () => {
  const s3 = useS3Mock({ seed: { buckets: { fixture: { objects: { k: 'v' } } } }, minPartSize: 1 });
  let previous: unknown;

  it('gives each test a seeded mock and the matchers', async () => {
    previous = s3.mock;
    const { send } = createTestClient(s3.mock);
    expect((await send('GET', '/fixture/k')).text).toBe('v');
    await send('PUT', '/fixture/n', { body: 'x', headers: { 'x-amz-meta-a': '1' } });
    const init = await send('POST', '/fixture/mp', { query: { uploads: '' } });
    expect(s3.mock).toHaveReceived('GetObject', { bucket: 'fixture', key: 'k' });
    expect(s3.mock).toHaveReceived('PutObject', { headers: { 'x-amz-meta-a': '1' } });
    expect(s3.mock).not.toHaveReceived('PutObject', { key: 'k' });
    expect(s3.mock).toHaveReceivedTimes('GetObject', 1);
    expect(s3.mock).toHaveReceivedInOrder(['GetObject', 'CreateMultipartUpload']);
    expect(s3.mock).not.toHaveReceivedInOrder(['CreateMultipartUpload', 'GetObject']);
    expect(s3.mock).not.toHaveNoUploadsInFlight();
    const uploadId = /<UploadId>([^<]+)</.exec(init.text)![1]!;
    await send('DELETE', '/fixture/mp', { query: { uploadId } });
    expect(s3.mock).toHaveNoUploadsInFlight();
  });

  it('is fresh in the next test', () => {
    expect(s3.mock).not.toBe(previous);
    expect(s3.mock.requests).toHaveLength(0);
    expect(s3.mock.engine.listObjectsV2({ Bucket: 'fixture' }).KeyCount).toBe(1);
  });
});

describe('matchers', () => {
  it('explain failures and refuse non-mocks', () => {
    installS3MockMatchers();
    const mock = createS3Mock();
    expect(s3MockMatchers.toHaveReceived(mock, 'GetObject').message()).toContain('(none)');
    expect(s3MockMatchers.toHaveReceivedTimes(mock, 'GetObject', 2).message()).toContain('got 0');
    expect(s3MockMatchers.toHaveReceivedInOrder(mock, ['GetObject']).message()).toContain('in order [GetObject]');
    expect(s3MockMatchers.toHaveNoUploadsInFlight(mock).message()).toContain('found none');
    expect(() => s3MockMatchers.toHaveReceived({}, 'GetObject')).toThrow(TypeError);
  });

});
