// Scenario 6: a 1 GiB download to a file: GB/s and peak RSS, s3kit TransferManager download
// (parallel ranged GETs) vs @aws-sdk/client-s3 GetObject piped to a file and minio fGetObject,
// from a server (own process) streaming a generated object with Range support and an ETag. Each
// client runs in its own process; every written file's size and CRC32 are checked before reporting.
import { createReadStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { createSeededRandom } from '@s3kit/primitives';
import { BLOCK, patternBlock } from '../clients/pattern.mjs';
import { runChild } from '../clients/run-child.mjs';
import { spawnServer } from '../servers/spawn.mjs';
import { shuffled, summarize } from '../stats.mjs';

const MiB = 1024 * 1024;
// Five rounds at full size: between identical runs on this shared VM the kernel's share of the
// work (system CPU writing the page cache) moves from 0.4 to 2.2 s/GiB, and the GB/s with it.
const SIZES = { full: { bytes: 1024 * MiB, rounds: 5 }, quick: { bytes: 256 * MiB, rounds: 1 }, tiny: { bytes: 8 * MiB, rounds: 1 } };
const PART = 8 * MiB;
const QUEUE = 8;
const serverScript = new URL('../servers/object-server.mjs', import.meta.url);
const clientScript = new URL('../clients/download-client.mjs', import.meta.url);
// Keys of servers/object-server.mjs: what the object carries decides what s3kit can verify.
const MD5_KEY = 'big/object.bin';
const CRC32_KEY = 'big/crc32.bin';
const OPAQUE_KEY = 'big/opaque.bin';
const IMPLS = [
  { impl: 's3kit', label: 's3kit TransferManager download (8 MiB ranges, 8 in flight)' },
  // The same download of an object with a full-object CRC32 (as s3-transfer's uploads store), and
  // of one whose ETag is no MD5 and that has no checksum (nothing to verify but the size): the
  // verified/unverified pair in the same run. Both are s3kit rows beside the peers, not peers.
  { impl: 's3kit-crc32', client: 's3kit', key: CRC32_KEY, reference: true, label: 's3kit download, object with a full-object CRC32' },
  { impl: 's3kit-unverified', client: 's3kit', key: OPAQUE_KEY, reference: true, label: 's3kit download, object with no checksum and no MD5 ETag (size only)' },
  { impl: 'sdk', label: '@aws-sdk/client-s3 GetObject piped to a file' },
  { impl: 'minio', label: 'minio fGetObject' },
  { impl: 'floor', label: 'floor: undici ranged GETs (8 MiB, 8 in flight), written as they arrive, one positional writev per MiB', floor: true },
];

function expectedCrc(bytes) {
  const block = patternBlock();
  let c = 0;
  for (let o = 0; o < bytes; o += BLOCK) c = crc32(o + BLOCK <= bytes ? block : block.subarray(0, bytes - o), c);
  return c;
}

async function fileCrc(path) {
  let c = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: BLOCK })) c = crc32(chunk, c);
  return c;
}

