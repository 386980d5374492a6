// Scenario 2: checksum throughput (GB/s, one core) of what s3kit uses vs the implementations the
// AWS SDK for JavaScript v3 uses (@aws-sdk/checksums, @smithy/core/checksum), on the same buffer,
// fed in 64 KiB pieces as a stream would feed them. Every pair must produce the same digest.
import { randomFillSync } from 'node:crypto';
import { Crc32, Crc32c, Crc64Nvme } from '@aws-sdk/checksums/crc';
import { Md5, Sha256 } from '@smithy/core/checksum';
import { createChecksum } from '@s3kit/s3-core';
import { createSeededRandom } from '@s3kit/primitives';
import { shuffled, summarize } from '../stats.mjs';

const SIZES = { full: { rounds: 5, mib: 64 }, quick: { rounds: 3, mib: 16 }, tiny: { rounds: 1, mib: 1 } };
const PIECE = 64 * 1024;
const SDK = { CRC32: () => new Crc32(), CRC32C: () => new Crc32c(), CRC64NVME: () => new Crc64Nvme(), SHA256: () => new Sha256(), MD5: () => new Md5() };

const b64 = (bytes) => Buffer.from(bytes).toString('base64');

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
    const rows = [];
    const random = createSeededRandom(3);
    for (const alg of Object.keys(SDK)) {
      const a = await ours(alg);
      const b = await sdk(alg);
      if (a !== b) throw new Error(`${alg}: s3kit ${a} != AWS SDK ${b}`);
      const impls = [
        { impl: `s3kit-${alg}`, label: `s3kit ${alg}`, run: () => ours(alg) },
        { impl: `sdk-${alg}`, label: `AWS SDK v3 ${alg}`, run: () => sdk(alg) },
      ];
      const series = new Map(impls.map((i) => [i.impl, []]));
      for (let r = 0; r < rounds; r++) {
        for (const impl of shuffled(impls, random)) {
          const t0 = process.hrtime.bigint();
          await impl.run();
          series.get(impl.impl).push(data.byteLength / 1e9 / (Number(process.hrtime.bigint() - t0) / 1e9));
        }
      }
      for (const i of impls) rows.push({ impl: i.impl, label: i.label, stats: summarize(series.get(i.impl)) });
    }
    return {
      id: 'checksums',
      title: `2. Checksums (${mib} MiB in 64 KiB pieces, one core)`,
      description: 'Same buffer, same digests checked before timing. CRC32 is native (node:zlib) on both sides; CRC32C and CRC64NVME are pure JavaScript on both sides (the SDK uses a CRT addon for CRC64NVME only when installed).',
      unit: 'GB/s',
      higherIsBetter: true,
      ours: 's3kit-CRC32',
      rows,
      notes: [],
      // Ratios are per algorithm (in the notes); the generic one-vs-all table would mix algorithms.
      perAlgorithm: true,
    };
  },
};
