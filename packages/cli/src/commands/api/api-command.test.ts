import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createResponseBody } from '@s3kit/primitives';
import type { HttpTransport } from '@s3kit/primitives';
import { defineOperation, operations } from '@s3kit/s3-core';
import type { OperationSpec } from '@s3kit/s3-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as main } from '../../main.js';
import { mockContext, testContext } from '../../test-support/context.js';
import { apiArguments } from './api-arguments.js';
import { runApi, splitOperation } from './api-command.js';
import { kebabName } from './kebab-name.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3kit-api-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const table = operations as unknown as Readonly<Record<string, OperationSpec>>;

describe('s3kit api: the operation table is the command table', () => {
  it('every operation of s3-core has a subcommand whose help lists each member flag', async () => {
    const { ctx } = mockContext();
    expect(await main(['api', 'help'], ctx)).toBe(0);
    const specs = Object.values(table);
    expect(specs.length).toBeGreaterThan(100);
    for (const spec of specs) {
      const name = kebabName(spec.name);
      expect(ctx.stdout.text).toContain(`  ${name}\n`);
      const one = mockContext().ctx;
      expect(await runApi([name, 'help'], one), name).toBe(0);
      for (const arg of apiArguments(spec)) expect(one.stdout.text, `${name} --${arg.flag}`).toContain(`--${arg.flag} (`);
      const skeleton = mockContext().ctx;
      expect(await runApi([name, '--generate-cli-skeleton'], skeleton), name).toBe(0);
      expect(Object.keys(JSON.parse(skeleton.stdout.text) as object)).toEqual(apiArguments(spec).map((a) => a.member));
    }
  });

  it('an operation added to the table appears with no CLI change', async () => {
    const GetBucketQuota = defineOperation<{ Bucket: string; Scope?: string }, { Quota?: number; Unit?: string }>({
      name: 'GetBucketQuota',
      method: 'GET',
      uri: '/{Bucket}?quota',
      input: { Bucket: { in: 'label', name: 'Bucket', required: true }, Scope: { in: 'query', name: 'scope' } },
      output: { Quota: { in: 'xml', shape: 'long' }, Unit: { in: 'header', name: 'x-quota-unit' } },
    });
    const seen: string[] = [];
    const transport: HttpTransport = {
      send(request) {
        seen.push(`${request.method} ${request.hostname}${request.path} scope=${String(request.query?.scope)}`);
        const xml = '<?xml version="1.0"?><GetBucketQuotaResult><Quota>42</Quota></GetBucketQuotaResult>';
        return Promise.resolve({
          statusCode: 200,
          headers: { 'content-type': 'application/xml', 'x-quota-unit': 'GiB' },
          body: createResponseBody((async function* () {
            yield new TextEncoder().encode(xml);
          })()),
        });
      },
    };
    const ctx = testContext({ transport });
    const extended = { ...table, GetBucketQuota };
    expect(await runApi(['get-bucket-quota', '--bucket', 'photos', '--scope', 'all'], ctx, extended), ctx.stderr.text).toBe(0);
    expect(ctx.stdout.text).toBe('{\n    "Quota": 42,\n    "Unit": "GiB"\n}\n');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^GET photos\.\S+ scope=all$|^GET \S+\/photos scope=all$/);
    const help = testContext();
    expect(await runApi(['help'], help, extended)).toBe(0);
    expect(help.stdout.text).toContain('  get-bucket-quota\n');
  });
});