export const download = {
  id: 'download-file',
  targets: { sdk: 1.5 },
  async run({ size }) {
    const { bytes, rounds } = SIZES[size];
    const profileDir = process.env.BENCH_CPU_PROF_DIR;
    const server = await spawnServer(serverScript, { OBJECT_SIZE: String(bytes) });
    const file = join(tmpdir(), `s3kit-bench-download-${process.pid}.bin`);
    const want = expectedCrc(bytes);
    const series = new Map(IMPLS.map((i) => [i.impl, { gbps: [], rss: [], added: [], cpu: [], user: [], system: [], verifiedBy: '' }]));
    try {
      const random = createSeededRandom(bytes);
      for (let r = 0; r < rounds; r++) {
        for (const i of shuffled(IMPLS, random)) {
          rmSync(file, { force: true });
          const execArgv = profileDir && (i.client ?? i.impl) === 's3kit' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
          const m = await runChild(clientScript, { impl: i.client ?? i.impl, key: i.key ?? MD5_KEY, port: server.port, file, partSize: PART, queue: QUEUE }, { execArgv });
          // Same work: the file holds exactly the object.
          const got = statSync(file).size;
          if (got !== bytes) throw new Error(`${i.label} wrote ${got} bytes, not ${bytes}`);
          const crc = await fileCrc(file);
          if (crc !== want) throw new Error(`${i.label} wrote different bytes (CRC32 ${crc} != ${want})`);
          const s = series.get(i.impl);
          s.gbps.push(bytes / (m.ms / 1000) / 1e9);
          s.rss.push(m.maxRssMiB);
          s.added.push(m.maxRssMiB - m.baseRssMiB);
          s.cpu.push(m.cpuMs);
          s.user.push(m.userMs);
          s.system.push(m.systemMs);
          if (m.verifiedBy) s.verifiedBy = m.verifiedBy;
        }
      }
    } finally {
      await server.stop();
      rmSync(file, { force: true });
    }
    const rows = IMPLS.map((i) => {
      const s = series.get(i.impl);
      return { impl: i.impl, label: i.label, ...(i.floor ? { floor: true } : {}), ...(i.reference ? { reference: true } : {}), stats: summarize(s.gbps), peakRssMiB: Math.max(...s.rss) };
    });
    const perGiB = (ms) => ms / 1000 / (bytes / (1024 * MiB));
    const notes = IMPLS.map((i) => {
      const s = series.get(i.impl);
      return (
        `${i.label}: client CPU ${perGiB(summarize(s.cpu).median).toFixed(2)} s/GiB ` +
        `(user ${perGiB(summarize(s.user).median).toFixed(2)}, system ${perGiB(summarize(s.system).median).toFixed(2)}), ` +
        `RSS added by the download ${Math.max(...s.added).toFixed(0)} MiB${s.verifiedBy ? `; verified by ${s.verifiedBy}` : ''}.`
      );
    });
    // User CPU is the code's own cost; system CPU and GB/s also carry the kernel's page cache work,
    // which is the same for every client and the noisiest part of a run here.
    const user = (impl) => summarize(series.get(impl).user).median;
    const system = IMPLS.flatMap((i) => series.get(i.impl).system);
    notes.push(
      `User CPU, the client code's own cost: s3kit ${perGiB(user('s3kit')).toFixed(2)} s/GiB, the floor ${perGiB(user('floor')).toFixed(2)} s/GiB ` +
        `(s3kit ${(user('s3kit') / user('floor')).toFixed(2)}x the floor's); ` +
        `system CPU per run ranged ${perGiB(Math.min(...system)).toFixed(2)}-${perGiB(Math.max(...system)).toFixed(2)} s/GiB over all clients.`,
    );
    const speed = (impl) => summarize(series.get(impl).gbps).median;
    const unverified = speed('s3kit-unverified');
    for (const impl of ['s3kit-crc32', 's3kit']) {
      const share = speed(impl) / unverified;
      const what = impl === 's3kit' ? 'an MD5 ETag (single PUT)' : 'a full-object CRC32';
      const by = series.get(impl).verifiedBy;
      // A download verified by size did the unverified work: its share is no verified speed.
      const status = by === 'size' ? 'NOT met: verified by size only' : `${share >= 0.9 ? 'met' : 'NOT met'}, verified by ${by}`;
      notes.push(`Target: the download of an object with ${what} at least 90% of the unverified download: ${status} (${(share * 100).toFixed(0)}%).`);
    }
    notes.push(
      `The object's bytes are the same under every key; the peers and the floor fetch the MD5-ETag key. Under that key the server returns an MD5 ETag and no checksum, so no client hashes the body${bytes <= PART ? ' (except s3kit, which checks the MD5 of an object that fits one range)' : ''}; ` +
        "the harness checks each file's size and CRC32 after each run.",
    );
    return {
      id: 'download-file',
      title: `6. Download of ${bytes / MiB} MiB to a file`,
      description: 'Generated object (Range, ETag) served from its own process; each client in its own process, timed from the call to the file being complete.',
      unit: 'GB/s',
      higherIsBetter: true,
      ours: 's3kit',
      rows,
      notes,
    };
  },
};
