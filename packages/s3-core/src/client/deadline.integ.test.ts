import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
const DIST = pathToFileURL(join(import.meta.dirname, '../../dist/index.js')).href;

describe('a call deadline in a real process', () => {
  it('keeps the process alive until it fires (regression: AbortSignal.timeout is unref\'d, so a call waiting only on it exited 13 silently)', async () => {
    // A transport without sockets that never answers: only the deadline is left to wait on.
    const source = `import { S3Client } from ${JSON.stringify(DIST)};
const transport = { send: (_request, { signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))) };
const client = new S3Client({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, transport, config: { env: {} } });
try {
  await client.listBuckets({}, { timeoutMs: 100 });
} catch (err) {
  console.log(err.name, err.code);
}`;
    const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', source]).catch((err: unknown) => err as { stdout: string; code: number });
    expect(stdout).toBe('TimeoutError ERR_TIMEOUT\n');
  });
});
