// Scenario 2: checksum throughput (GB/s, one core) of what s3kit uses vs the implementations the
// AWS SDK for JavaScript v3 uses (@aws-sdk/checksums, @smithy/core/checksum), on the same buffer,
// fed in 64 KiB pieces as a stream would feed them. Every pair must produce the same digest.
import { createHash, randomFillSync } from 'node:crypto';
import * as zlib from 'node:zlib';
import { Crc32, Crc32c, Crc64Nvme } from '@aws-sdk/checksums/crc';
import { Md5, Sha256 } from '@smithy/core/checksum';
import { createChecksum } from '@s3kit/s3-core';
import { createSeededRandom } from '@s3kit/primitives';
import { shuffled, summarize } from '../stats.mjs';

const SIZES = { full: { rounds: 5, mib: 64 }, quick: { rounds: 3, mib: 16 }, tiny: { rounds: 1, mib: 1 } };
const PIECE = 64 * 1024;
const SDK = { CRC32: () => new Crc32(), CRC32C: () => new Crc32c(), CRC64NVME: () => new Crc64Nvme(), SHA256: () => new Sha256(), MD5: () => new Md5() };

const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const crc32Bytes = (n) => Buffer.from([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);

/** The least code for each digest where Node has it built in (zlib.crc32 since Node 20.15, node:crypto). */
const FLOORS = {
  CRC32: { label: 'floor: zlib.crc32', start: () => 0, update: (s, piece) => zlib.crc32(piece, s), digest: crc32Bytes },
  SHA256: { label: 'floor: node:crypto SHA-256', start: () => createHash('sha256'), update: (h, piece) => h.update(piece), digest: (h) => h.digest() },
  MD5: { label: 'floor: node:crypto MD5', start: () => createHash('md5'), update: (h, piece) => h.update(piece), digest: (h) => h.digest() },
};

export const checksums = {
  id: 'checksums',
  targets: {},
  async run({ size }) {
    const { rounds, mib } = SIZES[size];
    const data = randomFillSync(new Uint8Array(mib * 1024 * 1024));
    const ours = async (alg) => {
      const c = createChecksum(alg);
      for (let o = 0; o < data.byteLength; o += PIECE) c.update(data.subarray(o, o + PIECE));
      return b64(c.digest());
    };
    const sdk = async (alg) => {
      const c = SDK[alg]();
      for (let o = 0; o < data.byteLength; o += PIECE) c.update(data.subarray(o, o + PIECE));
      return b64(await c.digest());
    };
    const floor = async (alg) => {
      const f = FLOORS[alg];
      let state = f.start();
      for (let o = 0; o < data.byteLength; o += PIECE) state = f.update(state, data.subarray(o, o + PIECE)) ?? state;
      return b64(f.digest(state));
    };
    const rows = [];
    const random = createSeededRandom(3);
    const hasNativeCrc32 = typeof zlib.crc32 === 'function';
    for (const alg of Object.keys(SDK)) {
      const a = await ours(alg);
      const b = await sdk(alg);
      if (a !== b) throw new Error(`${alg}: s3kit ${a} != AWS SDK ${b}`);
      const withFloor = FLOORS[alg] !== undefined && (alg !== 'CRC32' || hasNativeCrc32);
      if (withFloor && (await floor(alg)) !== a) throw new Error(`${alg}: s3kit ${a} != floor ${await floor(alg)}`);
      const impls = [
        { impl: `s3kit-${alg}`, label: `s3kit ${alg}`, run: () => ours(alg), floorImpl: withFloor ? `floor-${alg}` : undefined },
        { impl: `sdk-${alg}`, label: `AWS SDK v3 ${alg}`, run: () => sdk(alg) },
        ...(withFloor ? [{ impl: `floor-${alg}`, label: FLOORS[alg].label, run: () => floor(alg), floor: true }] : []),
      ];
      const series = new Map(impls.map((i) => [i.impl, []]));
      for (let r = 0; r < rounds; r++) {
        for (const impl of shuffled(impls, random)) {
          const t0 = process.hrtime.bigint();
          await impl.run();
          series.get(impl.impl).push(data.byteLength / 1e9 / (Number(process.hrtime.bigint() - t0) / 1e9));
        }
      }
      for (const i of impls) rows.push({ impl: i.impl, label: i.label, ...(i.floor ? { floor: true } : {}), ...(i.floorImpl ? { floorImpl: i.floorImpl } : {}), stats: summarize(series.get(i.impl)) });
    }
    return {
      id: 'checksums',
      title: `2. Checksums (${mib} MiB in 64 KiB pieces, one core)`,
      description: 'Same buffer, same digests checked before timing. CRC32 is native (node:zlib) on both sides; CRC32C and CRC64NVME are pure JavaScript on both sides (the SDK uses a CRT addon for CRC64NVME only when installed).',
      unit: 'GB/s',
      higherIsBetter: true,
      ours: 's3kit-CRC32',
      rows,
      notes: ['CRC32C and CRC64NVME have no floor: Node has no built-in for them, and the table-driven JavaScript measured here is the least code that computes them.'],
      // Ratios are per algorithm (in the notes); the generic one-vs-all table would mix algorithms.
      perAlgorithm: true,
    };
  },
};
