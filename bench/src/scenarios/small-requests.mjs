// Scenario 3: small-object GET, PUT and HEAD (1 KiB) at 1 and 16 in flight against a minimal local
// server with fixed responses (in its own process, so the client is measured, not the server):
// requests/s, client CPU per request and latency percentiles, s3kit vs @aws-sdk/client-s3 and minio,
// with undici's unsigned Pool.request as the floor.
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client as SdkClient } from '@aws-sdk/client-s3';
import { Client as MinioClient } from 'minio';
import { Pool } from 'undici';
import { S3Client } from '@s3kit/s3-core';
import { createSeededRandom } from '@s3kit/primitives';
import { spawnServer } from '../servers/spawn.mjs';
import { percentile, shuffled, summarize } from '../stats.mjs';

const SIZES = { full: { rounds: 3, ms: 1500 }, quick: { rounds: 2, ms: 300 }, tiny: { rounds: 1, ms: 30 } };
const BODY = 1024;
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const Bucket = 'bench';
const Key = 'small/object.bin';
const serverScript = new URL('../servers/fixed-server.mjs', import.meta.url);

async function drain(stream) {
  let n = 0;
  for await (const c of stream) n += c.length;
  return n;
}

/** One client per implementation, each with get/put/head returning the bytes it moved. */
function clients(port) {
  const endpoint = `http://127.0.0.1:${port}`;
  const payload = Buffer.alloc(BODY, 'y');
  const ours = new S3Client({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
  const sdk = new SdkClient({
    endpoint,
    region: 'us-east-1',
    credentials,
    forcePathStyle: true,
    // Same work as s3kit on a custom endpoint: no flexible checksum unless required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const minio = new MinioClient({ endPoint: '127.0.0.1', port, useSSL: false, accessKey: credentials.accessKeyId, secretKey: credentials.secretAccessKey, region: 'us-east-1', pathStyle: true });
  const pool = new Pool(endpoint, { connections: 64 });
  return {
    impls: [
      {
        impl: 's3kit',
        label: 's3kit',
        GET: async () => (await (await ours.getObject({ Bucket, Key })).Body.bytes()).byteLength,
        PUT: async () => (await ours.putObject({ Bucket, Key, Body: payload }), BODY),
        HEAD: async () => (await ours.headObject({ Bucket, Key })).ContentLength,
      },
      {
        impl: 'sdk',
        label: '@aws-sdk/client-s3',
        GET: async () => (await (await sdk.send(new GetObjectCommand({ Bucket, Key }))).Body.transformToByteArray()).byteLength,
        PUT: async () => (await sdk.send(new PutObjectCommand({ Bucket, Key, Body: payload })), BODY),
        HEAD: async () => (await sdk.send(new HeadObjectCommand({ Bucket, Key }))).ContentLength,
      },
      {
        impl: 'minio',
        label: 'minio',
        GET: async () => drain(await minio.getObject(Bucket, Key)),
        PUT: async () => (await minio.putObject(Bucket, Key, payload, BODY), BODY),
        HEAD: async () => (await minio.statObject(Bucket, Key)).size,
      },
      {
        impl: 'floor',
        label: 'undici Pool.request, unsigned (floor)',
        floor: true,
        GET: async () => Buffer.from(await (await pool.request({ path: `/${Bucket}/${Key}`, method: 'GET' })).body.arrayBuffer()).byteLength,
        PUT: async () => {
          const r = await pool.request({ path: `/${Bucket}/${Key}`, method: 'PUT', body: payload, headers: { 'content-length': String(BODY) } });
          await r.body.dump();
          return BODY;
        },
        HEAD: async () => {
          // Keep-alive as s3kit does: undici closes the connection after a HEAD unless told otherwise.
          const r = await pool.request({ path: `/${Bucket}/${Key}`, method: 'HEAD', reset: false });
          await r.body.dump();
          return Number(r.headers['content-length']);
        },
      },
    ],
    close: async () => {
      await ours.close();
      sdk.destroy();
      await pool.close();
    },
  };
}

async function load(fn, concurrency, ms) {
  const latencies = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const deadline = t0 + ms;
  const worker = async () => {
    while (performance.now() < deadline) {
      const s = performance.now();
      await fn();
      latencies.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { reqPerSec: latencies.length / secs, cpuUsPerOp: (cpu.user + cpu.system) / latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

function scenarioFor(op, concurrency) {
  const id = `small-${op.toLowerCase()}-c${concurrency}`;
  return {
    id,
    targets: { sdk: 8, minio: 2 },
    async run({ size }) {
      const { rounds, ms } = SIZES[size];
      const server = await spawnServer(serverScript, { BODY_SIZE: String(BODY) });
      const { impls, close } = clients(server.port);
      const notes = [];
      try {
        // Same work: every client moves the same bytes, and the signed ones really sign.
        for (const impl of impls) {
          const before = await server.stats();
          const n = await impl[op]();
          const after = await server.stats();
          if (op !== 'HEAD' && n !== BODY) throw new Error(`${impl.label} ${op} moved ${n} bytes, not ${BODY}`);
          if (op === 'HEAD' && n !== BODY) throw new Error(`${impl.label} HEAD reported length ${n}`);
          if (op === 'PUT' && after.bytesIn - before.bytesIn !== BODY) throw new Error(`${impl.label} PUT sent ${after.bytesIn - before.bytesIn} body bytes`);
          if (!impl.floor && after.authorized - before.authorized < 1) throw new Error(`${impl.label} sent no SigV4 Authorization`);
        }
        // Warm-up: JIT, connection pools and caches settle before anything is timed.
        for (const impl of impls) await load(impl[op], concurrency, Math.max(20, ms / 2));
        const series = new Map(impls.map((i) => [i.impl, { rps: [], cpu: [], p50: [], p99: [] }]));
        const random = createSeededRandom(concurrency);
        for (let r = 0; r < rounds; r++) {
          for (const impl of shuffled(impls, random)) {
            const m = await load(impl[op], concurrency, ms);
            const s = series.get(impl.impl);
            s.rps.push(m.reqPerSec);
            s.cpu.push(m.cpuUsPerOp);
            s.p50.push(m.p50);
            s.p99.push(m.p99);
          }
        }
        const rows = impls.map((i) => {
          const s = series.get(i.impl);
          return { impl: i.impl, label: i.label, floor: Boolean(i.floor), stats: summarize(s.rps), cpuUsPerOp: summarize(s.cpu).median };
        });
        for (const i of impls) {
          const s = series.get(i.impl);
          notes.push(`${i.label}: p50 ${summarize(s.p50).median.toFixed(2)} ms, p99 ${summarize(s.p99).median.toFixed(2)} ms`);
        }
        if (op === 'GET') {
          const cpu = rows[0].cpuUsPerOp;
          notes.push(`Target: <= 100 us client CPU per signed small GET: ${cpu <= 100 ? 'met' : 'NOT met'} (${cpu.toFixed(0)} us).`);
        }
        return {
          id,
          title: `3. Small ${op} (1 KiB) at ${concurrency} in flight`,
          description: 'Fixed-response server in a separate process; client CPU from process.cpuUsage over each timed window.',
          unit: 'req/s',
          higherIsBetter: true,
          ours: 's3kit',
          rows,
          notes,
        };
      } finally {
        await close();
        await server.stop();
      }
    },
  };
}

/** The six cells of scenario 3. */
export const smallRequests = ['GET', 'PUT', 'HEAD'].flatMap((op) => [1, 16].map((c) => scenarioFor(op, c)));
