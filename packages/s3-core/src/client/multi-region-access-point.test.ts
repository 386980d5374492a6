/**
 * A Multi-Region Access Point ARN as the bucket: requests go to the global endpoint and are signed
 * with SigV4a for every region (`*`), aws-chunked bodies included; s3-mock verifies every signature
 * (its verifier is sigv4's, which checks SigV4a). The mock stands in for the access point: with the
 * base domain `mrap.accesspoint.s3-global.amazonaws.com`, the host `mfzwi23gnjvgw.mrap...` addresses
 * its bucket `mfzwi23gnjvgw`.
 *
 * An access point's endpoint is always HTTPS on AWS, so a streamed body with a checksum goes as
 * `STREAMING-UNSIGNED-PAYLOAD-TRAILER` under a SigV4a seed signature, as with SigV4 over HTTPS; the
 * ECDSA-signed chunk modes are tested in sigv4 and against s3-mock's handler directly.
 */
import { Readable } from 'node:stream';
import { createFakeClock, isValidationError } from '@s3kit/primitives';
import type { HttpMiddleware, HttpRequest } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { checksumBase64 } from '../checksums/checksum.js';
import { GetObject } from '../operations/objects.js';
import { mockClient } from '../../test/mock-client.js';

const MRAP = 'arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap';
const HOST = 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com';
const data = new Uint8Array(150_000).map((_, i) => (i * 13) % 251);

/** A client and mock for the access point, recording what the client sends (signed, before the mock redacts it). */
function setup(mockClock?: ReturnType<typeof createFakeClock>) {
  const sent: HttpRequest[] = [];
  const record: HttpMiddleware = (next) => (request, options) => {
    sent.push(request);
    return next(request, options);
  };
  const { client, mock } = mockClient(
    { endpoint: 'https://s3.us-east-1.amazonaws.com', requestChecksumCalculation: 'when_supported', middleware: [record] },
    { baseDomains: ['mrap.accesspoint.s3-global.amazonaws.com'], ...(mockClock ? { clock: mockClock } : {}) },
  );
  mock.seed({ buckets: { mfzwi23gnjvgw: { objects: {} } } });
  return { client, mock, sent };
}

