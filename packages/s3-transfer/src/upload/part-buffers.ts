/**
 * Part buffers recycled within one upload. A 1 GiB upload in 8 MiB parts would otherwise allocate
 * 128 buffers that live outside the V8 heap until a GC notices them: peak RSS then grows well past
 * part size x parts in flight. Recycling keeps it at what the memory budget promises.
 */

/**
 * `size` bytes of arbitrary content: `Buffer.allocUnsafe` where there is a `Buffer` (no zeroing),
 * a `Uint8Array` elsewhere (browsers, workerd).
 */
export const allocBytes: (size: number) => Uint8Array =
  typeof Buffer === 'function' ? (size) => Buffer.allocUnsafe(size) : (size) => new Uint8Array(size);

/**
 * `size` bytes that a hashing worker can read without a copy: on a `SharedArrayBuffer` where there
 * is one (zeroed once, then recycled by {@link createPartBuffers}), else as {@link allocBytes}.
 */
export const allocSharedBytes: (size: number) => Uint8Array =
  typeof SharedArrayBuffer === 'function' && typeof Buffer === 'function' ? (size) => new Uint8Array(new SharedArrayBuffer(size)) : allocBytes;

/** A free list of equally sized part buffers. */
export interface PartBuffers {
  /** A buffer of exactly `size` bytes: a recycled one when one of that size is free. Contents are arbitrary. */
  take(size: number): Uint8Array;
  /** Returns a buffer once nothing (no request, no checksum) still reads it. */
  give(buffer: Uint8Array): void;
}

/** Creates an empty pool; it holds at most as many buffers as were in use at once. */
export function createPartBuffers(): PartBuffers {
  const free: Uint8Array[] = [];
  return {
    take(size) {
      const recycled = free.pop();
      if (recycled?.byteLength === size) return recycled;
      // Sizes change only when a stream moves to a larger part tier: older buffers are of no more use.
      free.length = 0;
      return allocSharedBytes(size);
    },
    give(buffer) {
      free.push(buffer);
    },
  };
}
