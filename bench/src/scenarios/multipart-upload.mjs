// Scenario 5: a 1 GiB multipart upload from a buffer, a stream and a file, CRC32 on and off:
// GB/s and peak RSS, s3kit TransferManager vs @aws-sdk/lib-storage Upload and minio
// putObject/fPutObject. The server (own process) implements just enough multipart to be fast and
// counts the payload bytes each upload delivered; every client runs in its own forked process so
// its peak RSS (process.resourceUsage().maxRSS) is its own.
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeededRandom } from '@s3kit/primitives';
import { patternBuffer } from '../clients/pattern.mjs';
import { runChild } from '../clients/run-child.mjs';
import { spawnServer } from '../servers/spawn.mjs';
import { shuffled, summarize } from '../stats.mjs';

const MiB = 1024 * 1024;
const SIZES = { full: { bytes: 1024 * MiB, rounds: 3 }, quick: { bytes: 256 * MiB, rounds: 1 }, tiny: { bytes: 8 * MiB, rounds: 1 } };
const PART = 8 * MiB;
const QUEUE = 8;
const serverScript = new URL('../servers/multipart-server.mjs', import.meta.url);
const clientScript = new URL('../clients/upload-client.mjs', import.meta.url);

const IMPLS = [
  { impl: 's3kit-crc', client: 's3kit', crc: true, label: 's3kit TransferManager, CRC32', floorImpl: 'floor-crc' },
  { impl: 'sdk-crc', client: 'sdk', crc: true, label: '@aws-sdk/lib-storage Upload, CRC32', vs: 's3kit-crc' },
  { impl: 's3kit-none', client: 's3kit', crc: false, label: 's3kit TransferManager, no checksum', floorImpl: 'floor-none' },
  { impl: 'sdk-none', client: 'sdk', crc: false, label: '@aws-sdk/lib-storage Upload, no checksum', vs: 's3kit-none' },
  // minio has no CRC32 switch; over HTTP it hashes every part (SHA-256 payload signing), so it is
  // compared with s3kit doing its own integrity work (CRC32).
  { impl: 'minio', client: 'minio', crc: false, vs: 's3kit-crc' },
  // The least code for the same upload: undici PUTs of whole part buffers, 8 in flight, unsigned.
  { impl: 'floor-crc', client: 'floor', crc: true, floor: true, label: 'floor: undici PUTs of the parts, zlib.crc32 per part' },
  { impl: 'floor-none', client: 'floor', crc: false, floor: true, label: 'floor: undici PUTs of the parts, no checksum' },
  // s3kit with the other algorithms S3 takes. Their target is against s3kit without a checksum in
  // the same run (a note below); their floor column is the checksum-free floor, as Node has no raw
  // CRC32C or CRC64NVME to build a per-algorithm floor from. SHA-256 has no full-object form.
  ...[
    ['CRC32C', 'full-object'],
    ['CRC64NVME', 'full-object'],
    ['SHA256', 'composite'],
  ].map(([algorithm, mode]) => ({
    impl: `s3kit-${algorithm.toLowerCase()}`,
    client: 's3kit',
    crc: true,
    algorithm,
    mode,
    reference: true,
    floorImpl: 'floor-none',
    label: `s3kit TransferManager, ${algorithm === 'SHA256' ? 'SHA-256 (composite)' : algorithm}`,
  })),
];

const minioLabel = (source) => `minio ${source === 'file' ? 'fPutObject' : 'putObject'} (signed payload)`;

