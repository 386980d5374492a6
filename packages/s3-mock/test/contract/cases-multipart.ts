/** Contract cases: multipart uploads and partNumber reads. */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { ContractCase } from './contract-case.js';
import { expectError, expectOk } from './contract-case.js';
import { pathOf } from './raw-client.js';
import type { RawClient } from './raw-client.js';
import { xmlAll, xmlBlocks, xmlText } from './xml.js';

const MIB = 1024 * 1024;
const md5 = (b: Uint8Array | string): Buffer => createHash('md5').update(b).digest();

async function initiate(c: RawClient, bucket: string, key: string): Promise<string> {
  const res = await c.send('POST', pathOf(bucket, key), { query: { uploads: '' } });
  expectOk(res);
  return xmlText(res.text, 'UploadId') ?? '';
}

async function part(c: RawClient, bucket: string, key: string, uploadId: string, n: number, body: Uint8Array | string): Promise<string> {
  const res = await c.send('PUT', pathOf(bucket, key), { query: { uploadId, partNumber: String(n) }, body });
  expectOk(res);
  return res.headers.etag ?? '';
}

const completeBody = (parts: readonly (readonly [number, string])[]): string =>
  `<CompleteMultipartUpload>${parts.map(([n, e]) => `<Part><PartNumber>${n}</PartNumber><ETag>${e}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;

const complete = (c: RawClient, bucket: string, key: string, uploadId: string, parts: readonly (readonly [number, string])[]) =>
  c.send('POST', pathOf(bucket, key), { query: { uploadId }, body: completeBody(parts) });

/** A 5 MiB part (the minimum for non-last parts) of repeated `fill`. */
const bigPart = (fill: number): Uint8Array => new Uint8Array(5 * MIB).fill(fill);

