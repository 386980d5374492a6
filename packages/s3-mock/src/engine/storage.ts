/**
 * The cap on stored bytes (`maxStoredBytes`): every body the engine keeps (object versions and
 * uploaded parts) counts, and a write that would go over the cap is refused with 507
 * `InsufficientStorage` before anything changes. The protocol layer checks declared lengths against
 * the same numbers before it reads a body, so the server's memory stays bounded.
 */
import type { EngineContext, EngineState } from './engine-state.js';
import { S3MockError } from './errors.js';
import type { KeyVersion } from './records.js';

/** Bytes a version keeps (a delete marker keeps none). */
export function sizeOf(version: KeyVersion | undefined): number {
  return version?.kind === 'object' ? version.Size : 0;
}

/**
 * Counts `delta` more stored bytes (negative frees them).
 * @throws S3MockError `InsufficientStorage` when a positive `delta` would exceed the cap
 */
export function claimStorage(ctx: EngineContext, delta: number): void {
  if (delta > 0 && ctx.state.storedBytes + delta > ctx.maxStoredBytes) {
    throw insufficientStorage(ctx.maxStoredBytes, ctx.state.storedBytes, delta);
  }
  ctx.state.storedBytes += delta;
}

/** The `InsufficientStorage` error for a request of `proposed` bytes. */
export function insufficientStorage(maxStoredBytes: number, storedBytes: number, proposed: number): S3MockError {
  return new S3MockError(
    'InsufficientStorage',
    { MaxStoredBytes: maxStoredBytes, StoredBytes: storedBytes, ProposedSize: proposed },
    `s3-mock stores at most ${maxStoredBytes} bytes (its maxStoredBytes option) and holds ${storedBytes}: ${proposed} more do not fit`,
  );
}

/** Every stored byte of `state`, counted from scratch. */
export function measureStoredBytes(state: Pick<EngineState, 'buckets'>): number {
  let total = 0;
  for (const bucket of state.buckets.values()) {
    for (const stack of bucket.keys.values()) for (const v of stack.versions) total += sizeOf(v);
    for (const upload of bucket.uploads.values()) for (const part of upload.parts.values()) total += part.body.byteLength;
  }
  return total;
}
