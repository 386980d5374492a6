// Scenario 4: one 1000-key ListObjectsV2 page, parse-and-deliver, s3kit vs @aws-sdk/client-s3.
// Both clients get the same bytes from an in-memory transport (no sockets), so the figure is the
// client's own work: signing, response parsing and building the typed output.
import { Readable } from 'node:stream';
import { ListObjectsV2Command, S3Client as SdkClient } from '@aws-sdk/client-s3';
import { HttpResponse as SmithyResponse } from '@smithy/protocol-http';
import { S3Client } from '@s3kit/s3-core';
import { createResponseBody, createSeededRandom } from '@s3kit/primitives';
import { shuffled, summarize } from '../stats.mjs';

const SIZES = { full: { rounds: 5, pages: 40 }, quick: { rounds: 3, pages: 10 }, tiny: { rounds: 1, pages: 1 } };
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/** A realistic 1000-key page (~350 KB): quoted ETags as entities, sizes, dates, owners. */
export function listPage(count = 1000) {
  const random = createSeededRandom(1000);
  const hex = () => Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'];
  parts.push(`<Name>bench</Name><Prefix></Prefix><KeyCount>${count}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated>`);
  parts.push('<NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>');
  for (let i = 0; i < count; i++) {
    const key = `photos/2026/${String(i % 12).padStart(2, '0')}/img_${String(i).padStart(6, '0')} & copy.jpg`.replace('&', '&amp;');
    parts.push(
      `<Contents><Key>${key}</Key><LastModified>2026-11-${String((i % 28) + 1).padStart(2, '0')}T12:34:56.000Z</LastModified>` +
        `<ETag>&quot;${hex()}&quot;</ETag><ChecksumAlgorithm>CRC32</ChecksumAlgorithm><Size>${Math.floor(random() * 1e7)}</Size>` +
        `<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>mtd</DisplayName></Owner>` +
        `<StorageClass>STANDARD</StorageClass></Contents>`,
    );
  }
  parts.push('</ListBucketResult>');
  return Buffer.from(parts.join(''));
}

export const listObjectsPage = {
  id: 'list-page',
  targets: { sdk: 1 },
  async run({ size }) {
    const { rounds, pages } = SIZES[size];
    const page = listPage();
    const headers = { 'content-type': 'application/xml', 'content-length': String(page.length), 'x-amz-request-id': 'R' };
    const ours = new S3Client({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      credentials,
      forcePathStyle: true,
      transport: {
        send: async () => ({
          statusCode: 200,
          headers,
          body: createResponseBody(
            (async function* () {
              yield page;
            })(),
          ),
        }),
      },
    });
    const sdk = new SdkClient({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      credentials,
      forcePathStyle: true,
      requestHandler: { handle: async () => ({ response: new SmithyResponse({ statusCode: 200, headers, body: Readable.from([page]) }) }) },
    });
    // The least code for the same delivery: decode the bytes and pull each entry's fields out with one
    // regular expression (no signing, no request, no validation; only the two entities the page holds are decoded).
    const entry = /<Contents><Key>([^<]*)<\/Key><LastModified>([^<]*)<\/LastModified><ETag>([^<]*)<\/ETag>(?:<ChecksumAlgorithm>[^<]*<\/ChecksumAlgorithm>)?<Size>(\d+)<\/Size>/g;
    const floor = async () => {
      const text = new TextDecoder().decode(page);
      const out = [];
      for (const m of text.matchAll(entry)) out.push({ Key: m[1].replaceAll('&amp;', '&'), LastModified: new Date(m[2]), ETag: m[3].replaceAll('&quot;', '"'), Size: Number(m[4]) });
      return out;
    };
    const impls = [
      { impl: 's3kit', label: 's3kit listObjectsV2', run: async () => (await ours.listObjectsV2({ Bucket: 'bench' })).Contents },
      { impl: 'sdk', label: '@aws-sdk/client-s3 ListObjectsV2Command', run: async () => (await sdk.send(new ListObjectsV2Command({ Bucket: 'bench' }))).Contents },
      { impl: 'floor', label: 'floor: TextDecoder + one regular expression', floor: true, run: floor },
    ];
    // Same work: both deliver the same 1000 keys, sizes and ETags.
    const [a, b] = [await impls[0].run(), await impls[1].run()];
    const digest = (list) => list.map((o) => `${o.Key}|${o.Size}|${o.ETag}|${new Date(o.LastModified).toISOString()}`).join('\n');
    if (a.length !== 1000 || digest(a) !== digest(b)) throw new Error('s3kit and @aws-sdk/client-s3 delivered different listings');
    if (digest(await floor()) !== digest(a)) throw new Error('the floor delivered a different listing');
    for (const impl of impls) for (let i = 0; i < 5; i++) await impl.run();
    const series = new Map(impls.map((i) => [i.impl, []]));
    const cpu = new Map(impls.map((i) => [i.impl, []]));
    const random = createSeededRandom(4);
    for (let r = 0; r < rounds; r++) {
      for (const impl of shuffled(impls, random)) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        for (let p = 0; p < pages; p++) await impl.run();
        series.get(impl.impl).push((performance.now() - t0) / pages);
        const c = process.cpuUsage(c0);
        cpu.get(impl.impl).push((c.user + c.system) / pages);
      }
    }
    await ours.close();
    sdk.destroy();
    return {
      id: 'list-page',
      title: `4. ListObjectsV2 page of 1000 keys (${(page.length / 1024).toFixed(0)} KiB), parse and deliver`,
      description: 'In-memory transport on both sides; the time is signing, parsing and building the typed output.',
      unit: 'ms/page',
      higherIsBetter: false,
      ours: 's3kit',
      rows: impls.map((i) => ({ impl: i.impl, label: i.label, ...(i.floor ? { floor: true } : {}), stats: summarize(series.get(i.impl)), cpuUsPerOp: summarize(cpu.get(i.impl)).median })),
      notes: [],
    };
  },
};
