// One scaling point in its own process (forked by scenarios/scaling.mjs), so that its peak RSS is
// its own. argv[2] is JSON { kind: 'list' | 'plan', keys }; it answers over IPC with { ms, cpuMs,
// maxRssMiB, baseRssMiB, keys, actions }.
//   list: every key of a bucket of `keys` objects through s3-core's paginator (ListObjectsV2 pages
//         of 1000), counted and summed, nothing kept.
//   plan: TransferManager.planSync (upload) of a local tree of `keys` files against a bucket
//         holding the same keys, all unchanged; the tree is served by the file-system port.
// The bucket is an in-memory transport that writes each page on demand, so the server's own
// memory is not in the figure.
import { createResponseBody } from '@s3kit/primitives';
import { ListObjectsV2, S3Client, paginate } from '@s3kit/s3-core';
import { createTransferManager } from '@s3kit/s3-transfer';
import { measureRun } from './measure.mjs';

const o = JSON.parse(process.argv[2]);
const PAGE = 1000;
const PER_DIR = 1000;
const SIZE = 1024;
const LAST_MODIFIED = Date.parse('2026-11-22T12:00:00.000Z');
const dirName = (d) => `d${String(d).padStart(4, '0')}`;
const fileName = (i) => `f${String(i).padStart(7, '0')}.bin`;
const keyOf = (i) => `${dirName(Math.floor(i / PER_DIR))}/${fileName(i)}`;

/** ListObjectsV2 page starting at key index `start` (the continuation token is that index). */
function page(start) {
  const end = Math.min(o.keys, start + PAGE);
  const parts = ['<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>bench</Name><Prefix></Prefix>'];
  parts.push(`<KeyCount>${end - start}</KeyCount><MaxKeys>${PAGE}</MaxKeys><IsTruncated>${end < o.keys}</IsTruncated>`);
  if (end < o.keys) parts.push(`<NextContinuationToken>${end}</NextContinuationToken>`);
  for (let i = start; i < end; i++) {
    parts.push(`<Contents><Key>${keyOf(i)}</Key><LastModified>2026-11-22T12:00:00.000Z</LastModified><ETag>&quot;0f343b0931126a20f133d67c2b018a3b&quot;</ETag><Size>${SIZE}</Size><StorageClass>STANDARD</StorageClass></Contents>`);
  }
  parts.push('</ListBucketResult>');
  return new TextEncoder().encode(parts.join(''));
}

const transport = {
  send: async (request) => {
    const token = request.query?.['continuation-token'];
    const body = page(token === undefined ? 0 : Number(token));
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/xml', 'content-length': String(body.byteLength), 'x-amz-request-id': 'R' },
      body: createResponseBody(
        (async function* () {
          yield body;
        })(),
      ),
    };
  },
};

const ROOT = '/scaling';
const dirs = Math.ceil(o.keys / PER_DIR);
const dirent = (name, file) => ({ name, isFile: () => file, isDirectory: () => !file });
/** A tree of `keys` files of SIZE bytes, an hour older than their objects, behind the file-system port. */
const fs = {
  readdir: async (path) => {
    if (path === ROOT) return Array.from({ length: dirs }, (_, d) => dirent(dirName(d), false));
    const d = Number(path.slice(ROOT.length + 2));
    const first = d * PER_DIR;
    return Array.from({ length: Math.min(PER_DIR, o.keys - first) }, (_, k) => dirent(fileName(first + k), true));
  },
  stat: async (path) => {
    const file = path.endsWith('.bin');
    return { size: file ? SIZE : 0, mtimeMs: LAST_MODIFIED - 3_600_000, isFile: () => file, isDirectory: () => !file };
  },
};
const unsupported = () => Promise.reject(new Error('not used by a plan'));
for (const name of ['open', 'readFile', 'writeFile', 'rename', 'rm', 'mkdir', 'utimes']) fs[name] = unsupported;

const client = new S3Client({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }, forcePathStyle: true, transport });
const tm = createTransferManager({ client, fs });

const run = {
  list: async () => {
    let keys = 0;
    let bytes = 0;
    for await (const out of paginate(client, ListObjectsV2, { Bucket: 'bench' })) {
      for (const c of out.Contents ?? []) {
        keys++;
        bytes += c.Size ?? 0;
      }
    }
    if (bytes !== keys * SIZE) throw new Error('sizes');
    return { keys, actions: 0 };
  },
  plan: async () => {
    const plan = await tm.planSync({ direction: 'upload', localDir: ROOT, Bucket: 'bench' });
    return { keys: plan.unchanged + plan.actions.length, actions: plan.actions.length };
  },
}[o.kind];

const message = await measureRun(run);
await client.close();
// Run by hand (no IPC channel), it prints the result.
if (process.send) process.send(message, () => process.exit(0));
else process.stdout.write(`${JSON.stringify(message)}\n`);
