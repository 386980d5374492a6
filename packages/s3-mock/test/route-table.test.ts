import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTE_TABLE, S3_OPERATIONS } from '../src/protocol/route-table.js';

const generator = resolve(import.meta.dirname, '../scripts/generate-route-table.mjs');

describe('route table generated from the vendored AWS model', () => {
  it('matches what the generator makes from vendor/s3-model (drift check)', () => {
    const run = spawnSync(process.execPath, [generator, '--check'], { encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('routes every listed operation exactly once, and answers every model operation but the excluded ones', () => {
    expect(ROUTE_TABLE.map((r) => r.operation).sort()).toEqual([...S3_OPERATIONS]);
    expect(S3_OPERATIONS).toContain('ListObjectVersions');
    expect(S3_OPERATIONS).not.toContain('ListDirectoryBuckets');
    // Deprecated operations that share a route with their replacement are left to it.
    expect(S3_OPERATIONS).not.toContain('GetBucketLifecycle');
  });
});
