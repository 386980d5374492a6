/**
 * MD5, SHA-1 and SHA-256 in plain JavaScript, incremental and synchronous: the hashes s3kit needs
 * where `node:crypto` is missing (browsers, workerd). WebCrypto cannot stand in: its digest is
 * one-shot and asynchronous, while checksums of streamed bodies, aws-chunked chunk signatures and
 * `signSync` need to hash piece by piece, synchronously. MD5 is not in WebCrypto at all.
 * FIPS 180-4 (SHA-1, SHA-256), RFC 1321 (MD5).
 */
import { bytesToBase64, bytesToHex } from './byte-encoding.js';
import { ValidationError } from '../errors/errors.js';

/** The algorithms {@link createJsHash} computes. */
export type JsHashAlgorithm = 'md5' | 'sha1' | 'sha256';

/** An incremental hash. */
export interface JsHash {
  /** The algorithm. */
  readonly algorithm: JsHashAlgorithm;
  /** Adds bytes (a string is UTF-8 encoded). Returns the same hash. */
  update(data: Uint8Array | string): JsHash;
  /** The digest of everything added so far (the hash can go on being updated). */
  digest(): Uint8Array;
  /** An independent copy of the current state. */
  copy(): JsHash;
}

const encoder = new TextEncoder();

const SHA256_K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

// MD5's per-round shift amounts and sine-derived constants.
const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = new Uint32Array(64).map((_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));
const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** One algorithm: its initial state, block function and byte order. */
interface Spec {
  algorithm: JsHashAlgorithm;
  init: readonly number[];
  littleEndian: boolean;
  compress(state: Uint32Array, w: Uint32Array, block: DataView, offset: number): void;
}

const SHA256: Spec = {
  algorithm: 'sha256',
  init: [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19],
  littleEndian: false,
  compress(h, w, block, offset) {
    for (let i = 0; i < 16; i++) w[i] = block.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[i]! + w[i]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
    h[5] = h[5]! + f;
    h[6] = h[6]! + g;
    h[7] = h[7]! + hh;
  },
};

const SHA1: Spec = {
  algorithm: 'sha1',
  init: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0],
  littleEndian: false,
  compress(h, w, block, offset) {
    for (let i = 0; i < 16; i++) w[i] = block.getUint32(offset + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let [a, b, c, d, e] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!];
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
  },
};

const MD5: Spec = {
  algorithm: 'md5',
  init: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476],
  littleEndian: true,
  compress(h, w, block, offset) {
    for (let i = 0; i < 16; i++) w[i] = block.getUint32(offset + i * 4, true);
    let [a, b, c, d] = [h[0]!, h[1]!, h[2]!, h[3]!];
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      const f = round === 0 ? (b & c) | (~b & d) : round === 1 ? (d & b) | (~d & c) : round === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = round === 0 ? i : round === 1 ? (5 * i + 1) & 15 : round === 2 ? (3 * i + 5) & 15 : (7 * i) & 15;
      const t = d;
      d = c;
      c = b;
      b = (b + rotl((a + f + MD5_K[i]! + w[g]!) | 0, MD5_S[(round << 2) | (i & 3)]!)) | 0;
      a = t;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
  },
};

const SPECS: Readonly<Record<JsHashAlgorithm, Spec>> = { md5: MD5, sha1: SHA1, sha256: SHA256 };

class BlockHash implements JsHash {
  readonly algorithm: JsHashAlgorithm;
  readonly #spec: Spec;
  readonly #state: Uint32Array;
  readonly #buffer = new Uint8Array(64);
  readonly #view = new DataView(this.#buffer.buffer);
  readonly #w = new Uint32Array(80);
  #buffered = 0;
  #length = 0;

  constructor(spec: Spec, state?: Uint32Array, buffer?: Uint8Array, buffered = 0, length = 0) {
    this.algorithm = spec.algorithm;
    this.#spec = spec;
    this.#state = state ? state.slice() : Uint32Array.from(spec.init);
    if (buffer) this.#buffer.set(buffer);
    this.#buffered = buffered;
    this.#length = length;
  }

