/**
 * `@s3kit/s3-mock/testing`: vitest helpers. `useS3Mock()` gives each test a fresh mock; the
 * matchers assert on what the mock received.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { createS3Mock } from '../mock/create-s3-mock.js';
import type { S3Mock, S3MockOptions } from '../mock/create-s3-mock.js';
import { s3MockMatchers } from './matchers.js';
import type { S3MockMatchers } from './matchers.js';

export { s3MockMatchers } from './matchers.js';
export type { S3MockMatchers, ReceivedFilter } from './matchers.js';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type -- must match vitest's declaration
  interface Matchers<T = any> extends S3MockMatchers<T> {}
}

let installed = false;

/** Registers the S3 mock matchers with vitest's `expect` (idempotent). */
export function installS3MockMatchers(): void {
  if (installed) return;
  expect.extend(s3MockMatchers);
  installed = true;
}

/** The per-test mock handle of {@link useS3Mock}. */
export interface S3MockFixture {
  /** The current test's mock. @throws Error outside a test */
  readonly mock: S3Mock;
}

/**
 * Gives every test of the enclosing suite a fresh mock (seeded from `options.seed`), reset after
 * the test; also installs the matchers.
 * @example
 * ```ts
 * const s3 = useS3Mock({ seed: { buckets: { b: {} } } });
 * it('uploads', async () => {
 *   await upload(s3.mock.transport);
 *   expect(s3.mock).toHaveReceived('PutObject', { bucket: 'b' });
 *   expect(s3.mock).toHaveNoUploadsInFlight();
 * });
 * ```
 */
export function useS3Mock(options: S3MockOptions = {}): S3MockFixture {
  installS3MockMatchers();
  let current: S3Mock | undefined;
  beforeEach(() => {
    current = createS3Mock(options);
  });
  afterEach(() => {
    current?.reset();
    current = undefined;
  });
  return {
    get mock(): S3Mock {
      if (!current) throw new Error('useS3Mock(): the mock exists only while a test runs');
      return current;
    },
  };
}
