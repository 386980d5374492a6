// One download of the fixed object to a file by one client, in its own process (forked by
// scenarios/download.mjs). argv[2] is JSON { impl, port, key?, file, partSize, queue }; it answers
// over IPC with measureRun's { ms, cpuMs, userMs, systemMs, maxRssMiB, baseRssMiB } (peak RSS, and
// RSS before the download started; only the library under test is imported).
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { measureRun } from './measure.mjs';

const o = JSON.parse(process.argv[2]);
const endpoint = `http://127.0.0.1:${o.port}`;
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const Bucket = 'bench';
// The key picks what the object carries (servers/object-server.mjs): MD5 ETag by default.
const Key = o.key ?? 'big/object.bin';

let run;
let close = async () => {};
if (o.impl === 's3kit') {
  const { S3Client } = await import('@s3kit/s3-core');
  const { createTransferManager } = await import('@s3kit/s3-transfer');
  const client = new S3Client({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
  const tm = createTransferManager({ client, partSize: o.partSize, concurrency: o.queue });
  run = async () => {
    const r = await tm.download({ Bucket, Key }, { to: o.file });
    return r.verifiedBy;
  };
  close = () => client.close();
} else if (o.impl === 'sdk') {
  const { GetObjectCommand, S3Client: SdkClient } = await import('@aws-sdk/client-s3');
  const client = new SdkClient({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
  run = async () => {
    const out = await client.send(new GetObjectCommand({ Bucket, Key }));
    await pipeline(out.Body, createWriteStream(o.file));
  };
  close = async () => client.destroy();
} else if (o.impl === 'minio') {
  const { Client: MinioClient } = await import('minio');
  const client = new MinioClient({ endPoint: '127.0.0.1', port: o.port, useSSL: false, accessKey: credentials.accessKeyId, secretKey: credentials.secretAccessKey, region: 'us-east-1', pathStyle: true });
  run = () => client.fGetObject(Bucket, Key, o.file);
} else if (o.impl === 'floor') {
  // The least code for the same download: undici ranged GETs, `o.queue` in flight, each range
  // written at its offset as it arrives, one positional writev per MiB (the batch s3kit's download
  // writes). No signing, no verification. Holding each whole range for one 8 MiB writev made most
  // runs of this floor spend 1.5-3 s/GiB of system CPU (docs/performance.md, "Download floor").
  const { Pool } = await import('undici');
  const { open } = await import('node:fs/promises');
  const WRITE_BATCH = 1024 * 1024;
  // A pool of `o.queue` connections to the one origin: undici's global request() parses the URL and
  // looks up the origin's pool on every call, which cost a third of the throughput here.
  const pool = new Pool(endpoint, { connections: o.queue });
  close = () => pool.close();
  run = async () => {
    const head = await pool.request({ path: `/${Bucket}/${Key}`, method: 'HEAD' });
    await head.body.dump();
    const size = Number(head.headers['content-length']);
    const fh = await open(o.file, 'w');
    try {
      let next = 0;
      const worker = async () => {
        while (next < size) {
          const start = next;
          next += o.partSize;
          const end = Math.min(size, start + o.partSize) - 1;
          const r = await pool.request({ path: `/${Bucket}/${Key}`, method: 'GET', headers: { range: `bytes=${start}-${end}` } });
          if (r.statusCode !== 206) throw new Error(`range ${start}-${end}: ${r.statusCode}`);
          // The chunks as they came, no copy into a range buffer.
          let at = start;
          let batch = [];
          let batched = 0;
          for await (const chunk of r.body) {
            batch.push(chunk);
            batched += chunk.byteLength;
            if (batched >= WRITE_BATCH) {
              await fh.writev(batch, at);
              at += batched;
              batch = [];
              batched = 0;
            }
          }
          if (batched > 0) await fh.writev(batch, at);
          if (at + batched !== end + 1) throw new Error(`range ${start}-${end}: ${at + batched - start} bytes`);
        }
      };
      await Promise.all(Array.from({ length: o.queue }, worker));
    } finally {
      await fh.close();
    }
  };
} else {
  throw new Error(`unknown impl ${o.impl}`);
}

const message = await measureRun(async () => ({ verifiedBy: await run() }));
await close();
process.send(message, () => process.exit(0));
