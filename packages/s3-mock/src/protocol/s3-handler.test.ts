import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createS3Engine } from '../engine/engine.js';
import { decodeAwsChunkedLenient } from './request-body.js';
import { toErrorDocument } from './protocol-error.js';
import { createS3Handler, renderErrorXml } from './s3-handler.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

function setup() {
  const engine = createS3Engine({ minPartSize: 1 });
  engine.seed({ buckets: { bkt: { objects: { k: 'v' } } } });
  const handler = createS3Handler({ engine, auth: 'none' });
  const call = async (method: string, path: string, o: { query?: Record<string, string>; headers?: Record<string, string>; body?: string | Uint8Array } = {}) => {
    const r = await handler.handle({ method, protocol: 'http:', hostname: 'localhost', path, query: o.query ?? {}, headers: o.headers ?? {}, ...(o.body === undefined ? {} : { body: o.body }) });
    return { ...r, text: dec.decode(r.body) };
  };
  return { engine, call };
}

describe('createS3Handler edge cases', () => {
  it('decodes unsigned aws-chunked bodies with trailers and strips aws-chunked from Content-Encoding', async () => {
    const { call, engine } = setup();
    const body = '3;chunk-signature=00\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n\r\n';
    const r = await call('PUT', '/bkt/c', {
      body,
      headers: { 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'x-amz-decoded-content-length': '3', 'content-encoding': 'aws-chunked, gzip', 'content-length': String(body.length), 'x-amz-trailer': 'x-amz-checksum-crc32' },
    });
    expect(r.status).toBe(200);
    expect(engine.headObject({ Bucket: 'bkt', Key: 'c' })).toMatchObject({ ContentEncoding: 'gzip', Checksum: { algorithm: 'CRC32', value: 'NSRBwg==' } });
    const wrongLength = await call('PUT', '/bkt/c', { body, headers: { 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'x-amz-decoded-content-length': '4' } });
    expect(wrongLength.errorCode).toBe('IncompleteBody');
  });

  it('refuses malformed aws-chunked framing', () => {
    expect(() => decodeAwsChunkedLenient(enc.encode('zz\r\n'))).toThrow(expect.objectContaining({ code: 'InvalidRequest' }) as Error);
    expect(() => decodeAwsChunkedLenient(enc.encode('5\r\nab'))).toThrow(expect.objectContaining({ code: 'IncompleteBody' }) as Error);
    expect(() => decodeAwsChunkedLenient(enc.encode('1\r\naXX0\r\n'))).toThrow(expect.objectContaining({ code: 'InvalidRequest' }) as Error);
    expect(() => decodeAwsChunkedLenient(enc.encode('0\r\nnocolon\r\n\r\n'))).toThrow(expect.objectContaining({ code: 'InvalidRequest' }) as Error);
    expect(decodeAwsChunkedLenient(enc.encode('0\r\n')).bytes).toHaveLength(0);
  });

  it('answers request errors S3 style', async () => {
    const { call } = setup();
    expect((await call('PUT', '/bkt/x', { body: 'a', headers: { 'content-length': 'abc' } })).errorCode).toBe('InvalidArgument');
    expect((await call('PUT', '/bkt/x', { headers: { 'x-amz-copy-source': '/bkt/%ZZ' } })).errorCode).toBe('InvalidArgument');
    expect((await call('PUT', '/bkt/x', { body: 'a', headers: { 'x-amz-tagging': 'a=1&a=2' } })).errorCode).toBe('InvalidArgument');
    const del = (xml: string) => call('POST', '/bkt', { query: { delete: '' }, body: xml, headers: { 'content-md5': createHash('md5').update(xml).digest('base64') } });
    expect((await del('<Delete><Object/></Delete>')).errorCode).toBe('MalformedXML');
    expect((await del('<Delete><Quiet>maybe</Quiet></Delete>')).errorCode).toBe('MalformedXML');
    expect((await del('<Other/>')).errorCode).toBe('MalformedXML');
    expect((await call('POST', '/bkt', { query: { delete: '' } })).errorCode).toBe('MalformedXML');
    expect((await call('POST', '/bkt/k', { query: { uploadId: 'x' }, body: '<Nope/>' })).errorCode).toBe('MalformedXML');
    const init = await call('POST', '/bkt/mp', { query: { uploads: '' }, headers: { 'x-amz-checksum-algorithm': 'CRC32', 'x-amz-checksum-type': 'FULL_OBJECT' } });
    const uploadId = /<UploadId>([^<]+)</.exec(init.text)![1]!;
    const part = await call('PUT', '/bkt/mp', { query: { partNumber: '1', uploadId }, body: 'abc' });
    const full = await call('POST', '/bkt/mp', {
      query: { uploadId },
      headers: { 'x-amz-checksum-crc32': 'NSRBwg==' },
      body: `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${part.headers.etag}</ETag></Part></CompleteMultipartUpload>`,
    });
    expect(full.text).toContain('<ChecksumCRC32>NSRBwg==</ChecksumCRC32><ChecksumType>FULL_OBJECT</ChecksumType>');
    expect((await call('GET', '/bkt', { query: { uploads: '', 'encoding-type': 'url', prefix: 'm p' } })).text).toContain('<Prefix>m+p</Prefix>');
    expect((await call('GET', '/bkt/mp', { query: { uploadId: 'none', 'max-parts': '1' } })).errorCode).toBe('NoSuchUpload');
  });

  it('renders unknown failures as InternalError without their message', () => {
    expect(toErrorDocument(new Error('secret internals'))).toEqual({ status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.', fields: {} });
    expect(renderErrorXml({ status: 400, code: 'X', message: 'a<b', fields: { N: 1 } }, 'R', 'H')).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>X</Code><Message>a&lt;b</Message><N>1</N><RequestId>R</RequestId><HostId>H</HostId></Error>');
  });
});