export const MULTIPART_CASES: readonly ContractCase[] = [
  {
    op: 'CompleteMultipartUpload',
    behaviour: 'object ETag is md5-of-md5s-N; object reads back whole',
    rgw: { aws: 'the response <ETag> is the object ETag', rgw: 'the response <ETag> is empty (HEAD has the right ETag)' },
    async run({ c, bucket, key, expected }) {
      const id = await initiate(c, bucket, key());
      const p1 = bigPart(1);
      const e1 = await part(c, bucket, key(), id, 1, p1);
      const e2 = await part(c, bucket, key(), id, 2, 'tail');
      expect(e1).toBe(`"${md5(p1).toString('hex')}"`);
      const res = await complete(c, bucket, key(), id, [
        [1, e1],
        [2, e2],
      ]);
      expectOk(res);
      const want = `"${createHash('md5').update(Buffer.concat([md5(p1), md5('tail')])).digest('hex')}-2"`;
      expect(xmlText(res.text, 'ETag') ?? '').toBe(expected(want, ''));
      const head = await c.send('HEAD', pathOf(bucket, key()));
      expect([head.headers.etag, head.headers['content-length']]).toEqual([want, String(5 * MIB + 4)]);
    },
  },
  {
    op: 'CompleteMultipartUpload',
    behaviour: 'non-last part under 5 MiB: 400 EntityTooSmall',
    async run({ c, bucket, key }) {
      const id = await initiate(c, bucket, key());
      const e1 = await part(c, bucket, key(), id, 1, 'small');
      const e2 = await part(c, bucket, key(), id, 2, 'tail');
      expectError(
        await complete(c, bucket, key(), id, [
          [1, e1],
          [2, e2],
        ]),
        400,
        'EntityTooSmall',
      );
      expectOk(await c.send('DELETE', pathOf(bucket, key()), { query: { uploadId: id } }), 204);
    },
  },
  {
    op: 'CompleteMultipartUpload',
    behaviour: 'wrong part ETag: 400 InvalidPart',
    async run({ c, bucket, key }) {
      const id = await initiate(c, bucket, key());
      await part(c, bucket, key(), id, 1, 'only');
      expectError(await complete(c, bucket, key(), id, [[1, `"${md5('other').toString('hex')}"`]]), 400, 'InvalidPart');
      expectOk(await c.send('DELETE', pathOf(bucket, key()), { query: { uploadId: id } }), 204);
    },
  },
  {
    op: 'CompleteMultipartUpload',
    behaviour: 'parts out of order: 400 InvalidPartOrder',
    rgw: { aws: '400 InvalidPartOrder', rgw: '200, upload completed' },
    async run({ c, bucket, key, rgwDiffers }) {
      const id = await initiate(c, bucket, key());
      const e1 = await part(c, bucket, key(), id, 1, bigPart(2));
      const e2 = await part(c, bucket, key(), id, 2, bigPart(3));
      const res = await complete(c, bucket, key(), id, [
        [2, e2],
        [1, e1],
      ]);
      if (rgwDiffers()) {
        expectOk(res);
        return;
      }
      expectError(res, 400, 'InvalidPartOrder');
      expectOk(await c.send('DELETE', pathOf(bucket, key()), { query: { uploadId: id } }), 204);
    },
  },
  {
    op: 'CompleteMultipartUpload',
    behaviour: 'malformed XML body: 400 MalformedXML',
    async run({ c, bucket, key }) {
      const id = await initiate(c, bucket, key());
      await part(c, bucket, key(), id, 1, 'a');
      expectError(await c.send('POST', pathOf(bucket, key()), { query: { uploadId: id }, body: '<CompleteMultipartUpload><Part>' }), 400, 'MalformedXML');
      expectOk(await c.send('DELETE', pathOf(bucket, key()), { query: { uploadId: id } }), 204);
    },
  },
  {
    op: 'UploadPart',
    behaviour: 'unknown upload id: 404 NoSuchUpload',
    async run({ c, bucket, key }) {
      expectError(await c.send('PUT', pathOf(bucket, key()), { query: { uploadId: 'no-such-upload', partNumber: '1' }, body: 'x' }), 404, 'NoSuchUpload');
    },
  },
  {
    op: 'UploadPart',
    behaviour: 'part number 0 or 10001: 400 InvalidArgument',
    rgw: { aws: '400 InvalidArgument', rgw: '200 (part numbers not range-checked)' },
    async run({ c, bucket, key, rgwDiffers }) {
      const id = await initiate(c, bucket, key());
      for (const n of ['0', '10001']) {
        const res = await c.send('PUT', pathOf(bucket, key()), { query: { uploadId: id, partNumber: n }, body: 'x' });
        if (rgwDiffers()) expectOk(res);
        else expectError(res, 400, 'InvalidArgument');
      }
      expectOk(await c.send('DELETE', pathOf(bucket, key()), { query: { uploadId: id } }), 204);
    },
  },
  {
    op: 'AbortMultipartUpload',
    behaviour: 'aborted upload: ListParts 404 NoSuchUpload',
    rgw: { aws: '404 NoSuchUpload', rgw: '404 NoSuchKey' },
    async run({ c, bucket, key, expected }) {
      const id = await initiate(c, bucket, key());
      expectOk(await c.send('DELETE', pathOf(bucket, key()), { query: { uploadId: id } }), 204);
      expectError(await c.send('GET', pathOf(bucket, key()), { query: { uploadId: id } }), 404, expected('NoSuchUpload', 'NoSuchKey'));
    },
  },
  {
    op: 'ListParts',
    behaviour: 'max-parts pagination with NextPartNumberMarker',
    async run({ c, bucket, key }) {
      const id = await initiate(c, bucket, key());
      for (const n of [1, 2, 3]) await part(c, bucket, key(), id, n, `p${n}`);
      const first = await c.send('GET', pathOf(bucket, key()), { query: { uploadId: id, 'max-parts': '2' } });
      expectOk(first);
      expect(xmlBlocks(first.text, 'Part').map((p) => xmlText(p, 'PartNumber'))).toEqual(['1', '2']);
      expect([xmlText(first.text, 'IsTruncated'), xmlText(first.text, 'NextPartNumberMarker')]).toEqual(['true', '2']);
      const second = await c.send('GET', pathOf(bucket, key()), { query: { uploadId: id, 'max-parts': '2', 'part-number-marker': '2' } });
      expect(xmlBlocks(second.text, 'Part').map((p) => [xmlText(p, 'PartNumber'), xmlText(p, 'Size')])).toEqual([['3', '2']]);
      expect(xmlText(second.text, 'IsTruncated')).toBe('false');
      expectOk(await c.send('DELETE', pathOf(bucket, key()), { query: { uploadId: id } }), 204);
    },
  },
  {
    op: 'ListMultipartUploads',
    behaviour: 'max-uploads pagination with NextKeyMarker',
    async run({ c, newBucket }) {
      const b = await newBucket();
      for (const k of ['u1', 'u2', 'u3']) await initiate(c, b, k);
      const first = await c.send('GET', pathOf(b), { query: { uploads: '', 'max-uploads': '2' } });
      expectOk(first);
      expect(xmlBlocks(first.text, 'Upload').map((u) => xmlText(u, 'Key'))).toEqual(['u1', 'u2']);
      expect([xmlText(first.text, 'IsTruncated'), xmlText(first.text, 'NextKeyMarker')]).toEqual(['true', 'u2']);
      const second = await c.send('GET', pathOf(b), {
        query: { uploads: '', 'max-uploads': '2', 'key-marker': 'u2', 'upload-id-marker': xmlText(first.text, 'NextUploadIdMarker') ?? '' },
      });
      expect(xmlAll(second.text, 'Key')).toEqual(['u3']);
    },
  },
  {
    op: 'GetObject',
    behaviour: 'partNumber=2 of a multipart object: 206, Content-Range, x-amz-mp-parts-count',
    rgw: { aws: '206 with the part\'s bytes, Content-Range and x-amz-mp-parts-count', rgw: 'partNumber is ignored: 200 with the whole object' },
    async run({ c, bucket, key, rgwDiffers }) {
      const id = await initiate(c, bucket, key());
      const e1 = await part(c, bucket, key(), id, 1, bigPart(7));
      const e2 = await part(c, bucket, key(), id, 2, 'end');
      expectOk(
        await complete(c, bucket, key(), id, [
          [1, e1],
          [2, e2],
        ]),
      );
      const res = await c.send('GET', pathOf(bucket, key()), { query: { partNumber: '2' } });
      if (rgwDiffers()) {
        expect([res.status, res.bytes.byteLength]).toEqual([200, 5 * MIB + 3]);
        return;
      }
      expect([res.status, res.text, res.headers['content-range'], res.headers['x-amz-mp-parts-count']]).toEqual([
        206,
        'end',
        `bytes ${5 * MIB}-${5 * MIB + 2}/${5 * MIB + 3}`,
        '2',
      ]);
    },
  },
];
