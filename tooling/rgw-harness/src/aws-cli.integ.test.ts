import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testS3 } from '@s3kit/rgw-harness';

const exec = promisify(execFile);

// The real AWS CLI (botocore) against the harness's server: proves endpoint, keys and SigV4 work
// for a client we did not write. `aws` must be on PATH; a missing CLI fails the test.
describe('AWS CLI against the test S3 server', () => {
  const s3 = testS3();
  const bucket = `s3kit-awscli-${randomBytes(4).toString('hex')}`;
  let work: string;
  let bucketRemoved = false;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    AWS_DEFAULT_REGION: s3.region,
    // Keep the user's own profiles, session tokens and IMDS out of it.
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  delete env['AWS_PROFILE'];
  delete env['AWS_SESSION_TOKEN'];

  const aws = async (...args: string[]): Promise<string> =>
    (await exec('aws', ['--endpoint-url', s3.endpoint, ...args], { env, timeout: 30_000 })).stdout;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 's3kit-awscli-'));
  });
  afterAll(async () => {
    if (!bucketRemoved) await aws('s3', 'rb', `s3://${bucket}`, '--force').catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  });

  it('makes a bucket, uploads, lists, downloads the same bytes, deletes, removes the bucket', async () => {
    const body = randomBytes(100_000);
    const source = join(work, 'upload.bin');
    const target = join(work, 'download.bin');
    await writeFile(source, body);

    expect(await aws('s3', 'mb', `s3://${bucket}`)).toContain(`make_bucket: ${bucket}`);

    await aws('s3', 'cp', source, `s3://${bucket}/dir/object.bin`);
    const listing = (await aws('s3', 'ls', `s3://${bucket}`, '--recursive')).trim().split('\n');
    expect(listing).toHaveLength(1);
    expect(listing[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\s+100000 dir\/object\.bin$/);

    await aws('s3', 'cp', `s3://${bucket}/dir/object.bin`, target);
    expect((await readFile(target)).equals(body)).toBe(true);

    expect(await aws('s3', 'rm', `s3://${bucket}/dir/object.bin`)).toContain(`delete: s3://${bucket}/dir/object.bin`);
    // Without --force, rb fails on a non-empty bucket (BucketNotEmpty), so this also proves the delete.
    expect(await aws('s3', 'rb', `s3://${bucket}`)).toContain(`remove_bucket: ${bucket}`);
    bucketRemoved = true;
  });
});
