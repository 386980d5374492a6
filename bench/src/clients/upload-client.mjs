// One multipart upload by one client, in its own process (forked by scenarios/multipart-upload.mjs)
// so that its peak RSS is its own. argv[2] is JSON { impl, source, crc, algorithm?, mode?, size, port, key, file,
// partSize, queue }; it answers over IPC with { ms, cpuMs, maxRssMiB, baseRssMiB }: the peak RSS of
// the process and its RSS just before the upload started (library loaded, client built, source
// ready). Only the library under test is imported, so the baseline is its own.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { measureRun } from './measure.mjs';
import { BLOCK, patternBlock, patternBuffer } from './pattern.mjs';

const o = JSON.parse(process.argv[2]);
const endpoint = `http://127.0.0.1:${o.port}`;
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const Bucket = 'bench';

/** A stream of `size` bytes of the pattern, 1 MiB chunks, read on demand. */
function patternStream(size) {
  const block = patternBlock();
  let left = size;
  return new Readable({
    highWaterMark: BLOCK,
    read() {
      if (left <= 0) return this.push(null);
      const n = Math.min(BLOCK, left);
      left -= n;
      // A fresh copy per chunk: a client may keep references to chunks it was given.
      this.push(Buffer.from(block.subarray(0, n)));
    },
  });
}

const buffer = o.source === 'buffer' ? patternBuffer(o.size) : undefined;
const body = () => (o.source === 'buffer' ? buffer : o.source === 'stream' ? patternStream(o.size) : o.file);

let run;
let close = async () => {};
if (o.impl === 's3kit') {
  const { S3Client } = await import('@s3kit/s3-core');
  const { createHashPool, createTransferManager } = await import('@s3kit/s3-transfer');
  const client = new S3Client({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
  // `algorithm`/`mode` pick another checksum than the default full-object CRC32.
  const checksum = o.crc ? { checksum: o.mode ?? 'full-object', ...(o.algorithm ? { checksumAlgorithm: o.algorithm } : {}) } : { checksum: 'none' };
  // BENCH_HASH_WORKERS=n: hashing pool of n workers instead of the default (0: hash on the sending thread).
  const workers = process.env.BENCH_HASH_WORKERS;
  const hashing = workers === undefined ? {} : { hashPool: createHashPool({ workers: Number(workers) }) };
  const tm = createTransferManager({ client, partSize: o.partSize, concurrency: o.queue, ...checksum, ...hashing });
  run = () => tm.upload({ Bucket, Key: o.key, Body: body(), ...(o.source === 'stream' ? {} : {}) });
  close = () => client.close();
} else if (o.impl === 'sdk') {
  const { S3Client: SdkClient } = await import('@aws-sdk/client-s3');
  const { Upload } = await import('@aws-sdk/lib-storage');
  const client = new SdkClient({
    endpoint,
    region: 'us-east-1',
    credentials,
    forcePathStyle: true,
    requestChecksumCalculation: o.crc ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  run = async () => {
    let Body = body();
    if (o.source === 'file') Body = createReadStream(o.file, { highWaterMark: BLOCK });
    const params = { Bucket, Key: o.key, Body, ...(o.crc ? { ChecksumAlgorithm: 'CRC32' } : {}) };
    await new Upload({ client, params, partSize: o.partSize, queueSize: o.queue }).done();
  };
  close = async () => client.destroy();
} else if (o.impl === 'minio') {
  const { Client: MinioClient } = await import('minio');
  const client = new MinioClient({ endPoint: '127.0.0.1', port: o.port, useSSL: false, accessKey: credentials.accessKeyId, secretKey: credentials.secretAccessKey, region: 'us-east-1', pathStyle: true, partSize: o.partSize });
  run = () => (o.source === 'file' ? client.fPutObject(Bucket, o.key, o.file) : client.putObject(Bucket, o.key, body(), o.size));
} else if (o.impl === 'floor') {
  run = () => floorUpload();
} else {
  throw new Error(`unknown impl ${o.impl}`);
}

/** The parts of the source as whole part buffers, read only when the caller asks for the next. */
async function* partsOf(source) {
  if (o.source === 'buffer') {
    for (let off = 0; off < o.size; off += o.partSize) yield source.subarray(off, Math.min(o.size, off + o.partSize));
  } else if (o.source === 'file') {
    const { open } = await import('node:fs/promises');
    const fh = await open(source, 'r');
    try {
      for (let off = 0; off < o.size; off += o.partSize) {
        const part = Buffer.allocUnsafe(Math.min(o.partSize, o.size - off));
        let got = 0;
        while (got < part.byteLength) got += (await fh.read(part, got, part.byteLength - got, off + got)).bytesRead;
        yield part;
      }
    } finally {
      await fh.close();
    }
  } else {
    let part = Buffer.allocUnsafe(Math.min(o.partSize, o.size));
    let filled = 0;
    let left = o.size;
    for await (const chunk of source) {
      let at = 0;
      while (at < chunk.byteLength) {
        const n = Math.min(chunk.byteLength - at, part.byteLength - filled);
        chunk.copy(part, filled, at, at + n);
        filled += n;
        at += n;
        if (filled === part.byteLength) {
          left -= filled;
          yield part;
          part = Buffer.allocUnsafe(Math.min(o.partSize, left));
          filled = 0;
        }
      }
    }
  }
}

/**
 * The floor: the same multipart upload with the least code. An undici Pool, no signing, whole
 * part buffers, `o.queue` parts in flight, and with `o.crc` one zlib.crc32 per part on this thread.
 */
async function floorUpload() {
  const { Pool } = await import('undici');
  const { crc32 } = await import('node:zlib');
  const pool = new Pool(endpoint, { connections: o.queue });
  const path = `/${Bucket}/${o.key}`;
  const init = await pool.request({ path: `${path}?uploads`, method: 'POST' });
  const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await init.body.text())[1];
  const etags = [];
  const inFlight = new Set();
  let number = 0;
  for await (const part of partsOf(body())) {
    const n = ++number;
    const headers = { 'content-length': String(part.byteLength) };
    if (o.crc) {
      const c = crc32(part);
      headers['x-amz-checksum-crc32'] = Buffer.from([c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff]).toString('base64');
    }
    const sent = pool.request({ path: `${path}?partNumber=${n}&uploadId=${uploadId}`, method: 'PUT', body: part, headers }).then(async (r) => {
      await r.body.dump();
      if (r.statusCode !== 200) throw new Error(`part ${n}: ${r.statusCode}`);
      etags[n - 1] = r.headers.etag;
    });
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent)).catch(() => {});
    if (inFlight.size >= o.queue) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const xml = `<CompleteMultipartUpload>${etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${e}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
  const done = await pool.request({ path: `${path}?uploadId=${uploadId}`, method: 'POST', body: xml });
  await done.body.dump();
  await pool.close();
}

const message = await measureRun(async () => {
  await run();
  return {};
});
await close();
process.send(message, () => process.exit(0));