function scenarioFor(source) {
  const id = `multipart-upload-${source}`;
  return {
    id,
    targets: source === 'file' ? {} : { 'sdk-crc': 2.5, 'sdk-none': 2.5 },
    async run({ size }) {
      // BENCH_CPU_PROF_DIR=dir: write a V8 CPU profile of every s3kit client process there.
      const profileDir = process.env.BENCH_CPU_PROF_DIR;
      const { bytes, rounds } = SIZES[size];
      const server = await spawnServer(serverScript);
      const file = source === 'file' ? join(tmpdir(), `s3kit-bench-upload-${process.pid}.bin`) : undefined;
      if (file) writeFileSync(file, patternBuffer(bytes));
      const impls = IMPLS.map((i) => ({ ...i, label: i.label ?? minioLabel(source) }));
      const series = new Map(impls.map((i) => [i.impl, { gbps: [], rss: [], base: [], cpu: [], main: [], mode: '', checksum: '' }]));
      let n = 0;
      try {
        const random = createSeededRandom(bytes + source.length);
        for (let r = 0; r < rounds; r++) {
          for (const i of shuffled(impls, random)) {
            const key = `up/${source}/${i.impl}/${n++}`;
            const execArgv = profileDir && i.client === 's3kit' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
            const m = await runChild(clientScript, { impl: i.client, source, crc: i.crc, algorithm: i.algorithm, mode: i.mode, size: bytes, port: server.port, key, file, partSize: PART, queue: QUEUE }, { execArgv });
            // Same work: the server saw exactly `bytes` of payload for this upload, in parts.
            const got = await (await fetch(`http://127.0.0.1:${server.port}/__upload?key=${encodeURIComponent(`/bench/${key}`)}`)).json();
            if (!got || got.bytes !== bytes) throw new Error(`${i.label} delivered ${got?.bytes} payload bytes, not ${bytes}`);
            if (bytes > 16 * MiB && i.client !== 'minio' && got.parts < 2) throw new Error(`${i.label} did not upload in parts: ${JSON.stringify(got)}`);
            const s = series.get(i.impl);
            s.gbps.push(bytes / (m.ms / 1000) / 1e9);
            s.rss.push(m.maxRssMiB);
            s.base.push(m.baseRssMiB);
            s.cpu.push(m.cpuMs);
            if (m.mainCpuMs !== undefined) s.main.push(m.mainCpuMs);
            s.mode = got.mode;
            s.checksum = got.checksum;
            s.parts = got.parts;
          }
        }
      } finally {
        await server.stop();
        if (file) rmSync(file, { force: true });
      }
      const rows = impls.map((i) => {
        const s = series.get(i.impl);
        return {
          impl: i.impl,
          label: i.label,
          ...(i.vs ? { vs: i.vs } : {}),
          ...(i.floor ? { floor: true } : {}),
          ...(i.floorImpl ? { floorImpl: i.floorImpl } : {}),
          ...(i.reference ? { reference: true } : {}),
          stats: summarize(s.gbps),
          peakRssMiB: Math.max(...s.rss),
        };
      });
      const notes = [];
      const budget = (PART * QUEUE) / MiB + 64;
      for (const i of impls) {
        const s = series.get(i.impl);
        const cpuSPerGiB = summarize(s.cpu).median / 1000 / (bytes / (1024 * MiB));
        const how = s.parts ? `${s.parts} parts` : 'one PutObject';
        // The main thread is the one that feeds the sockets: what hashing on workers takes off it shows here.
        const main = s.main.length === 0 ? '' : ` (main thread ${(summarize(s.main).median / 1000 / (bytes / (1024 * MiB))).toFixed(2)})`;
        notes.push(`${i.label}: client CPU ${cpuSPerGiB.toFixed(2)} s/GiB${main}; ${how}, x-amz-content-sha256 ${s.mode.length === 64 ? 'a SHA-256' : s.mode}, checksum ${s.checksum}.`);
      }
      // The target is on what the upload adds: peak RSS minus the RSS just before it started (library
      // loaded, client built, a buffer source already resident).
      const added = (impl) => {
        const s = series.get(impl);
        return Math.max(...s.rss.map((peak, k) => peak - s.base[k]));
      };
      notes.push(`RSS added by the upload (peak minus RSS before it started), worst round: ${impls.map((i) => `${i.label} ${added(i.impl).toFixed(0)} MiB`).join('; ')}.`);
      for (const impl of ['s3kit-crc', 's3kit-none']) {
        const peak = added(impl);
        notes.push(`Target: ${impl} RSS added <= part size x parts in flight + 64 MiB (${budget} MiB): ${peak <= budget ? 'met' : 'NOT met'} (${peak.toFixed(0)} MiB).`);
      }
      const speed = (impl) => summarize(series.get(impl).gbps).median;
      for (const i of impls.filter((x) => x.client === 's3kit' && x.crc)) {
        const share = speed(i.impl) / speed('s3kit-none');
        const name = i.algorithm === undefined ? 'CRC32' : i.label.slice('s3kit TransferManager, '.length);
        notes.push(`Target: s3kit with ${name} at least 90% of s3kit without a checksum: ${share >= 0.9 ? 'met' : 'NOT met'} (${(share * 100).toFixed(0)}%).`);
      }
      notes.push(`Part size ${PART / MiB} MiB and ${QUEUE} parts in flight for every client (minio uploads its parts one at a time).`);
      return {
        id,
        title: `5. Multipart upload of ${bytes / MiB} MiB from a ${source}`,
        description:
          `Minimal multipart server in its own process (counts payload bytes per upload, never hashes); each client in its own process, ` +
          `timed from the upload call to its completion; peak RSS is the client process's own high-water mark (VmHWM)${source === 'buffer' ? ', including the source buffer' : ''}.`,
        unit: 'GB/s',
        higherIsBetter: true,
        ours: 's3kit-crc',
        rows,
        notes,
      };
    },
  };
}

/** The three sources of scenario 5. */
export const multipartUploads = ['buffer', 'stream', 'file'].map(scenarioFor);
