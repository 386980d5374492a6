/**
 * Output compatibility with the AWS CLI: the same requests through `aws s3api` and the built
 * `s3kit api` bin, both real child processes, against the integration run's S3 server; their
 * outputs must be equal once the accepted differences (test-support/api-compat-cases.ts) are
 * normalised away.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCEPTED_DIFFERENCES, COMPAT_CASES, V2_MODEL_GAPS } from '../../test-support/api-compat-cases.js';
import { BIN, cleanEnv, runBin } from '../../test-support/bin.js';
import type { BinResult } from '../../test-support/bin.js';

const execFileAsync = promisify(execFile);
const s3 = inject('s3');
const run = Date.now().toString(36);
const bucket = `api-compat-${run}`;
const TOOLS = { aws: `${bucket}-aws`, kit: `${bucket}-kit` } as const;
type Tool = keyof typeof TOOLS;

let dir: string;
let env: NodeJS.ProcessEnv;
let upload = '';
let etag = '';
const ownUploads: Record<Tool, string> = { aws: '', kit: '' };
/** The exit code of `aws` on a service error: 255 in v1, 254 in v2 (s3kit's, always). */
let awsServiceExit = 255;

/** Debian's AWS CLI v2 (2.9.19), which .ci/run installs beside the v1 on PATH. */
const AWS_V2 = '/usr/bin/aws';

async function runAws(args: readonly string[], bin = 'aws'): Promise<BinResult> {
  try {
    const { stdout, stderr } = await execFileAsync(bin, ['s3api', ...args, '--endpoint-url', s3.endpoint], { env, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function runKit(args: readonly string[]): Promise<BinResult> {
  return runBin(['api', ...args, '--endpoint-url', s3.endpoint], env);
}

function fill(args: readonly string[], tool: Tool): string[] {
  return args.map((arg) =>
    arg
      .replaceAll('{own}', TOOLS[tool])
      .replaceAll('{bucket}', bucket)
      .replaceAll('{dir}', dir)
      .replaceAll('{out}', join(dir, `out-${tool}`))
      .replaceAll('{ownUpload}', ownUploads[tool])
      .replaceAll('{upload}', upload)
      .replaceAll('{etag}', etag.replaceAll('"', '\\"')),
  );
}

/** s3kit's json without the members awscli 2.9.19's model lacks ({@link V2_MODEL_GAPS}), where that aws left them out. */
function withoutV2Gaps(kitText: string, awsText: string): string {
  let kit: unknown;
  let aws: unknown;
  try {
    kit = JSON.parse(kitText);
    aws = JSON.parse(awsText);
  } catch {
    return kitText;
  }
  if (typeof kit !== 'object' || kit === null || Array.isArray(kit) || typeof aws !== 'object' || aws === null) return kitText;
  const kept = Object.entries(kit).filter(([key]) => !V2_MODEL_GAPS.members.includes(key) || key in aws);
  return `${JSON.stringify(Object.fromEntries(kept), null, 4)}\n`;
}

/** The accepted differences of write requests: each tool's names, dates and upload ids. */
function normaliseWrite(text: string, tool: Tool): string {
  return text
    .replaceAll(TOOLS[tool], '{own}')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)/g, '{date}')
    .replace(/[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT/g, '{date}')
    .replace(/"UploadId": "[^"]+"/g, '"UploadId": "{upload}"');
}

/**
 * The server's order of DeleteObjects' `Deleted` entries, which RGW does not keep from one request to
 * the next (each tool sends its own request), as key order. Only a document already printed exactly
 * as `JSON.stringify(…, null, 4)` is rewritten, so a formatting difference still fails the comparison.
 */
function deletedInKeyOrder(text: string): string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof doc !== 'object' || doc === null || !('Deleted' in doc) || !Array.isArray(doc.Deleted)) return text;
  if (`${JSON.stringify(doc, null, 4)}\n` !== text) return text;
  const keyOf = (entry: unknown): string => (typeof entry === 'object' && entry !== null && 'Key' in entry ? String(entry.Key) : '');
  const sorted = [...(doc.Deleted as unknown[])].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return `${JSON.stringify({ ...doc, Deleted: sorted }, null, 4)}\n`;
}

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build first (pnpm build, or pnpm test which builds)`);
  dir = await mkdtemp(join(tmpdir(), 's3kit-api-compat-'));
  const config = join(dir, 'aws-config');
  // aws v1 prints timestamps as received unless told iso8601, the AWS CLI v2's (and s3kit's) default.
  await writeFile(config, '[default]\ncli_timestamp_format = iso8601\n');
  env = cleanEnv({
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    AWS_REGION: s3.region,
    AWS_DEFAULT_REGION: s3.region,
    AWS_CONFIG_FILE: config,
    // Both clients then send the same requests: checksums only where S3 requires one.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
    AWS_PAGER: '',
  });
  const version = await execFileAsync('aws', ['--version'], { env });
  awsServiceExit = /aws-cli\/1\./.test(version.stdout + version.stderr) ? 255 : 254;
  const hello = 'hello from both clients\n';
  await writeFile(join(dir, 'hello.txt'), hello);
  etag = `"${createHash('md5').update(hello).digest('hex')}"`;
  await writeFile(join(dir, 'cors.json'), JSON.stringify({ CORSRules: [{ AllowedMethods: ['GET', 'PUT'], AllowedOrigins: ['https://example.com'], MaxAgeSeconds: 600 }] }));
  await writeFile(join(dir, 'lifecycle.json'), JSON.stringify({ Rules: [{ ID: 'tmp', Status: 'Enabled', Filter: { Prefix: 'tmp/' }, Expiration: { Days: 3 } }] }));
  await writeFile(
    join(dir, 'policy.json'),
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::*' }] }),
  );
  const setup = async (...args: string[]): Promise<string> => {
    const result = await runAws(args);
    if (result.code !== 0) throw new Error(`aws s3api ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  };
  await setup('create-bucket', '--bucket', bucket);
  await setup('put-object', '--bucket', bucket, '--key', 'src.txt', '--body', join(dir, 'hello.txt'));
  for (const name of ['a.txt', 'b.txt', 'c.txt', 'sub/d.txt']) await setup('put-object', '--bucket', bucket, '--key', `dir/${name}`, '--body', join(dir, 'hello.txt'));
  await setup('put-bucket-tagging', '--bucket', bucket, '--tagging', 'TagSet=[{Key=team,Value=storage},{Key=env,Value=test}]');
  await setup('put-object-tagging', '--bucket', bucket, '--key', 'src.txt', '--tagging', 'TagSet=[{Key=kind,Value=fixture}]');
  await setup('put-bucket-cors', '--bucket', bucket, '--cors-configuration', `file://${join(dir, 'cors.json')}`);
  upload = (JSON.parse(await setup('create-multipart-upload', '--bucket', bucket, '--key', 'pending/mp.bin')) as { UploadId: string }).UploadId;
  await setup('upload-part', '--bucket', bucket, '--key', 'pending/mp.bin', '--upload-id', upload, '--part-number', '1', '--body', join(dir, 'hello.txt'));
});

