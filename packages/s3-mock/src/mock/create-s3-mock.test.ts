import { createHash } from 'node:crypto';
import { createFakeClock, createSeededRandom, isNetworkError, isValidationError } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { checksumOf, compositeChecksum } from '../protocol/checksums.js';
import { createS3Mock } from './create-s3-mock.js';
import { createTestClient, testRequest } from './test-client.js';

const enc = new TextEncoder();
const md5 = (s: string | Uint8Array): string => createHash('md5').update(s).digest('base64');

function setup(options: Parameters<typeof createS3Mock>[0] = {}) {
  const mock = createS3Mock({ minPartSize: 5, random: createSeededRandom(7), ...options });
  return { mock, ...createTestClient(mock) };
}

describe('buckets', () => {
  it('creates, heads, lists, locates and deletes buckets', async () => {
    const { send } = setup();
    expect((await send('PUT', '/alpha')).status).toBe(200);
    const created = await send('PUT', '/beta', { body: '<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>' });
    expect(created.headers.location).toBe('/beta');
    const head = await send('HEAD', '/beta', { region: 'eu-west-1' });
    expect(head.headers['x-amz-bucket-region']).toBe('eu-west-1');
    const wrongRegion = await send('HEAD', '/beta');
    expect(wrongRegion.status).toBe(400);
    expect(wrongRegion.text).toBe('');
    expect(wrongRegion.headers['x-amz-bucket-region']).toBe('eu-west-1');
    const list = await send('GET', '/');
    expect(list.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<ListAllMyBucketsResult xmlns="http:\/\/s3.amazonaws.com\/doc\/2006-03-01\/"><Owner><ID>/);
    expect(list.text).toContain('<Bucket><Name>alpha</Name><CreationDate>');
    expect(list.text).toContain('<BucketRegion>eu-west-1</BucketRegion>');
    expect((await send('GET', '/alpha', { query: { location: '' } })).text).toContain('<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></LocationConstraint>');
    expect((await send('GET', '/beta', { query: { location: '' }, region: 'eu-west-1' })).text).toContain('>eu-west-1</LocationConstraint>');
    expect((await send('DELETE', '/alpha')).status).toBe(204);
    const missing = await send('GET', '/alpha', { query: { 'list-type': '2' } });
    expect(missing.status).toBe(404);
    expect(missing.text).toMatch(/<Error><Code>NoSuchBucket<\/Code><Message>The specified bucket does not exist<\/Message><BucketName>alpha<\/BucketName><RequestId>[0-9A-F]{16}<\/RequestId><HostId>/);
    expect((await send('PUT', '/beta', { body: '<Nope/>', region: 'eu-west-1' })).text).toContain('MalformedXML');
  });

  it('tags buckets', async () => {
    const { send } = setup({ seed: { buckets: { bkt: {} } } });
    expect((await send('GET', '/bkt', { query: { tagging: '' } })).text).toContain('NoSuchTagSet');
    const xml = '<Tagging><TagSet><Tag><Key>team</Key><Value>a&amp;b</Value></Tag></TagSet></Tagging>';
    expect((await send('PUT', '/bkt', { query: { tagging: '' }, body: xml })).status).toBe(204);
    expect((await send('GET', '/bkt', { query: { tagging: '' } })).text).toContain('<TagSet><Tag><Key>team</Key><Value>a&amp;b</Value></Tag></TagSet>');
    expect((await send('DELETE', '/bkt', { query: { tagging: '' } })).status).toBe(204);
    expect((await send('PUT', '/bkt', { query: { tagging: '' }, body: '<Tagging/>' })).text).toContain('MalformedXML');
  });
});