describe('Multi-Region Access Points', () => {
  it('PutObject and GetObject through the ARN go to the global endpoint, SigV4a-signed for every region, verified by the mock', async () => {
    const { client, mock, sent } = setup();
    await client.putObject({ Bucket: MRAP, Key: 'photos/a.bin', Body: data });
    const put = sent.at(-1)!;
    expect(put).toMatchObject({ protocol: 'https:', hostname: HOST, path: '/photos/a.bin' });
    expect(put.headers.authorization).toMatch(/^AWS4-ECDSA-P256-SHA256 Credential=test\/\d{8}\/s3\/aws4_request, SignedHeaders=[^,]*x-amz-region-set[^,]*, Signature=30[0-9a-f]+$/);
    expect(put.headers['x-amz-region-set']).toBe('*');
    expect(mock.requests.at(-1)).toMatchObject({ operation: 'PutObject', bucket: 'mfzwi23gnjvgw', status: 200 });
    const got = await client.getObject({ Bucket: MRAP, Key: 'photos/a.bin' });
    expect(await got.Body.bytes()).toEqual(data);
    expect(sent.at(-1)!.headers.authorization).toMatch(/^AWS4-ECDSA-P256-SHA256 /);
  });

  it('the mock checks the SigV4a signature: a header changed after signing is refused', async () => {
    const { client } = setup();
    const widen: HttpMiddleware = (next) => (request, options) => next({ ...request, headers: { ...request.headers, 'x-amz-region-set': 'us-east-1' } }, options);
    const { client: tampered, mock } = mockClient(
      { endpoint: 'https://s3.us-east-1.amazonaws.com', middleware: [widen] },
      { baseDomains: ['mrap.accesspoint.s3-global.amazonaws.com'], seed: { buckets: { mfzwi23gnjvgw: {} } } },
    );
    await expect(tampered.putObject({ Bucket: MRAP, Key: 'k', Body: 'x' })).rejects.toMatchObject({ name: 'S3ServiceError', code: 'SignatureDoesNotMatch', statusCode: 403 });
    expect(mock.requests.at(-1)).toMatchObject({ errorCode: 'SignatureDoesNotMatch' });
    await expect(client.putObject({ Bucket: MRAP, Key: 'k', Body: 'x' })).resolves.toBeDefined();
  });

  it('a streamed body goes aws-chunked under a SigV4a seed signature, its trailer checksum verified by the mock', async () => {
    const { client, mock, sent } = setup();
    const body = Readable.from([data.subarray(0, 70_000), data.subarray(70_000)]);
    const put = await client.putObject({ Bucket: MRAP, Key: 'stream.bin', Body: body, ContentLength: data.byteLength });
    expect(sent.at(-1)!.headers).toMatchObject({
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': String(data.byteLength),
      'x-amz-trailer': 'x-amz-checksum-crc32',
      'x-amz-region-set': '*',
    });
    expect(sent.at(-1)!.headers.authorization).toMatch(/^AWS4-ECDSA-P256-SHA256 /);
    expect(mock.requests.at(-1)).toMatchObject({ operation: 'PutObject', status: 200 });
    expect(put.ChecksumCRC32).toBe(checksumBase64('CRC32', data));
    expect(await (await client.getObject({ Bucket: MRAP, Key: 'stream.bin' })).Body.bytes()).toEqual(data);
  });

  it('presigns a GET with SigV4a query parameters that the mock accepts', async () => {
    const { client, mock } = setup();
    await client.putObject({ Bucket: MRAP, Key: 'p.txt', Body: 'presigned' });
    const { url, method } = await client.presign(GetObject, { Bucket: MRAP, Key: 'p.txt' }, { expiresIn: 60 });
    const parsed = new URL(url);
    expect(parsed.hostname).toBe(HOST);
    expect(parsed.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-ECDSA-P256-SHA256');
    expect(parsed.searchParams.get('X-Amz-Region-Set')).toBe('*');
    const response = await mock.transport.send({
      method,
      protocol: 'https:',
      hostname: parsed.hostname,
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      headers: {},
    });
    expect(response.statusCode).toBe(200);
    expect(await response.body.text()).toBe('presigned');
  });

  it('signs at the corrected time after the server answers RequestTimeTooSkewed', async () => {
    const { client, mock } = setup(createFakeClock({ instant: true, start: Date.now() + 20 * 60_000 }));
    const put = await client.putObject({ Bucket: MRAP, Key: 'skew', Body: 'x' });
    expect(mock.requests.map((r) => r.errorCode)).toEqual(['RequestTimeTooSkewed', undefined]);
    expect(put.$metadata.attempts).toBe(2);
  });

  it('refuses before sending: path style, another ARN, a POST form (resolveEndpoint tests the rest of the rules)', async () => {
    const { client, mock } = setup();
    const pathStyle = mockClient({ forcePathStyle: true });
    const refused: [string, () => Promise<unknown>][] = [
      ['forcePathStyle', () => pathStyle.client.putObject({ Bucket: MRAP, Key: 'k', Body: 'x' })],
      ['Bucket', () => client.getObject({ Bucket: 'arn:aws:s3:us-east-1:123456789012:accesspoint/regional', Key: 'k' })],
      ['bucket', () => client.presignPost({ bucket: MRAP, key: 'k' })],
    ];
    for (const [field, call] of refused) {
      const err: unknown = await call().catch((e: unknown) => e);
      expect(isValidationError(err), String(err)).toBe(true);
      expect(err).toMatchObject({ details: { field } });
    }
    expect(mock.requests).toHaveLength(0);
    expect(pathStyle.mock.requests).toHaveLength(0);
  });
});
