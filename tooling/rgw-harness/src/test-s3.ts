import { inject } from 'vitest';
import type { S3TestConfig } from './s3-test-config.js';

/**
 * The S3 server of this integration run, as provided by the `integ` project's global setup
 * (a harness-started RGW, or the S3KIT_TEST_* override). Call it inside a test file.
 *
 * @example
 * ```ts
 * const s3 = testS3();
 * const client = createS3Client({ endpoint: s3.endpoint, region: s3.region, credentials: s3 });
 * ```
 */
export function testS3(): S3TestConfig {
  return inject('s3');
}
