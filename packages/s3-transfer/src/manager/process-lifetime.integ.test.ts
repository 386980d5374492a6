import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useScriptServer } from '../test-support/setup.js';

const execFileAsync = promisify(execFile);
const SCRIPTS = join(import.meta.dirname, '../../test/scripts');

async function runScript(name: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [join(SCRIPTS, name)], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const expected = createHash('sha256')
  .update(new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251))
  .digest('hex');

// A user's plain script, in a real process, against a server that fails once and a bandwidth limit
// that makes the transfer wait: while it waits on a timer, nothing else keeps Node's event loop alive.
describe.each([
  ['upload-top-level-await.mjs', 'top-level await'],
  ['upload-main-catch.mjs', 'main().catch()'],
])('a %s script (%s) survives retry backoffs and bandwidth pauses', (script) => {
  const s = useScriptServer();

  it('uploads and reads back every byte (regression: unref sleep made Node exit 13, or 0 with nothing uploaded)', async () => {
    s.mock.faults.add({ match: { operation: 'CreateMultipartUpload' }, action: { status: 500, code: 'InternalError' } });
    s.mock.faults.add({ match: { operation: 'UploadPart' }, nth: 2, action: { slowDown: true } });
    s.mock.faults.add({ match: { operation: 'CompleteMultipartUpload' }, action: 'reset' });
    const result = await runScript(script, { S3_ENDPOINT: s.server.endpoint, BANDWIDTH: String(4 * 1024 * 1024) });
    expect(result, result.stderr).toMatchObject({ code: 0, stdout: `${JSON.stringify({ parts: 3, sha256: expected })}\n` });
    expect(s.mock.faults.fired.map((f) => f.operation)).toEqual(['CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload']);
    expect(s.mock.uploadsInFlight()).toEqual([]);
  });
});
