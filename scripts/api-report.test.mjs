import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateReports } from './api-report.mjs';

const root = join(import.meta.dirname, '..');

describe('API reports', () => {
  let reports;
  beforeAll(() => {
    reports = generateReports(root);
  }, 180_000);

  it('are committed for every published package and match the code (node scripts/api-report.mjs rewrites them)', () => {
    expect([...reports.keys()].sort()).toEqual([
      'packages/cli/api-report.md',
      'packages/primitives/api-report.md',
      'packages/s3-core/api-report.md',
      'packages/s3-mock/api-report.md',
      'packages/s3-transfer/api-report.md',
      'packages/sigv4/api-report.md',
    ]);
    for (const [file, text] of reports) expect(readFileSync(join(root, file), 'utf8'), file).toBe(text);
  });

  it('shows what an entry point exports and leaves internal modules out', () => {
    const core = reports.get('packages/s3-core/api-report.md');
    expect(core).toContain('class S3Client extends S3BaseClient');
    expect(core).toMatch(/^type S3ErrorCode = KnownS3ErrorCode \| Unlisted;$/m);
    expect(core).not.toMatch(/^function (parseXml|buildXml|crc32)\b/m);
  });
});
