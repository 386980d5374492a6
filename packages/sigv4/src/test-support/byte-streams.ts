/** Test helpers: byte sources cut into pieces, and collecting them back. */
import { createSeededRandom } from '@s3kit/primitives';

/** All the bytes of `source`, concatenated. */
export async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const p of source) parts.push(p);
  return Buffer.concat(parts);
}

/** Feeds bytes in pieces cut at seeded random points (1 to `max` bytes). */
export async function* pieces(bytes: Uint8Array, seed = 1, max = 7000): AsyncGenerator<Uint8Array> {
  const random = createSeededRandom(seed);
  for (let i = 0; i < bytes.byteLength; ) {
    const n = 1 + Math.floor(random() * max);
    yield bytes.subarray(i, i + n);
    i += n;
  }
}

/** Feeds `bytes` in one piece. */
export async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
