/**
 * Streamed uploads on AWS endpoints go aws-chunked with the checksum as a trailer; s3-mock verifies
 * the chunk framing, the chunk and trailer signatures (signed mode) and the trailing checksum.
 */
import { Readable } from 'node:stream';
import { isValidationError } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { checksumBase64 } from '../checksums/checksum.js';
import { mockClient } from '../../test/mock-client.js';

const data = new Uint8Array(200_000).map((_, i) => (i * 31) % 251);
const chunks = (): Readable => Readable.from([data.subarray(0, 70_000), data.subarray(70_000, 140_001), data.subarray(140_001)]);

describe('streaming uploads', () => {
  it.each([
    ['HTTPS: unsigned payload with a trailer', 'https://s3.us-east-1.amazonaws.com', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'],
    ['HTTP: signed chunks and a signed trailer', 'http://s3.us-east-1.amazonaws.com', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER'],
  ])('AWS endpoint, %s, verified by the mock', async (_name, endpoint, payloadMode) => {
    const { client, mock } = mockClient({ endpoint, forcePathStyle: true, requestChecksumCalculation: 'when_supported' });
    await client.createBucket({ Bucket: 'bucket-1' });
    const put = await client.putObject({ Bucket: 'bucket-1', Key: 'stream.bin', Body: chunks(), ContentLength: data.byteLength });
    const sent = mock.requests.at(-1)!;
    expect(sent.status).toBe(200);
    expect(sent.headers).toMatchObject({
      'x-amz-content-sha256': payloadMode,
      'content-encoding': 'aws-chunked',
      'x-amz-trailer': 'x-amz-checksum-crc32',
      'x-amz-decoded-content-length': String(data.byteLength),
    });
    expect(put.ChecksumCRC32).toBe(checksumBase64('CRC32', data));
    const got = await client.getObject({ Bucket: 'bucket-1', Key: 'stream.bin', ChecksumMode: 'ENABLED' });
    expect(got.ChecksumCRC32).toBe(checksumBase64('CRC32', data));
    expect(await got.Body.bytes()).toEqual(data);
  });

  it('sends the algorithm the caller names as the trailer', async () => {
    const { client, mock } = mockClient({ endpoint: 'https://s3.us-east-1.amazonaws.com', forcePathStyle: true });
    await client.createBucket({ Bucket: 'bucket-1' });
    const put = await client.putObject({ Bucket: 'bucket-1', Key: 's', Body: chunks(), ContentLength: data.byteLength, ChecksumAlgorithm: 'SHA256' });
    expect(mock.requests.at(-1)?.headers['x-amz-trailer']).toBe('x-amz-checksum-sha256');
    expect(put.ChecksumSHA256).toBe(checksumBase64('SHA256', data));
  });

  it('refuses a stream of unknown length before sending anything (s3-transfer uploads those in parts)', async () => {
    for (const endpoint of ['https://s3.us-east-1.amazonaws.com', 'http://127.0.0.1:9000']) {
      const { client, mock } = mockClient({ endpoint, forcePathStyle: true });
      const err: unknown = await client.putObject({ Bucket: 'bucket-1', Key: 's', Body: chunks() }).catch((e: unknown) => e);
      expect(isValidationError(err)).toBe(true);
      expect(err).toMatchObject({ details: { field: 'ContentLength' } });
      expect(mock.requests).toHaveLength(0);
    }
  });
});