afterAll(async () => {
  for (const name of [bucket, ...Object.values(TOOLS)]) {
    const listed = await runKit(['list-multipart-uploads', '--bucket', name, '--query', 'Uploads[].[Key, UploadId]', '--output', 'text']);
    for (const line of listed.stdout.split('\n').filter((l) => l.includes('\t'))) {
      const [key, id] = line.split('\t');
      await runKit(['abort-multipart-upload', '--bucket', name, '--key', key!, '--upload-id', id!]);
    }
    await runBin(['rb', `s3://${name}`, '--force', '--endpoint-url', s3.endpoint], env);
  }
  await rm(dir, { recursive: true, force: true });
});

describe('s3kit api prints what aws s3api prints (same requests, same server)', () => {
  it(`covers at least 20 operations, with ${ACCEPTED_DIFFERENCES.length} accepted differences`, () => {
    expect(new Set(COMPAT_CASES.map((c) => c.op)).size).toBeGreaterThanOrEqual(20);
  });

  for (const c of COMPAT_CASES) {
    it(`${c.kind} ${c.op} ${c.args.filter((a) => a.startsWith('--')).join(' ')}`, async () => {
      const [aws, kit] = await Promise.all([runAws([c.op, ...fill(c.args, 'aws')]), runKit([c.op, ...fill(c.args, 'kit')])]);
      for (const [tool, result] of [['aws', aws], ['kit', kit]] as const) {
        const id = /"UploadId": "([^"]+)"/.exec(result.stdout)?.[1];
        if (id !== undefined) ownUploads[tool] = id;
      }
      const norm = (text: string, tool: Tool): string => (c.kind === 'write' ? deletedInKeyOrder(normaliseWrite(text, tool)) : text);
      expect(norm(kit.stdout, 'kit')).toBe(norm(aws.stdout, 'aws'));
      if (aws.code === 0) {
        expect(kit.stderr).toBe('');
        expect(kit.code).toBe(0);
      } else {
        // aws v1 exits 255 on a service error; s3kit exits 254 as v2 does (an accepted difference).
        expect([aws.code, kit.code]).toEqual([awsServiceExit, 254]);
        expect(kit.stderr).toBe(aws.stderr);
      }
      if (c.outfile === true) {
        expect(await readFile(join(dir, 'out-kit'), 'utf8')).toBe(await readFile(join(dir, 'out-aws'), 'utf8'));
      }
    });
  }
});

describe("s3kit api prints what aws s3api v2 prints (Debian's awscli 2.9.19; read requests)", () => {
  beforeAll(() => {
    if (!existsSync(AWS_V2)) throw new Error(`${AWS_V2} is missing: apt-get install awscli (as .ci/run does)`);
  });

  for (const c of COMPAT_CASES.filter((one) => one.kind === 'read' && one.notWithV2 === undefined)) {
    it(`${c.op} ${c.args.filter((a) => a.startsWith('--')).join(' ')}`, async () => {
      const [aws, kit] = await Promise.all([runAws([c.op, ...fill(c.args, 'aws')], AWS_V2), runKit([c.op, ...fill(c.args, 'kit')])]);
      expect(withoutV2Gaps(kit.stdout, aws.stdout)).toBe(aws.stdout);
      expect(kit.code).toBe(aws.code);
      expect(kit.stderr).toBe(aws.stderr);
      if (c.outfile === true) {
        expect(await readFile(join(dir, 'out-kit'), 'utf8')).toBe(await readFile(join(dir, 'out-aws'), 'utf8'));
      }
    });
  }
});
