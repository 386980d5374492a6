import { CRC32C_POLY } from './crc32c.js';
import { CRC32_POLY } from './crc32.js';

/**
 * CRC combination: the CRC of `A + B` from `crc(A)`, `crc(B)` and the length of `B`, without the
 * data. This is how S3's FULL_OBJECT checksum of a multipart upload follows from its parts' CRCs.
 * The math is zlib's `crc32_combine` (multiply `crc(A)` by x^(8·len(B)) modulo the polynomial in
 * GF(2), then XOR `crc(B)`), written once over `bigint` so one routine serves the 32- and 64-bit
 * CRCs; it runs once per part, not per byte.
 */
interface CrcSpec {
  readonly width: bigint;
  readonly poly: bigint;
  /** x^(2^k) mod p for k = 0..63: multiplying by x^(8n) takes one table entry per set bit of n. */
  readonly powers: bigint[];
}

function multiplyModP(spec: CrcSpec, a: bigint, b: bigint): bigint {
  // Reflected representation: the top bit is x^0.
  let m = 1n << (spec.width - 1n);
  let p = 0n;
  let x = b;
  while (m !== 0n) {
    if ((a & m) !== 0n) p ^= x;
    m >>= 1n;
    x = (x & 1n) !== 0n ? (x >> 1n) ^ spec.poly : x >> 1n;
  }
  return p;
}

function makeSpec(width: number, poly: bigint): CrcSpec {
  const spec: CrcSpec = { width: BigInt(width), poly, powers: [] };
  // x^1 in reflected form.
  let power = 1n << BigInt(width - 2);
  for (let k = 0; k < 64; k++) {
    spec.powers.push(power);
    power = multiplyModP(spec, power, power);
  }
  return spec;
}

/** x^(8·n) mod p. */
function xPow8n(spec: CrcSpec, n: number): bigint {
  let p = 1n << (spec.width - 1n); // x^0
  let k = 3; // 8·n = n·2^3
  let rest = n;
  while (rest > 0) {
    if (rest % 2 === 1) p = multiplyModP(spec, spec.powers[k]!, p);
    rest = Math.floor(rest / 2);
    k++;
  }
  return p;
}

function combine(spec: CrcSpec, crcA: bigint, crcB: bigint, lenB: number): bigint {
  if (!Number.isSafeInteger(lenB) || lenB < 0) throw new RangeError(`lenB must be a non-negative safe integer, got ${lenB}`);
  return multiplyModP(spec, xPow8n(spec, lenB), crcA) ^ crcB;
}

let crc32Spec: CrcSpec | undefined;
let crc32cSpec: CrcSpec | undefined;
let crc64Spec: CrcSpec | undefined;

/**
 * CRC32 of `A + B` from `crc32(A)`, `crc32(B)` and `B`'s length in bytes.
 * @throws {RangeError} when `lenB` is negative or not a safe integer.
 * @example `crc32Combine(crc32(a), crc32(b), b.length) === crc32(concat(a, b))`
 */
export function crc32Combine(crcA: number, crcB: number, lenB: number): number {
  crc32Spec ??= makeSpec(32, BigInt(CRC32_POLY));
  return Number(combine(crc32Spec, BigInt(crcA >>> 0), BigInt(crcB >>> 0), lenB));
}

/** CRC32C of `A + B` from `crc32c(A)`, `crc32c(B)` and `B`'s length; see {@link crc32Combine}. */
export function crc32cCombine(crcA: number, crcB: number, lenB: number): number {
  crc32cSpec ??= makeSpec(32, BigInt(CRC32C_POLY));
  return Number(combine(crc32cSpec, BigInt(crcA >>> 0), BigInt(crcB >>> 0), lenB));
}

/** CRC64NVME of `A + B` from `crc64Nvme(A)`, `crc64Nvme(B)` and `B`'s length; see {@link crc32Combine}. */
export function crc64NvmeCombine(crcA: bigint, crcB: bigint, lenB: number): bigint {
  crc64Spec ??= makeSpec(64, 0x9a6c9329ac4bc9b5n);
  return combine(crc64Spec, crcA, crcB, lenB);
}