  update(data: Uint8Array | string): JsHash {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    let pos = 0;
    this.#length += bytes.byteLength;
    if (this.#buffered > 0) {
      const take = Math.min(64 - this.#buffered, bytes.byteLength);
      this.#buffer.set(bytes.subarray(0, take), this.#buffered);
      this.#buffered += take;
      pos = take;
      if (this.#buffered < 64) return this;
      this.#spec.compress(this.#state, this.#w, this.#view, 0);
      this.#buffered = 0;
    }
    if (bytes.byteLength - pos >= 64) {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (; pos + 64 <= bytes.byteLength; pos += 64) this.#spec.compress(this.#state, this.#w, view, pos);
    }
    if (pos < bytes.byteLength) {
      this.#buffer.set(bytes.subarray(pos), 0);
      this.#buffered = bytes.byteLength - pos;
    }
    return this;
  }

  digest(): Uint8Array {
    const spec = this.#spec;
    const state = this.#state.slice();
    const tail = new Uint8Array(this.#buffered < 56 ? 64 : 128);
    tail.set(this.#buffer.subarray(0, this.#buffered));
    tail[this.#buffered] = 0x80;
    const view = new DataView(tail.buffer);
    const bits = this.#length * 8;
    const lengthAt = tail.byteLength - 8;
    const high = Math.floor(bits / 2 ** 32);
    const low = bits >>> 0;
    if (spec.littleEndian) {
      view.setUint32(lengthAt, low, true);
      view.setUint32(lengthAt + 4, high, true);
    } else {
      view.setUint32(lengthAt, high);
      view.setUint32(lengthAt + 4, low);
    }
    const w = new Uint32Array(80);
    for (let offset = 0; offset < tail.byteLength; offset += 64) spec.compress(state, w, view, offset);
    const out = new Uint8Array(state.length * 4);
    const outView = new DataView(out.buffer);
    for (let i = 0; i < state.length; i++) outView.setUint32(i * 4, state[i]!, spec.littleEndian);
    return out;
  }

  copy(): JsHash {
    return new BlockHash(this.#spec, this.#state, this.#buffer, this.#buffered, this.#length);
  }
}

/**
 * Creates an incremental MD5, SHA-1 or SHA-256 in plain JavaScript (same digests as `node:crypto`).
 * @example
 * ```ts
 * const digest = createJsHash('sha256').update('hello').digest();
 * ```
 */
export function createJsHash(algorithm: JsHashAlgorithm): JsHash {
  return new BlockHash(SPECS[algorithm]);
}

/** The part of `node:crypto`'s `Hash` s3kit uses, over {@link createJsHash}: where `node:crypto` is missing. */
export interface DigestHash {
  /** Adds bytes (a string is UTF-8 encoded). Returns the same hash. */
  update(data: Uint8Array | string): DigestHash;
  /** The digest as bytes. */
  digest(): Uint8Array;
  /** The digest as lower-case hex or standard base64. */
  digest(encoding: 'hex' | 'base64'): string;
}

/**
 * Starts an `md5`, `sha1` or `sha256` hash shaped like `node:crypto`'s `createHash` (the subset above).
 * @throws {ValidationError} `ERR_VALIDATION` for another algorithm.
 * @example `createDigestHash('md5').update(body).digest('hex')`
 */
export function createDigestHash(algorithm: string): DigestHash {
  if (!Object.hasOwn(SPECS, algorithm)) throw new ValidationError({ field: 'algorithm', rule: 'must be md5, sha1 or sha256', value: algorithm });
  const hash = createJsHash(algorithm as JsHashAlgorithm);
  function digest(): Uint8Array;
  function digest(encoding: 'hex' | 'base64'): string;
  function digest(encoding?: 'hex' | 'base64'): Uint8Array | string {
    const bytes = hash.digest();
    return encoding === 'hex' ? bytesToHex(bytes) : encoding === 'base64' ? bytesToBase64(bytes) : bytes;
  }
  const self: DigestHash = {
    update(data) {
      hash.update(data);
      return self;
    },
    digest,
  };
  return self;
}
