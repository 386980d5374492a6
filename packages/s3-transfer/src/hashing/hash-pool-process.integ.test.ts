import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checksumBase64 } from '@s3kit/s3-core';

import { useScriptServer } from '../test-support/setup.js';

const execFileAsync = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '../../test/scripts/upload-hashed.mjs');

/** Runs the script in a real Node process; a process kept alive by a worker is killed after 60 s (code null). */
async function runScript(env: Record<string, string>, args = [SCRIPT]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, args, { env: { ...process.env, ...env }, timeout: 60_000, cwd: join(import.meta.dirname, '../../test/scripts') });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number | null; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const data = new Uint8Array(7 * 1024 * 1024).map((_, i) => (i * 7) % 253);

// The published package (dist) finds its worker script beside it, so these parts (2 MiB, above the
// pool's 1 MiB threshold) are hashed on worker threads of a plain script's process.
describe('a plain script uploading with checksums hashed on worker threads', () => {
  const s = useScriptServer();

  it.each(['CRC32C', 'CRC64NVME'])('uploads with %s, prints the full-object checksum and exits 0 on its own', async (algorithm) => {
    const result = await runScript({ S3_ENDPOINT: s.server.endpoint, ALGORITHM: algorithm });
    expect(result, result.stderr).toMatchObject({ code: 0, stdout: `${JSON.stringify({ parts: 4, checksum: { algorithm, value: checksumBase64(algorithm as 'CRC32C', data) } })}\n` });
  });

  it('hashes on workers of a `node --input-type=module -e` process (regression: workers inherited --input-type and failed to start)', async () => {
    const entry = pathToFileURL(join(import.meta.dirname, '../../dist/index.js')).href;
    const code = "const { createHashPool } = await import(process.env.ENTRY); console.log(await createHashPool({ minBytes: 0 }).checksum('CRC32C', new TextEncoder().encode('abc')));";
    const result = await runScript({ ENTRY: entry }, ['--input-type=module', '-e', code]);
    expect(result, result.stderr).toMatchObject({ code: 0, stdout: 'Nks/tw==\n' });
  });

  it('exits non-zero, says why, and leaves no multipart upload behind when the upload fails after its parts were hashed', async () => {
    s.mock.faults.add({ match: { operation: 'CompleteMultipartUpload' }, action: { status: 400, code: 'InvalidPart' } });
    const result = await runScript({ S3_ENDPOINT: s.server.endpoint, ALGORITHM: 'CRC32C' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('InvalidPart');
    expect(result.stdout).toBe('');
    expect(s.mock.faults.fired.map((f) => f.operation)).toEqual(['CompleteMultipartUpload']);
    expect(s.mock.uploadsInFlight()).toEqual([]);
  });
});