describe('objects', () => {
  it('puts and gets with metadata, tagging, ranges, overrides and conditions', async () => {
    const { send } = setup({ seed: { buckets: { bkt: {} } } });
    const put = await send('PUT', '/bkt/dir/a%20b.txt', {
      body: 'hello world',
      headers: { 'content-type': 'text/plain', 'x-amz-meta-color': 'blue', 'x-amz-tagging': 'k=v&x=y%20z', 'cache-control': 'no-cache', 'x-amz-storage-class': 'STANDARD_IA' },
    });
    expect(put.status).toBe(200);
    expect(put.headers.etag).toBe(`"${createHash('md5').update('hello world').digest('hex')}"`);
    const get = await send('GET', '/bkt/dir/a%20b.txt');
    expect(get.text).toBe('hello world');
    expect(get.headers).toMatchObject({
      'content-type': 'text/plain',
      'content-length': '11',
      'accept-ranges': 'bytes',
      'x-amz-meta-color': 'blue',
      'x-amz-tagging-count': '2',
      'cache-control': 'no-cache',
      'x-amz-storage-class': 'STANDARD_IA',
      server: 'AmazonS3',
    });
    expect(get.headers['last-modified']).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(get.headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
    const range = await send('GET', '/bkt/dir/a%20b.txt', { headers: { range: 'bytes=6-' } });
    expect([range.status, range.text, range.headers['content-range']]).toEqual([206, 'world', 'bytes 6-10/11']);
    const over = await send('GET', '/bkt/dir/a%20b.txt', { query: { 'response-content-type': 'x/y', 'response-content-disposition': 'attachment' } });
    expect([over.headers['content-type'], over.headers['content-disposition']]).toEqual(['x/y', 'attachment']);
    const notModified = await send('GET', '/bkt/dir/a%20b.txt', { headers: { 'if-none-match': put.headers.etag! } });
    expect([notModified.status, notModified.text, notModified.headers.etag]).toEqual([304, '', put.headers.etag]);
    expect(notModified.headers['last-modified']).toBe(get.headers['last-modified']);
    expect((await send('GET', '/bkt/dir/a%20b.txt', { headers: { 'if-match': '"nope"' } })).status).toBe(412);
    const head = await send('HEAD', '/bkt/dir/a%20b.txt');
    expect([head.status, head.text, head.headers['content-length']]).toEqual([200, '', '11']);
    const headMissing = await send('HEAD', '/bkt/missing');
    expect([headMissing.status, headMissing.text]).toEqual([404, '']);
    expect((await send('GET', '/bkt/missing')).text).toContain('<Code>NoSuchKey</Code>');
    expect((await send('DELETE', '/bkt/dir/a%20b.txt')).status).toBe(204);
    expect((await send('DELETE', '/bkt/dir/a%20b.txt')).status).toBe(204);
  });

  it('validates and stores checksums, returned with x-amz-checksum-mode', async () => {
    const { send } = setup({ seed: { buckets: { bkt: {} } } });
    const body = enc.encode('checksum me');
    for (const alg of ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const) {
      const name = `x-amz-checksum-${alg.toLowerCase()}`;
      const put = await send('PUT', `/bkt/${alg}`, { body, headers: { [name]: checksumOf(alg, body) } });
      expect(put.headers[name]).toBe(checksumOf(alg, body));
      expect((await send('GET', `/bkt/${alg}`)).headers[name]).toBeUndefined();
      const get = await send('GET', `/bkt/${alg}`, { headers: { 'x-amz-checksum-mode': 'ENABLED' } });
      expect(get.headers[name]).toBe(checksumOf(alg, body));
      expect(get.headers['x-amz-checksum-type']).toBe('FULL_OBJECT');
    }
    const bad = await send('PUT', '/bkt/x', { body, headers: { 'x-amz-checksum-crc32': checksumOf('CRC32', enc.encode('other')) } });
    expect(bad.text).toContain('<Code>BadDigest</Code><Message>The CRC32 you specified did not match the calculated checksum.</Message>');
    const invalid = await send('PUT', '/bkt/x', { body, headers: { 'x-amz-checksum-crc32c': 'abc' } });
    expect(invalid.text).toContain('Value for x-amz-checksum-crc32c header is invalid.');
    const two = await send('PUT', '/bkt/x', { body, headers: { 'x-amz-checksum-crc32': checksumOf('CRC32', body), 'x-amz-checksum-sha1': checksumOf('SHA1', body) } });
    expect(two.text).toContain('Multiple checksum Types are not allowed');
    const sdkOnly = await send('PUT', '/bkt/sdk', { body, headers: { 'x-amz-sdk-checksum-algorithm': 'CRC32C' } });
    expect(sdkOnly.headers['x-amz-checksum-crc32c']).toBe(checksumOf('CRC32C', body));
    const disagree = await send('PUT', '/bkt/x', { body, headers: { 'x-amz-sdk-checksum-algorithm': 'SHA1', 'x-amz-checksum-crc32': checksumOf('CRC32', body) } });
    expect(disagree.text).toContain('x-amz-sdk-checksum-algorithm');
    expect((await send('PUT', '/bkt/x', { body, headers: { 'x-amz-sdk-checksum-algorithm': 'MD7' } })).status).toBe(400);
    const md5Bad = await send('PUT', '/bkt/x', { body, headers: { 'content-md5': md5('nope') } });
    expect(md5Bad.text).toContain('<Code>BadDigest</Code>');
    expect((await send('PUT', '/bkt/x', { body, headers: { 'content-md5': md5(body) } })).status).toBe(200);
  });

  it('copies objects with directives and copy-source conditions', async () => {
    const { send } = setup({ seed: { buckets: { bkt: { objects: { 'src key+1': { Body: 'data', ContentType: 'a/b', Metadata: { m: '1' } } } } } } });
    const copy = await send('PUT', '/bkt/dst', { headers: { 'x-amz-copy-source': '/bkt/src%20key%2B1' } });
    expect(copy.status).toBe(200);
    expect(copy.text).toMatch(/<CopyObjectResult xmlns="[^"]+"><ETag>&quot;[0-9a-f]{32}&quot;<\/ETag><LastModified>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d.000Z<\/LastModified><\/CopyObjectResult>/);
    expect((await send('HEAD', '/bkt/dst')).headers).toMatchObject({ 'content-type': 'a/b', 'x-amz-meta-m': '1' });
    await send('PUT', '/bkt/dst2', {
      headers: { 'x-amz-copy-source': 'bkt/src%20key%2B1', 'x-amz-metadata-directive': 'REPLACE', 'content-type': 'c/d', 'x-amz-meta-n': '2', 'x-amz-tagging-directive': 'REPLACE', 'x-amz-tagging': 't=1' },
    });
    const head = await send('HEAD', '/bkt/dst2');
    expect(head.headers).toMatchObject({ 'content-type': 'c/d', 'x-amz-meta-n': '2', 'x-amz-tagging-count': '1' });
    expect(head.headers['x-amz-meta-m']).toBeUndefined();
    expect((await send('PUT', '/bkt/dst3', { headers: { 'x-amz-copy-source': '/bkt/src%20key%2B1', 'x-amz-copy-source-if-match': '"x"' } })).status).toBe(412);
    expect((await send('PUT', '/bkt/dst3', { headers: { 'x-amz-copy-source': 'nokey' } })).text).toContain('InvalidArgument');
    expect((await send('PUT', '/bkt/dst3', { headers: { 'x-amz-copy-source': '/bkt/src', 'x-amz-metadata-directive': 'MOVE' } })).text).toContain('InvalidArgument');
    expect((await send('PUT', '/bkt/dst3', { headers: { 'x-amz-copy-source': '/bkt/src?versionId=abc' } })).text).toContain('<Code>NoSuchVersion</Code>');
  });

  it('tags objects', async () => {
    const { send } = setup({ seed: { buckets: { bkt: { objects: { k: 'v' } } } } });
    const xml = '<?xml version="1.0"?><Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>a</Key><Value>1</Value></Tag></TagSet></Tagging>';
    expect((await send('PUT', '/bkt/k', { query: { tagging: '' }, body: xml })).status).toBe(200);
    expect((await send('GET', '/bkt/k', { query: { tagging: '' } })).text).toContain('<Tag><Key>a</Key><Value>1</Value></Tag>');
    expect((await send('GET', '/bkt/k')).text).toBe('v');
    expect((await send('DELETE', '/bkt/k', { query: { tagging: '' } })).status).toBe(204);
    expect((await send('GET', '/bkt/k', { query: { tagging: '' } })).text).toContain('<TagSet></TagSet>');
  });

  it('deletes many objects with Content-MD5 or a checksum, and refuses neither', async () => {
    const { send } = setup({ seed: { buckets: { bkt: { objects: { a: '1', b: '2', c: '3' } } } } });
    const xml = '<Delete><Object><Key>a</Key></Object><Object><Key>zz</Key></Object></Delete>';
    const none = await send('POST', '/bkt', { query: { delete: '' }, body: xml });
    expect(none.text).toContain('<Code>InvalidRequest</Code><Message>Missing required header for this request: Content-MD5 OR x-amz-checksum-*</Message>');
    expect((await send('POST', '/bkt', { query: { delete: '' }, body: xml, headers: { 'content-md5': md5('x') } })).text).toContain('BadDigest');
    expect((await send('POST', '/bkt', { query: { delete: '' }, body: xml, headers: { 'content-md5': 'short' } })).text).toContain('InvalidDigest');
    const ok = await send('POST', '/bkt', { query: { delete: '' }, body: xml, headers: { 'content-md5': md5(xml) } });
    expect(ok.text).toContain('<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Deleted><Key>a</Key></Deleted><Deleted><Key>zz</Key></Deleted></DeleteResult>');
    const quiet = '<Delete><Quiet>true</Quiet><Object><Key>b</Key></Object></Delete>';
    const q = await send('POST', '/bkt', { query: { delete: '' }, body: quiet, headers: { 'x-amz-checksum-crc32': checksumOf('CRC32', enc.encode(quiet)) } });
    expect(q.text).toContain('<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></DeleteResult>');
    const doctype = '<!DOCTYPE x [<!ENTITY e "boom">]><Delete><Object><Key>&e;</Key></Object></Delete>';
    expect((await send('POST', '/bkt', { query: { delete: '' }, body: doctype, headers: { 'content-md5': md5(doctype) } })).text).toContain('MalformedXML');
  });
});

describe('listings', () => {
  it('lists v2 and v1 with delimiters, pagination and url encoding', async () => {
    const { send } = setup({ seed: { buckets: { bkt: { objects: { 'a b/1': '1', 'a b/2': '2', 'c&d': '3', 'é': '4' } } } } });
    const v2 = await send('GET', '/bkt', { query: { 'list-type': '2', delimiter: '/', 'encoding-type': 'url' } });
    expect(v2.text).toContain('<Name>bkt</Name><Prefix></Prefix><KeyCount>3</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>%2F</Delimiter>'.replace('%2F', '/'));
    expect(v2.text).toContain('<EncodingType>url</EncodingType><IsTruncated>false</IsTruncated><Contents><Key>c%26d</Key>');
    expect(v2.text).toContain('<Key>%C3%A9</Key>');
    expect(v2.text).toContain('<CommonPrefixes><Prefix>a+b/</Prefix></CommonPrefixes>');
    const page = await send('GET', '/bkt', { query: { 'list-type': '2', 'max-keys': '1', 'fetch-owner': 'true' } });
    expect(page.text).toContain('<IsTruncated>true</IsTruncated>');
    expect(page.text).toContain('<Owner><ID>');
    const token = /<NextContinuationToken>([^<]+)</.exec(page.text)![1]!;
    const next = await send('GET', '/bkt', { query: { 'list-type': '2', 'continuation-token': token } });
    expect(next.text).toContain(`<ContinuationToken>${token}</ContinuationToken>`);
    expect(next.text).toContain('<Key>a b/2</Key>');
    const v1 = await send('GET', '/bkt', { query: { delimiter: '/', 'max-keys': '1' } });
    expect(v1.text).toContain('<Marker></Marker><NextMarker>a b/</NextMarker><MaxKeys>1</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>');
    expect((await send('GET', '/bkt', { query: { 'encoding-type': 'base64' } })).text).toContain('Invalid Encoding Method');
    expect((await send('GET', '/bkt', { query: { 'max-keys': 'x' } })).text).toContain('InvalidArgument');
    expect((await send('GET', '/bkt', { query: { 'list-type': '3' } })).text).toContain('InvalidArgument');
  });
});

describe('multipart', () => {
  it('runs a whole upload with part copy, listings, composite checksum and part reads', async () => {
    const { send, mock } = setup({ seed: { buckets: { bkt: { objects: { src: '0123456789' } } } } });
    const init = await send('POST', '/bkt/big', { query: { uploads: '' }, headers: { 'x-amz-checksum-algorithm': 'CRC32', 'content-type': 'x/y' } });
    expect(init.headers['x-amz-checksum-algorithm']).toBe('CRC32');
    const uploadId = /<UploadId>([^<]+)</.exec(init.text)![1]!;
    expect(init.text).toContain('<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>bkt</Bucket><Key>big</Key><UploadId>');
    const p1 = enc.encode('hello');
    const part1 = await send('PUT', '/bkt/big', { query: { partNumber: '1', uploadId }, body: p1, headers: { 'x-amz-checksum-crc32': checksumOf('CRC32', p1) } });
    expect(part1.headers['x-amz-checksum-crc32']).toBe(checksumOf('CRC32', p1));
    const part2 = await send('PUT', '/bkt/big', { query: { partNumber: '2', uploadId }, headers: { 'x-amz-copy-source': '/bkt/src', 'x-amz-copy-source-range': 'bytes=0-4' } });
    expect(part2.text).toContain('<CopyPartResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LastModified>');
    const etag2 = /<ETag>([^<]+)</.exec(part2.text)![1]!.replace(/&quot;/g, '"');
    const parts = await send('GET', '/bkt/big', { query: { uploadId } });
    expect(parts.text).toContain('<StorageClass>STANDARD</StorageClass><PartNumberMarker>0</PartNumberMarker>');
    expect(parts.text).toContain('<MaxParts>1000</MaxParts><IsTruncated>false</IsTruncated><Part><PartNumber>1</PartNumber>');
    expect(parts.text).toContain(`<ChecksumCRC32>${checksumOf('CRC32', p1)}</ChecksumCRC32><Size>5</Size></Part>`);
    const uploads = await send('GET', '/bkt', { query: { uploads: '' } });
    expect(uploads.text).toContain(`<Upload><Key>big</Key><UploadId>${uploadId}</UploadId><Initiator>`);
    expect(mock.uploadsInFlight()).toHaveLength(1);
    const completeXml = `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${part1.headers.etag}</ETag></Part><Part><PartNumber>2</PartNumber><ETag>${etag2}</ETag></Part></CompleteMultipartUpload>`;
    const done = await send('POST', '/bkt/big', { query: { uploadId }, body: completeXml });
    // UploadPartCopy parts carry no checksum here, so no composite checksum can be formed.
    expect(done.text).toMatch(/<CompleteMultipartUploadResult xmlns="[^"]+"><Location>http:\/\/127.0.0.1:9000\/bkt\/big<\/Location><Bucket>bkt<\/Bucket><Key>big<\/Key><ETag>&quot;[0-9a-f]{32}-2&quot;<\/ETag><\/CompleteMultipartUploadResult>$/);
    expect(mock.uploadsInFlight()).toHaveLength(0);
    expect((await send('GET', '/bkt/big')).text).toBe('hello01234');
    const second = await send('GET', '/bkt/big', { query: { partNumber: '2' } });
    expect([second.status, second.text, second.headers['x-amz-mp-parts-count']]).toEqual([206, '01234', '2']);
    expect((await send('POST', '/bkt/big', { query: { uploadId }, body: '<CompleteMultipartUpload><Part><PartNumber>x</PartNumber><ETag>e</ETag></Part></CompleteMultipartUpload>' })).text).toContain('MalformedXML');
    const init3 = await send('POST', '/bkt/composite', { query: { uploads: '' }, headers: { 'x-amz-checksum-algorithm': 'SHA256' } });
    const id3 = /<UploadId>([^<]+)</.exec(init3.text)![1]!;
    const bodies = [enc.encode('part-one'), enc.encode('two')];
    const etags: string[] = [];
    for (const [i, b] of bodies.entries()) {
      const r = await send('PUT', '/bkt/composite', { query: { partNumber: String(i + 1), uploadId: id3 }, body: b, headers: { 'x-amz-checksum-sha256': checksumOf('SHA256', b) } });
      etags.push(r.headers.etag!);
    }
    const xml3 = `<CompleteMultipartUpload>${etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${e}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
    const done3 = await send('POST', '/composite', { query: { uploadId: id3 }, body: xml3, hostname: 'bkt.localhost' });
    expect(done3.text).toContain(`<ChecksumSHA256>${compositeChecksum('SHA256', bodies.map((b) => checksumOf('SHA256', b)))}</ChecksumSHA256><ChecksumType>COMPOSITE</ChecksumType>`);
    expect(done3.text).toContain('<Location>http://bkt.localhost:9000/composite</Location>');
    const init2 = await send('POST', '/bkt/other', { query: { uploads: '' } });
    const id2 = /<UploadId>([^<]+)</.exec(init2.text)![1]!;
    expect((await send('DELETE', '/bkt/other', { query: { uploadId: id2 } })).status).toBe(204);
    expect((await send('DELETE', '/bkt/other', { query: { uploadId: id2 } })).text).toContain('NoSuchUpload');
  });
});

describe('authentication and bodies', () => {
  it('rejects unsigned, mis-signed and tampered requests', async () => {
    const { send, deliver, signer, mock } = setup({ seed: { buckets: { bkt: { objects: { k: 'v' } } } } });
    const anon = await send('GET', '/bkt/k', { unsigned: true });
    expect([anon.status, anon.text]).toEqual([403, expect.stringContaining('<Code>AccessDenied</Code>')]);
    const wrong = await createTestClient(mock).deliver(await (await import('./test-client.js')).testSigner('us-east-1', 'nope').sign(testRequest('GET', '/bkt/k')));
    expect(wrong.text).toContain('SignatureDoesNotMatch');
    const signed = await signer('us-east-1').sign(testRequest('PUT', '/bkt/k', { body: 'good' }));
    const tampered = await deliver({ ...signed, body: 'evil' });
    expect(tampered.text).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
    const presigned = await signer('us-east-1').presign(testRequest('GET', '/bkt/k'), { expiresIn: 60 });
    expect((await deliver(presigned)).text).toBe('v');
    const unsignedPayload = await signer('us-east-1').sign(testRequest('PUT', '/bkt/u', { body: 'any' }), { payloadHash: 'UNSIGNED-PAYLOAD' });
    expect((await deliver(unsignedPayload)).status).toBe(200);
  });

  it('accepts anything with auth none, still checking signed payload hashes', async () => {
    const { send, signer, deliver } = setup({ auth: 'none', seed: { buckets: { bkt: {} } } });
    expect((await send('PUT', '/bkt/k', { body: 'x', unsigned: true })).status).toBe(200);
    const signed = await signer('us-east-1').sign(testRequest('PUT', '/bkt/k', { body: 'good' }));
    expect((await deliver({ ...signed, body: 'evil' })).text).toContain('XAmzContentSHA256Mismatch');
    const chunked = await signer('us-east-1').signStreaming(testRequest('PUT', '/bkt/c', { body: 'streamed body' }), { mode: 'signed', decodedContentLength: 13 });
    expect((await deliver(chunked)).status).toBe(200);
    expect((await send('GET', '/bkt/c', { unsigned: true })).text).toBe('streamed body');
  });

  it('decodes signed aws-chunked bodies and checks trailing checksums', async () => {
    const { deliver, signer, send } = setup({ seed: { buckets: { bkt: {} } } });
    const data = enc.encode('x'.repeat(20000));
    const signed = await signer('us-east-1').signStreaming(testRequest('PUT', '/bkt/s', { body: data }), { mode: 'signed', decodedContentLength: data.length, chunkSize: 8192 });
    expect((await deliver(signed)).status).toBe(200);
    expect((await send('GET', '/bkt/s')).text).toHaveLength(20000);
    const trailer = (value: string) => ({ trailerName: 'x-amz-checksum-crc32', digest: () => value, valueLength: value.length });
    const good = await signer('us-east-1').signStreaming(testRequest('PUT', '/bkt/t', { body: data }), { mode: 'unsigned-trailer', decodedContentLength: data.length, trailer: trailer(checksumOf('CRC32', data)) });
    expect((await deliver(good)).status).toBe(200);
    expect((await send('HEAD', '/bkt/t', { headers: { 'x-amz-checksum-mode': 'ENABLED' } })).headers['x-amz-checksum-crc32']).toBe(checksumOf('CRC32', data));
    const bad = await signer('us-east-1').signStreaming(testRequest('PUT', '/bkt/t', { body: data }), { mode: 'signed-trailer', decodedContentLength: data.length, trailer: trailer(checksumOf('CRC32', enc.encode('no'))) });
    expect((await deliver(bad)).text).toContain('BadDigest');
    const stream = await signer('us-east-1').signStreaming(testRequest('PUT', '/bkt/t', { body: data }), { mode: 'signed', decodedContentLength: data.length });
    const raw = new Uint8Array(await new Response(stream.body as never).arrayBuffer());
    raw[raw.length - 200] = raw[raw.length - 200]! ^ 1;
    expect((await deliver({ ...stream, body: raw })).text).toContain('SignatureDoesNotMatch');
  });

  it('copies bodies both ways like a socket: buffers a client reuses after the response do not change what is stored', async () => {
    const { mock, deliver } = setup({ auth: 'none', seed: { buckets: { bkt: {} } } });
    const whole = Buffer.from('first body');
    expect((await deliver(testRequest('PUT', '/bkt/whole', { body: whole }))).status).toBe(200);
    whole.fill(0x21);
    const pooled = Buffer.from('streamed body');
    const chunks = async function* () { yield pooled.subarray(0, 8); yield pooled.subarray(8); };
    expect((await deliver(testRequest('PUT', '/bkt/streamed', { body: chunks(), headers: { 'content-length': String(pooled.length) } }))).status).toBe(200);
    pooled.fill(0x21);
    const res = await mock.transport.send(testRequest('GET', '/bkt/whole'));
    const got = await res.body.bytes();
    got.fill(0x3f);
    expect((await deliver(testRequest('GET', '/bkt/whole'))).text).toBe('first body');
    expect((await deliver(testRequest('GET', '/bkt/streamed'))).text).toBe('streamed body');
  });

  it('enforces Content-Length like a socket and answers 411 to unsized streams', async () => {
    const { mock, signer, deliver } = setup({ auth: 'none', seed: { buckets: { bkt: {} } } });
    await expect(mock.transport.send(testRequest('PUT', '/bkt/k', { body: 'abc', headers: { 'content-length': '5' } }))).rejects.toSatisfy(isValidationError);
    const stream = async function* () { yield enc.encode('abc'); };
    await expect(mock.transport.send(testRequest('PUT', '/bkt/k', { body: stream(), headers: { 'content-length': '2' } }))).rejects.toSatisfy(isValidationError);
    const unsized = await deliver(testRequest('PUT', '/bkt/k', { body: stream() }));
    expect([unsized.status, unsized.text]).toEqual([411, expect.stringContaining('MissingContentLength')]);
    const direct = await mock.handler.handle(testRequest('PUT', '/bkt/k', { body: stream(), headers: { 'content-length': '9' } }));
    expect(direct.errorCode).toBe('IncompleteBody');
    expect(signer).toBeDefined();
  });
});

describe('routing', () => {
  it('serves virtual-host requests and rejects unknown routes', async () => {
    const { send } = setup({ seed: { buckets: { bkt: { objects: { 'k/x': 'vh' } } } } });
    expect((await send('GET', '/k/x', { hostname: 'bkt.localhost' })).text).toBe('vh');
    expect((await send('GET', '/k/x', { hostname: 'bkt.s3.us-east-1.amazonaws.com' })).text).toBe('vh');
    expect((await send('PATCH', '/bkt/k')).status).toBe(405);
    expect((await send('GET', '/bkt', { query: { analytics: '' } })).status).toBe(501);
    expect((await send('GET', '/bkt/%E0%A4%A')).text).toContain('InvalidURI');
    expect((await send('POST', '/bkt/k')).status).toBe(405);
  });
});

describe('faults, recording and state', () => {
  it('injects faults deterministically', async () => {
    const { send, mock } = setup({ seed: { buckets: { bkt: { objects: { k: '0123456789' } } } } });
    mock.faults.add({ match: { operation: 'GetObject', key: 'k' }, times: 2, action: { status: 500, code: 'InternalError' } });
    expect((await send('GET', '/bkt/k')).status).toBe(500);
    expect((await send('GET', '/bkt/k')).text).toContain('<Code>InternalError</Code>');
    expect((await send('GET', '/bkt/k')).status).toBe(200);
    mock.faults.add({ match: { method: 'GET' }, action: { slowDown: true } });
    expect((await send('GET', '/bkt/k')).text).toContain('<Code>SlowDown</Code>');
    mock.faults.add({ match: { operation: 'CopyObject' }, action: '200-error' });
    const copy = await send('PUT', '/bkt/c', { headers: { 'x-amz-copy-source': 'bkt/k' } });
    expect([copy.status, copy.text]).toEqual([200, expect.stringContaining('<Error><Code>InternalError</Code>')]);
    expect(mock.engine.listObjectsV2({ Bucket: 'bkt' }).KeyCount).toBe(1);
    mock.faults.add({ match: { bucket: 'bkt', key: /^k$/ }, action: 'reset' });
    await expect(send('GET', '/bkt/k')).rejects.toSatisfy(isNetworkError);
    mock.faults.add({ action: { truncateBodyAt: 4 } });
    const res = await mock.transport.send(await createTestClient(mock).signer('us-east-1').sign(testRequest('GET', '/bkt/k')));
    expect(res.headers['content-length']).toBe('10');
    await expect(res.body.bytes()).rejects.toSatisfy(isNetworkError);
    const remove = mock.faults.add({ match: { operation: 'PutObject' }, action: { status: 503, code: 'ServiceUnavailable' } });
    expect(mock.faults.pending).toHaveLength(1);
    remove();
    expect(mock.faults.pending).toHaveLength(0);
    const statuses = mock.requests.map((r) => r.status);
    expect(statuses).toEqual([500, 500, 200, 503, 200, 0, 200]);
    expect(mock.requests[5]!.fault).toBe('reset');
  });

  it('delays on the mock clock', async () => {
    const clock = createFakeClock(Date.now());
    const { send, mock } = setup({ clock, seed: { buckets: { bkt: { objects: { k: 'v' } } } } });
    mock.faults.add({ action: { delayMs: 1000 } });
    const pending = send('GET', '/bkt/k');
    while (clock.pending() === 0) await new Promise((resolve) => setImmediate(resolve));
    await clock.advance(1000);
    expect((await pending).text).toBe('v');
  });

  it('records redacted requests, resets, snapshots and restores', async () => {
    const { send, mock } = setup({ seed: { buckets: { bkt: {} } } });
    await send('PUT', '/bkt/k', { body: 'v' });
    expect(mock.requests[0]).toMatchObject({ operation: 'PutObject', bucket: 'bkt', key: 'k', method: 'PUT', status: 200 });
    expect(mock.requests[0]!.headers.authorization).toBe('[REDACTED]');
    const snap = mock.snapshot();
    await send('DELETE', '/bkt/k');
    mock.restore(snap);
    expect((await send('GET', '/bkt/k')).text).toBe('v');
    mock.seed({ buckets: { ccc: { objects: { x: 'y' } } } });
    mock.faults.add({ action: 'reset' });
    mock.reset();
    expect(mock.requests).toHaveLength(0);
    expect(mock.faults.pending).toHaveLength(0);
    expect(mock.engine.listBuckets().Buckets.map((b) => b.Name)).toEqual(['bkt']);
    await send('GET', '/');
    mock.clearRequests();
    expect(mock.requests).toHaveLength(0);
  });
});
