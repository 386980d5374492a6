import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createResponseBody } from '@s3kit/primitives';
import { describe, expect, it } from 'vitest';
import { createS3Body } from './response-body.js';

describe('S3Body.pipeTo(path)', () => {
  // Regression: a body cut before the file's open() returned rejected while the open was still
  // pending, so the file appeared after the caller had checked for it and `s3kit api get-object`
  // left a partial outfile (seen once in a clean-clone run; 12 of 50 tries in a plain script).
  it('settles only once its file is open and closed, so a failed pipe leaves a file the caller can remove for good', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3kit-pipe-'));
    try {
      for (let i = 0; i < 30; i++) {
        const path = join(dir, `cut-${i}.bin`);
        const source = (async function* () {
          yield new TextEncoder().encode('partial');
          throw new Error('connection reset');
        })();
        await expect(createS3Body(createResponseBody(source)).pipeTo(path)).rejects.toThrow('connection reset');
        expect(existsSync(path)).toBe(true);
        await rm(path);
      }
      // Nothing reappears once the pending opens have had every chance to finish.
      await new Promise((resolve) => setImmediate(resolve));
      for (let i = 0; i < 30; i++) expect(existsSync(join(dir, `cut-${i}.bin`))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
