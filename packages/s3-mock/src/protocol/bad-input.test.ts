import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createS3Mock } from '../mock/create-s3-mock.js';
import { createTestClient } from '../mock/test-client.js';

const code = (text: string): string | undefined => /<Code>([^<]+)<\/Code>/.exec(text)?.[1];

/** Sends a bad request and asserts the S3 error, and that the state did not move. */
function setup() {
  const mock = createS3Mock({ minPartSize: 1, seed: { buckets: { bkt: { objects: { existing: 'v' } } } } });
  const client = createTestClient(mock);
  return {
    mock,
    ...client,
    async rejects(status: number, errorCode: string, run: () => Promise<{ status: number; text: string }>): Promise<void> {
      const before = mock.snapshot();
      const res = await run();
      expect({ status: res.status, code: code(res.text) }).toEqual({ status, code: errorCode });
      expect(mock.snapshot()).toEqual(before);
    },
  };
}

describe('bad input: S3 error codes, no crash, state unchanged', () => {
  it('malformed XML bodies', async () => {
    const t = setup();
    const init = await t.send('POST', '/bkt/mp', { query: { uploads: '' } });
    const uploadId = /<UploadId>([^<]+)</.exec(init.text)![1]!;
    await t.send('PUT', '/bkt/mp', { query: { uploadId, partNumber: '1' }, body: 'part' });
    const bodies = ['<Delete><Object><Key>a</Key></Obj', 'not xml at all', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><Delete><Object><Key>&e;</Key></Object></Delete>', ''];
    for (const body of bodies) {
      const md5 = createHash('md5').update(body).digest('base64');
      await t.rejects(400, 'MalformedXML', () => t.send('POST', '/bkt', { query: { delete: '' }, body, headers: { 'content-md5': md5 } }));
    }
    await t.rejects(400, 'MalformedXML', () => t.send('POST', '/bkt/mp', { query: { uploadId }, body: '<CompleteMultipartUpload><Part><PartNumber>x</Part>' }));
    await t.rejects(400, 'MalformedXML', () => t.send('PUT', '/bkt/existing', { query: { tagging: '' }, body: '<Tagging><TagSet><Tag><Key>a</Key>' }));
    await t.rejects(400, 'MalformedXML', () => t.send('PUT', '/newbucket', { body: '<Nope/>' }));
  });

  it('invalid part numbers', async () => {
    const t = setup();
    const init = await t.send('POST', '/bkt/mp', { query: { uploads: '' } });
    const uploadId = /<UploadId>([^<]+)</.exec(init.text)![1]!;
    for (const n of ['0', '10001', '-1', '1.5', 'abc', '']) {
      await t.rejects(400, 'InvalidArgument', () => t.send('PUT', '/bkt/mp', { query: { uploadId, partNumber: n }, body: 'x' }));
    }
    await t.rejects(400, 'InvalidArgument', () => t.send('GET', '/bkt/existing', { query: { partNumber: '0' } }));
  });

  it('keys over 1024 bytes (UTF-8 bytes, not characters) and invalid UTF-8 in keys', async () => {
    const t = setup();
    await t.rejects(400, 'KeyTooLongError', () => t.send('PUT', `/bkt/${'k'.repeat(1025)}`, { body: 'x' }));
    await t.rejects(400, 'KeyTooLongError', () => t.send('PUT', `/bkt/${encodeURIComponent('é'.repeat(513))}`, { body: 'x' }));
    expect((await t.send('PUT', `/bkt/${encodeURIComponent('é'.repeat(512))}`, { body: 'x' })).status).toBe(200);
    await t.rejects(400, 'InvalidURI', () => t.send('PUT', '/bkt/%FF%FE', { body: 'x' }));
    await t.rejects(400, 'InvalidURI', () => t.send('GET', '/bkt/%C3'));
  });

  it('oversized request headers: 400 RequestHeaderSectionTooLarge', async () => {
    const t = setup();
    const headers: Record<string, string> = {};
    for (let i = 0; i < 10; i++) headers[`x-custom-${i}`] = 'h'.repeat(1000);
    await t.rejects(400, 'RequestHeaderSectionTooLarge', () => t.send('PUT', '/bkt/big-headers', { body: 'x', headers }));
    await t.rejects(400, 'MetadataTooLarge', () => t.send('PUT', '/bkt/big-meta', { body: 'x', headers: { 'x-amz-meta-a': 'm'.repeat(2049) } }));
  });

  it('bodies shorter or longer than Content-Length over a real socket', async () => {
    const t = setup();
    const server = await t.mock.start();
    const raw = (text: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1', () => {
          socket.end(text); // half-close: a short body never completes
        });
        let out = '';
        socket.setEncoding('utf8');
        socket.on('data', (d: string) => (out += d));
        socket.on('end', () => {
          resolve(out);
        });
        socket.on('error', reject);
      });
    try {
      const before = t.mock.snapshot();
      const signedShort = await t.signer('us-east-1').sign({ method: 'PUT', protocol: 'http:', hostname: '127.0.0.1', port: server.port, path: '/bkt/short', headers: {}, body: 'x'.repeat(10) });
      const head = (h: Record<string, string>, length: number): string =>
        `PUT /bkt/k HTTP/1.1\r\n${Object.entries({ ...h, 'content-length': String(length), connection: 'close' }).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
      const short = await raw(head(signedShort.headers, 10).replace('/bkt/k', '/bkt/short') + 'x'.repeat(5));
      expect(short).toMatch(/^HTTP\/1\.1 400 [\s\S]*<Code>IncompleteBody<\/Code>/);
      const signedLong = await t.signer('us-east-1').sign({ method: 'PUT', protocol: 'http:', hostname: '127.0.0.1', port: server.port, path: '/bkt/long', headers: {}, body: 'abcdef' });
      const long = await raw(head(signedLong.headers, 3).replace('/bkt/k', '/bkt/long') + 'abcdef');
      // The first 3 bytes are the body (their hash is not the signed one), the rest is no request.
      expect(long).toMatch(/^HTTP\/1\.1 400 [\s\S]*<Code>(XAmzContentSHA256Mismatch|BadRequest)<\/Code>/);
      const huge = await raw(`GET /bkt/existing HTTP/1.1\r\nhost: x\r\nx-big: ${'h'.repeat(70_000)}\r\n\r\n`);
      expect(huge).toMatch(/^HTTP\/1\.1 400 [\s\S]*<Code>RequestHeaderSectionTooLarge<\/Code>/);
      expect((await fetch(`${server.endpoint}/bkt/existing`)).status).toBe(403); // still serving (unsigned: refused)
      expect(t.mock.snapshot()).toEqual(before);
      expect(t.mock.requests.some((r) => r.status >= 500)).toBe(false);
    } finally {
      await server.stop();
    }
  });
});
