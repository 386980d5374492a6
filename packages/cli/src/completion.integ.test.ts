import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Mock } from '@s3kit/s3-mock';
import type { S3MockServer } from '@s3kit/s3-mock';
import { BIN, cleanEnv, runBin } from './test-support/bin.js';

const execFileAsync = promisify(execFile);

/** Loads `s3kit completion bash` into bash and completes `line` as if Tab were pressed at its end. */
const COMPLETE = `
eval "$(s3kit completion bash)"
line="$1"
COMP_LINE="$line"; COMP_POINT=\${#line}
read -ra COMP_WORDS <<< "$line"
COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
if [[ "$line" == *" " ]]; then COMP_WORDS+=(""); COMP_CWORD=\${#COMP_WORDS[@]}; COMP_CWORD=$((COMP_CWORD - 1)); fi
COMPREPLY=()
_s3kit
printf '%s\\n' "\${COMPREPLY[@]}"
`;

describe('s3kit completion bash (built bin, real bash, real server)', () => {
  let server: S3MockServer;
  let shims: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    const mock = createS3Mock({ seed: { buckets: { habits: { objects: { 'hello.txt': 'hi', 'docs/a.md': 'a' } }, other: {} } } });
    server = await mock.start();
    shims = await mkdtemp(join(tmpdir(), 's3kit-completion-'));
    await writeFile(join(shims, 's3kit'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    await chmod(join(shims, 's3kit'), 0o755);
    env = cleanEnv({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', PATH: `${shims}:${process.env.PATH ?? ''}` });
  });
  afterAll(async () => {
    await server.stop();
    await rm(shims, { recursive: true, force: true });
  });

  async function complete(line: string): Promise<string[]> {
    const { stdout } = await execFileAsync('bash', ['-c', COMPLETE, 'complete', line], { env });
    return stdout.split('\n').filter((w) => w !== '');
  }

  it('completes commands, their flags and global options', async () => {
    expect(await complete('s3kit ')).toEqual(expect.arrayContaining(['ls', 'cp', 'cat', 'stat', 'du', 'completion']));
    expect(await complete('s3kit st')).toEqual(['stat']);
    expect(await complete('s3kit ls --hum')).toEqual(['--human-readable']);
    expect(await complete('s3kit --region eu-west-1 sync --del')).toEqual(['--delete']);
    expect(await complete('s3kit cp a b --endpoint')).toEqual(['--endpoint-url']);
  });

  it('completes buckets and keys from the endpoint on the command line', async () => {
    const at = `--endpoint-url ${server.endpoint}`;
    // bash splits words at ':', so the completions are the part after "s3:".
    expect(await complete(`s3kit ${at} ls s3://`)).toEqual(['//habits/', '//other/']);
    expect(await complete(`s3kit ${at} cat s3://ha`)).toEqual(['//habits/']);
    expect(await complete(`s3kit ${at} cat s3://habits/`)).toEqual(['//habits/docs/', '//habits/hello.txt']);
    expect(await complete(`s3kit ${at} cat s3://habits/d`)).toEqual(['//habits/docs/']);
  });

  it('offers nothing (and prints no error) when S3 cannot be asked', async () => {
    const refused = await runBin(['completion', '--s3-urls', 's3://', '--', '--endpoint-url', 'http://127.0.0.1:9'], env);
    expect(refused).toEqual({ code: 0, stdout: '', stderr: '' });
    const bad = await runBin(['completion', 'tcsh'], env);
    expect(bad.code).toBe(252);
  });
});
