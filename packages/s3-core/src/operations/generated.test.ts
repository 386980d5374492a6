/**
 * The drift test: every file the operation generator writes (specs and types per family, the table,
 * the client's methods, the paginators, the export block of index.ts) is committed exactly as the
 * generator writes it from the vendored model and its hand-written data.
 */
import { describe, expect, it } from 'vitest';
import { generateFiles, staleFiles } from '../../scripts/generate-operations.mjs';
import { S3Client } from '../client/s3-client.js';
import { operations } from './index.js';

describe('generated operation files', () => {
  it('match the generator (run `pnpm --filter @s3kit/s3-core generate` after changing the model or the data)', () => {
    expect(staleFiles()).toEqual([]);
  });

  it('give the client a documented method, with an example, for every operation of the table', () => {
    const methods = generateFiles().get('src/client/client-methods.ts')!;
    for (const name of Object.keys(operations)) {
      const method = name.charAt(0).toLowerCase() + name.slice(1);
      expect(typeof (S3Client.prototype as unknown as Record<string, unknown>)[method]).toBe('function');
      expect(methods).toMatch(new RegExp(`@example[\\s\\S]*?\\n  ${method}\\(`));
    }
  });
});