describe('s3kit api: input', () => {
  it('takes structures as shorthand and JSON, and prints them back as aws does', async () => {
    const { ctx } = mockContext({ buckets: { photos: {} } });
    const cors = 'CORSRules=[{AllowedMethods=[GET,PUT],AllowedOrigins=[https://example.com],MaxAgeSeconds=600}]';
    expect(await main(['api', 'put-bucket-cors', '--bucket', 'photos', '--cors-configuration', cors], ctx), ctx.stderr.text).toBe(0);
    expect(ctx.stdout.text).toBe('');
    expect(await main(['api', 'get-bucket-cors', '--bucket', 'photos'], ctx)).toBe(0);
    const expected = {
      CORSRules: [{ AllowedMethods: ['GET', 'PUT'], AllowedOrigins: ['https://example.com'], MaxAgeSeconds: 600 }],
    };
    expect(ctx.stdout.text).toBe(`${JSON.stringify(expected, null, 4)}\n`);

    const json = mockContext({ buckets: { photos: {} } }).ctx;
    json.transport = ctx.transport!;
    await writeFile(join(dir, 'tags.json'), JSON.stringify({ TagSet: [{ Key: 'team', Value: 'storage' }] }));
    json.cwd = dir;
    expect(await runApi(['put-bucket-tagging', '--bucket', 'photos', '--tagging', 'file://tags.json'], json), json.stderr.text).toBe(0);
    expect(await runApi(['get-bucket-tagging', '--bucket', 'photos'], json)).toBe(0);
    expect(JSON.parse(json.stdout.text)).toEqual({ TagSet: [{ Key: 'team', Value: 'storage' }] });
  });

  it('put-object --body FILE and get-object ... OUTFILE stream files; metadata is a map; keys print in aws order', async () => {
    const { mock, ctx } = mockContext({ buckets: { photos: {} } });
    ctx.cwd = dir;
    await writeFile(join(dir, 'in.txt'), 'streamed body\n');
    const put = ['api', 'put-object', '--bucket', 'photos', '--key', 'a/b.txt', '--body', 'in.txt', '--metadata', 'colour=blue,size=small', '--content-type', 'text/plain'];
    expect(await main(put, ctx), ctx.stderr.text).toBe(0);
    expect(JSON.parse(ctx.stdout.text)).toHaveProperty('ETag');
    const sent = mock.requests.at(-1)?.headers;
    // The declared length (aws-chunked framing adds its own bytes to content-length).
    expect(sent?.['x-amz-decoded-content-length'] ?? sent?.['content-length']).toBe('14');
    ctx.stdout.text = '';
    expect(await main(['api', 'get-object', '--bucket', 'photos', '--key', 'a/b.txt', 'out.txt'], ctx), ctx.stderr.text).toBe(0);
    expect(await readFile(join(dir, 'out.txt'), 'utf8')).toBe('streamed body\n');
    const printed = JSON.parse(ctx.stdout.text) as Record<string, unknown>;
    expect(printed).not.toHaveProperty('Body');
    expect(printed.Metadata).toEqual({ colour: 'blue', size: 'small' });
    expect(Object.keys(printed).indexOf('ContentLength')).toBeLessThan(Object.keys(printed).indexOf('ContentType'));
    expect(Object.keys(printed).at(-1)).toBe('Metadata');
    expect(printed.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
  });

  it('--cli-timestamp-format wire prints header dates as HTTP dates and XML dates as ISO with milliseconds (aws v1)', async () => {
    const { ctx } = mockContext({ buckets: { photos: { objects: { 'k.txt': 'x' } } } });
    expect(await runApi(['head-object', '--bucket', 'photos', '--key', 'k.txt', '--cli-timestamp-format', 'wire'], ctx)).toBe(0);
    expect((JSON.parse(ctx.stdout.text) as { LastModified: string }).LastModified).toMatch(/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/);
    ctx.stdout.text = '';
    expect(await runApi(['list-objects-v2', '--bucket', 'photos', '--cli-timestamp-format', 'none'], ctx)).toBe(0);
    expect(ctx.stdout.text).toMatch(/"LastModified": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"/);
  });

  it('--cli-input-json gives the parameters, flags override it; --generate-cli-skeleton prints aws placeholders', async () => {
    const { ctx } = mockContext({ buckets: { photos: { objects: { 'a.txt': '1', 'b.txt': '2' } } } });
    ctx.cwd = dir;
    await writeFile(join(dir, 'input.json'), JSON.stringify({ Bucket: 'photos', Prefix: 'b', MaxKeys: 5 }));
    expect(await runApi(['list-objects-v2', '--cli-input-json', 'file://input.json', '--query', 'Contents[].Key'], ctx), ctx.stderr.text).toBe(0);
    expect(JSON.parse(ctx.stdout.text)).toEqual(['b.txt']);
    ctx.stdout.text = '';
    expect(await runApi(['list-objects-v2', '--cli-input-json', 'file://input.json', '--prefix', 'a', '--query', 'Contents[].Key'], ctx)).toBe(0);
    expect(JSON.parse(ctx.stdout.text)).toEqual(['a.txt']);
    const skeleton = testContext();
    expect(await runApi(['get-object-retention', '--generate-cli-skeleton'], skeleton)).toBe(0);
    expect(skeleton.stdout.text).toBe('{\n    "Bucket": "",\n    "Key": "",\n    "VersionId": "",\n    "RequestPayer": "",\n    "ExpectedBucketOwner": ""\n}\n');
  });
});

describe('s3kit api: pagination as aws merges pages', () => {
  const seed = { buckets: { photos: { objects: Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((k) => [`${k}.txt`, k])) } } };

  it('fetches every page and merges the items (--page-size sets the page)', async () => {
    const { mock, ctx } = mockContext(seed);
    expect(await runApi(['list-objects-v2', '--bucket', 'photos', '--page-size', '2', '--query', '[Contents[].Key, KeyCount, Prefix, RequestCharged]'], ctx)).toBe(0);
    expect(JSON.parse(ctx.stdout.text)).toEqual([['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'], null, '', null]);
    expect(mock.requests.filter((r) => r.operation === 'ListObjectsV2')).toHaveLength(3);
  });

  it('--max-items stops with a NextToken that --starting-token resumes, inside a page and on its edge', async () => {
    const { ctx } = mockContext(seed);
    expect(await runApi(['list-objects-v2', '--bucket', 'photos', '--page-size', '2', '--max-items', '3'], ctx)).toBe(0);
    const first = JSON.parse(ctx.stdout.text) as { Contents: { Key: string }[]; NextToken: string };
    expect(first.Contents.map((c) => c.Key)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(JSON.parse(Buffer.from(first.NextToken, 'base64').toString())).toEqual({ ContinuationToken: expect.any(String) as string, boto_truncate_amount: 1 });
    ctx.stdout.text = '';
    expect(await runApi(['list-objects-v2', '--bucket', 'photos', '--page-size', '2', '--starting-token', first.NextToken], ctx)).toBe(0);
    const rest = JSON.parse(ctx.stdout.text) as { Contents: { Key: string }[]; NextToken?: string };
    expect(rest.Contents.map((c) => c.Key)).toEqual(['d.txt', 'e.txt']);
    expect(rest.NextToken).toBeUndefined();

    ctx.stdout.text = '';
    expect(await runApi(['list-objects-v2', '--bucket', 'photos', '--page-size', '2', '--max-items', '2'], ctx)).toBe(0);
    const edge = JSON.parse(ctx.stdout.text) as { NextToken: string };
    expect(Object.keys(JSON.parse(Buffer.from(edge.NextToken, 'base64').toString()) as object)).toEqual(['ContinuationToken']);
  });

  it('a page limit or token given by hand, or --no-paginate, sends one request and prints it whole', async () => {
    const { mock, ctx } = mockContext(seed);
    expect(await runApi(['list-objects-v2', '--bucket', 'photos', '--max-keys', '2'], ctx)).toBe(0);
    const page = JSON.parse(ctx.stdout.text) as { IsTruncated: boolean; Contents: unknown[]; NextContinuationToken: string };
    expect(page.IsTruncated).toBe(true);
    expect(page.Contents).toHaveLength(2);
    expect(page.NextContinuationToken).toEqual(expect.any(String));
    expect(await runApi(['list-objects', '--bucket', 'photos', '--no-paginate'], ctx)).toBe(0);
    expect(mock.requests.filter((r) => r.operation === 'ListObjectsV2' || r.operation === 'ListObjects')).toHaveLength(2);
  });

  it('a --starting-token that is not a NextToken is a usage error', async () => {
    const { ctx } = mockContext(seed);
    expect(await runApi(['list-objects-v2', '--bucket', 'photos', '--starting-token', 'garbage'], ctx)).toBe(252);
    expect(ctx.stderr.text).toContain('--starting-token');
  });
});

describe('s3kit api: output formats and --query', () => {
  const seed = { buckets: { photos: { objects: { 'a.txt': 'x' } } } };

  it('text, yaml and table', async () => {
    const { ctx } = mockContext(seed);
    await runApi(['put-bucket-tagging', '--bucket', 'photos', '--tagging', 'TagSet=[{Key=team,Value=storage},{Key=env,Value=test}]'], ctx);
    expect(await runApi(['get-bucket-tagging', '--bucket', 'photos', '--output', 'text'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('TAGSET\tteam\tstorage\nTAGSET\tenv\ttest\n');
    ctx.stdout.text = '';
    expect(await runApi(['get-bucket-tagging', '--bucket', 'photos', '--output', 'yaml'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('TagSet:\n- Key: team\n  Value: storage\n- Key: env\n  Value: test\n');
    ctx.stdout.text = '';
    expect(await runApi(['get-bucket-tagging', '--bucket', 'photos', '--output', 'table'], ctx)).toBe(0);
    const lines = ctx.stdout.text.trimEnd().split('\n');
    expect(lines[1]).toMatch(/^\|\s+GetBucketTagging\s+\|$/);
    expect(ctx.stdout.text).toMatch(/\|\|\s+Key\s+\|\s+Value\s+\|\|/);
    expect(ctx.stdout.text).toMatch(/\|\|\s+team\s+\|\s+storage\s+\|\|/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });

  it('--query filters with JMESPath; a bad expression or --output value is a usage error', async () => {
    const { ctx } = mockContext(seed);
    expect(await runApi(['list-objects-v2', '--bucket', 'photos', '--query', 'Contents[?Size==`1`].Key | [0]'], ctx)).toBe(0);
    expect(ctx.stdout.text).toBe('"a.txt"\n');
    expect(await runApi(['list-objects-v2', '--bucket', 'photos', '--query', 'Contents[?'], ctx)).toBe(252);
    expect(ctx.stderr.text).toContain('Bad value for --query');
    expect(await runApi(['list-objects-v2', '--bucket', 'photos', '--output', 'xml'], ctx)).toBe(252);
  });
});

describe('s3kit api: errors', () => {
  it('an S3 error prints as aws prints it and exits 254', async () => {
    const { ctx } = mockContext();
    expect(await runApi(['get-bucket-cors', '--bucket', 'nowhere'], ctx)).toBe(254);
    expect(ctx.stderr.text).toBe('\nAn error occurred (NoSuchBucket) when calling the GetBucketCors operation: The specified bucket does not exist\n');
    expect(ctx.stdout.text).toBe('');
  });

  it('a HEAD error names the status and its reason phrase, as aws does (no body to read a code from)', async () => {
    const { ctx } = mockContext({ buckets: { photos: {} } });
    expect(await runApi(['head-object', '--bucket', 'photos', '--key', 'missing'], ctx)).toBe(254);
    expect(ctx.stderr.text).toBe('\nAn error occurred (404) when calling the HeadObject operation: Not Found\n');
  });

  it.each([
    [['get-bucket-cors'], 'Missing required parameter in input: "Bucket"'],
    [['get-bucket-cors', '--bucket', 'b', '--bogus', 'x'], 'Unknown options: --bogus'],
    [['get-bucket-corz', '--bucket', 'b'], 'unknown operation "get-bucket-corz"'],
    [['list-objects-v2', '--bucket', 'b', '--max-keys', 'many'], 'Invalid type for parameter MaxKeys'],
    [['put-bucket-cors', '--bucket', 'b', '--cors-configuration', '{"Rules": []}'], 'Unknown parameter in CORSConfiguration: "Rules", must be one of: CORSRules'],
    [['put-bucket-cors', '--bucket', 'b', '--cors-configuration', '{"CORSRules": '], 'Invalid JSON'],
    [['put-bucket-policy', '--bucket', 'b', '--policy', 'file:///nonexistent/policy.json'], 'Unable to load paramfile'],
    [['get-object', '--bucket', 'b', '--key', 'k'], 'the following arguments are required: outfile'],
    [['get-bucket-cors', '--bucket'], 'argument --bucket: expected one argument'],
  ])('%j is a usage error (252): %s', async (argv, message) => {
    const { mock, ctx } = mockContext();
    expect(await runApi(argv, ctx)).toBe(252);
    expect(ctx.stderr.text).toContain(message);
    expect(mock.requests).toHaveLength(0);
  });

  it('options may come before the operation name, as aws takes them', async () => {
    const { ctx } = mockContext({ buckets: { photos: {} } });
    expect(await runApi(['--output', 'text', '--query', 'Buckets[].Name', 'list-buckets'], ctx), ctx.stderr.text).toBe(0);
    expect(ctx.stdout.text).toBe('photos\n');
    expect(splitOperation(['--no-paginate', '--region=eu-west-1', 'list-buckets', '--max-items', '1'])).toEqual({ name: 'list-buckets', rest: ['--no-paginate', '--region=eu-west-1', '--max-items', '1'] });
  });

  it('no operation prints the list on stderr and exits 252', async () => {
    const ctx = testContext();
    expect(await runApi([], ctx)).toBe(252);
    expect(ctx.stderr.text).toContain('get-bucket-cors');
  });
});
