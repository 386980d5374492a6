// One multipart upload by one client, in its own process (forked by scenarios/multipart-upload.mjs)
// so that its peak RSS is its own. argv[2] is JSON { impl, source, crc, size, port, key, file,
// partSize, queue }; it answers over IPC with { ms, cpuMs, maxRssMiB, baseRssMiB }: the peak RSS of
// the process and its RSS just before the upload started (library loaded, client built, source
// ready). Only the library under test is imported, so the baseline is its own.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { peakRssMiB, rssMiB } from './memory.mjs';
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
  const { createTransferManager } = await import('@s3kit/s3-transfer');
  const client = new S3Client({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
  const tm = createTransferManager({ client, partSize: o.partSize, concurrency: o.queue, checksum: o.crc ? 'full-object' : 'none' });
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
} else {
  throw new Error(`unknown impl ${o.impl}`);
}

const baseRssMiB = rssMiB();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await run();
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const maxRssMiB = peakRssMiB();
await close();
process.send({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMiB, baseRssMiB }, () => process.exit(0));
