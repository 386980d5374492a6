// The bytes every transfer scenario moves: a 1 MiB pseudo-random block, repeated. Cheap to
// generate anywhere (servers and clients agree without sharing state) and not compressible.
import { createHash } from 'node:crypto';

export const BLOCK = 1024 * 1024;

/** The 1 MiB block (xorshift32 from a fixed seed). */
export function patternBlock() {
  const block = Buffer.allocUnsafe(BLOCK);
  let x = 0x9e3779b9;
  for (let i = 0; i < BLOCK; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    block.writeUInt32LE(x >>> 0, i);
  }
  return block;
}

/** A buffer of `size` bytes of the pattern. */
export function patternBuffer(size) {
  const block = patternBlock();
  const out = Buffer.allocUnsafe(size);
  for (let o = 0; o < size; o += BLOCK) block.copy(out, o, 0, Math.min(BLOCK, size - o));
  return out;
}

/** SHA-256 (hex) of the first `size` bytes of the pattern, for checking written files. */
export function patternSha256(size) {
  const block = patternBlock();
  const h = createHash('sha256');
  for (let o = 0; o < size; o += BLOCK) h.update(o + BLOCK <= size ? block : block.subarray(0, size - o));
  return h.digest('hex');
}
